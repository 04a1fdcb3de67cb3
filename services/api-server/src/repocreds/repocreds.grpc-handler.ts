import * as grpc from '@grpc/grpc-js';
import { contracts, fromJsonObject, toJsonObject } from '@flotilla/contracts';
import type { RepoCredsServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { toJsonList } from '../rpc/json-list';
import { authenticated, Authenticator } from '../rpc/unary-call';
import { RepoCreds, RepoCredsService } from './repocreds.service';

/** repocreds.RepoCredsService over RepoCredsService. */
export class RepoCredsGrpcHandler implements GrpcHandler {
  readonly definition = contracts().repocreds.RepoCredsService.service;

  constructor(
    private readonly auth: Authenticator,
    private readonly creds: RepoCredsService,
  ) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: RepoCredsServiceHandlers = {
      ListRepositoryCredentials: authenticated(this.auth, async (req, ctx) => toJsonList(await this.creds.list(ctx, req.url || undefined))),
      CreateRepositoryCredentials: authenticated(this.auth, async (req, ctx) =>
        toJsonObject(await this.creds.create(ctx, fromJsonObject<RepoCreds>(req.creds, 'creds'), req.upsert)),
      ),
      UpdateRepositoryCredentials: authenticated(this.auth, async (req, ctx) =>
        toJsonObject(await this.creds.update(ctx, fromJsonObject<RepoCreds>(req.creds, 'creds'))),
      ),
      DeleteRepositoryCredentials: authenticated(this.auth, async (req, ctx) => {
        await this.creds.delete(ctx, req.url);
        return {};
      }),
    };
    return handlers;
  }
}
