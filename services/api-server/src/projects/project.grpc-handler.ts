import * as grpc from '@grpc/grpc-js';
import type { AppProject } from '@flotilla/api-types';
import { contracts, fromJsonObject, toJsonObject } from '@flotilla/contracts';
import type { ProjectServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { toJsonList } from '../rpc/json-list';
import { authenticated, Authenticator } from '../rpc/unary-call';
import { ProjectService } from './project.service';

/** project.ProjectService over ProjectService. */
export class ProjectGrpcHandler implements GrpcHandler {
  readonly definition = contracts().project.ProjectService.service;

  constructor(
    private readonly auth: Authenticator,
    private readonly projects: ProjectService,
  ) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: ProjectServiceHandlers = {
      List: authenticated(this.auth, async (_req, ctx) => {
        const list = await this.projects.list(ctx);
        return toJsonList(list.items, list.resourceVersion);
      }),
      Get: authenticated(this.auth, async (req, ctx) => toJsonObject(await this.projects.get(ctx, req.name ?? ''))),
      Create: authenticated(this.auth, async (req, ctx) =>
        toJsonObject(await this.projects.create(ctx, fromJsonObject<AppProject>(req.project, 'project'), !!req.upsert)),
      ),
      Delete: authenticated(this.auth, async (req, ctx) => {
        await this.projects.delete(ctx, req.name ?? '');
        return {};
      }),
    };
    return handlers;
  }
}
