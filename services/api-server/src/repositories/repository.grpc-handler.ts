import * as grpc from '@grpc/grpc-js';
import type { Repository } from '@flotilla/api-types';
import { contracts, fromJsonObject, toJsonObject } from '@flotilla/contracts';
import type { RepositoryServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { toJsonList } from '../rpc/json-list';
import { authenticated, Authenticator } from '../rpc/unary-call';
import { RepositoryService } from './repository.service';

/** repository.RepositoryService over RepositoryService. */
export class RepositoryGrpcHandler implements GrpcHandler {
  readonly definition = contracts().repository.RepositoryService.service;

  constructor(
    private readonly auth: Authenticator,
    private readonly repositories: RepositoryService,
  ) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: RepositoryServiceHandlers = {
      List: authenticated(this.auth, async (req, ctx) => toJsonList(await this.repositories.list(ctx, req.appProject))),
      Get: authenticated(this.auth, async (req, ctx) => toJsonObject(await this.repositories.get(ctx, req.repo ?? '', req.appProject))),
      Create: authenticated(this.auth, async (req, ctx) =>
        toJsonObject(await this.repositories.create(ctx, fromJsonObject<Repository>(req.repo, 'repo'), !!req.upsert)),
      ),
      Delete: authenticated(this.auth, async (req, ctx) => {
        await this.repositories.delete(ctx, req.repo ?? '', req.appProject);
        return {};
      }),
    };
    return handlers;
  }
}
