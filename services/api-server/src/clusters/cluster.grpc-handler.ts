import * as grpc from '@grpc/grpc-js';
import type { Cluster } from '@flotilla/api-types';
import { contracts, fromJsonObject, toJsonObject } from '@flotilla/contracts';
import type { ClusterServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { toJsonList } from '../rpc/json-list';
import { authenticated, Authenticator } from '../rpc/unary-call';
import { ClusterService } from './cluster.service';

/** cluster.ClusterService over ClusterService. */
export class ClusterGrpcHandler implements GrpcHandler {
  readonly definition = contracts().cluster.ClusterService.service;

  constructor(
    private readonly auth: Authenticator,
    private readonly clusters: ClusterService,
  ) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: ClusterServiceHandlers = {
      List: authenticated(this.auth, async (req, ctx) => toJsonList(await this.clusters.list(ctx, req))),
      Get: authenticated(this.auth, async (req, ctx) => toJsonObject(await this.clusters.get(ctx, req))),
      Create: authenticated(this.auth, async (req, ctx) =>
        toJsonObject(await this.clusters.create(ctx, fromJsonObject<Cluster>(req.cluster, 'cluster'), !!req.upsert)),
      ),
      Update: authenticated(this.auth, async (req, ctx) =>
        toJsonObject(
          await this.clusters.update(ctx, {
            cluster: fromJsonObject<Cluster>(req.cluster, 'cluster'),
            updatedFields: req.updatedFields,
            id: req.id,
          }),
        ),
      ),
      Delete: authenticated(this.auth, async (req, ctx) => {
        await this.clusters.delete(ctx, req);
        return {};
      }),
      RotateAuth: authenticated(this.auth, async (req, ctx) => {
        await this.clusters.rotateAuth(ctx, req);
        return {};
      }),
    };
    return handlers;
  }
}
