import type { Cluster } from '@flotilla/api-types';
import { IN_CLUSTER_SERVER } from '@flotilla/api-types';
import { failedPrecondition, invalidArgument, notFound, permissionDenied } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import { clusterToSecret, sameCluster, sanitizeCluster } from './cluster-secret.codec';
import type { ClusterInfoStore } from './cluster-info.store';
import { ClusterStore, StoredCluster } from './cluster.store';

export interface ClusterQuery {
  server?: string;
  name?: string;
  id?: { type?: string; value?: string } | null;
}

/** Reaches a cluster to prove the credentials work; answers its Kubernetes version. */
export type ClusterProbe = (cluster: Cluster) => Promise<string>;

/** Argo CD's RBAC object for a cluster: `<project>/<server>` for project-scoped ones. */
const rbacObject = (c: Cluster): string => (c.project ? `${c.project}/${c.server}` : c.server);

/** The clusters Flotilla deploys to, stored as Argo CD cluster Secrets (server/cluster in argo-cd). */
export class ClusterService {
  constructor(
    private readonly store: ClusterStore,
    private readonly probe: ClusterProbe,
    private readonly infos?: ClusterInfoStore,
  ) {}

  async list(ctx: CallContext, query: ClusterQuery): Promise<Cluster[]> {
    const { server, name } = normalizeQuery(query);
    const clusters = (await this.store.all())
      .map((s) => s.cluster)
      .filter((c) => (!server || c.server === server) && (!name || c.name === name) && ctx.can('clusters', 'get', rbacObject(c)))
      .map(sanitizeCluster);
    return this.infos ? this.infos.withInfo(clusters) : clusters;
  }

  async get(ctx: CallContext, query: ClusterQuery): Promise<Cluster> {
    const { cluster } = await this.find(ctx, query, 'get');
    const sanitized = sanitizeCluster(cluster);
    return this.infos ? (await this.infos.withInfo([sanitized]))[0] : sanitized;
  }

  /** Adds a cluster after proving it is reachable; re-adding the same cluster is a no-op, a different one needs upsert. */
  async create(ctx: CallContext, cluster: Cluster, upsert: boolean): Promise<Cluster> {
    const wanted = validateCluster(cluster);
    ctx.authorize('clusters', 'create', rbacObject(wanted));
    let serverVersion: string;
    try {
      serverVersion = await this.probe(wanted);
    } catch (err) {
      throw invalidArgument(`error getting server version: ${(err as Error).message}`);
    }
    const existing = await this.store.byServer(wanted.server);
    let stored: Cluster = wanted;
    if (!existing?.secret) {
      await this.store.create(clusterToSecret(wanted, this.store.namespace));
    } else if (!sameCluster(existing.cluster, wanted)) {
      if (!upsert) throw invalidArgument('existing cluster spec is different; use upsert flag to force update');
      ctx.authorize('clusters', 'update', rbacObject(wanted));
      const fresh = clusterToSecret(wanted, this.store.namespace, existing.secret.metadata.name);
      await this.store.replace({
        ...existing.secret,
        metadata: { ...existing.secret.metadata, labels: fresh.metadata.labels, annotations: fresh.metadata.annotations },
        data: fresh.data,
      });
    } else {
      stored = existing.cluster;
    }
    const connectionState = { status: 'Successful' as const, attemptedAt: new Date().toISOString() };
    return { ...sanitizeCluster(stored), connectionState, info: { serverVersion, connectionState } };
  }

  async delete(ctx: CallContext, query: ClusterQuery): Promise<void> {
    const { cluster, secret } = await this.find(ctx, query, 'delete');
    if (!secret) throw failedPrecondition(`cluster "${cluster.server}" is the implicit in-cluster cluster and has no Secret to delete`);
    await this.store.delete(secret.metadata.name);
  }

  /** Finds the queried cluster; a caller who may not see it gets PermissionDenied whether or not it exists. */
  private async find(ctx: CallContext, query: ClusterQuery, action: string): Promise<StoredCluster> {
    const { server, name } = normalizeQuery(query);
    if (!server && !name) throw invalidArgument('cluster server or name is required');
    const found = server ? await this.store.byServer(server) : await this.store.byName(name as string);
    if (!found) {
      if (!ctx.can('clusters', action, server ?? '*')) throw permissionDenied();
      throw notFound(server ? `cluster "${server}" not found` : `cluster with name "${name}" not found`);
    }
    ctx.authorize('clusters', action, rbacObject(found.cluster));
    return found;
  }
}

/** Argo's ClusterQuery: `id` (type url, name or name_escaped) wins over `server` and `name`. */
function normalizeQuery(query: ClusterQuery): { server?: string; name?: string } {
  if (query.id?.value) {
    if (query.id.type === 'name') return { name: query.id.value };
    if (query.id.type === 'name_escaped') return { name: query.id.value.replace(/%2F/gi, '/') };
    return { server: query.id.value.replace(/\/+$/, '') };
  }
  return { server: query.server ? query.server.replace(/\/+$/, '') : undefined, name: query.name || undefined };
}

function validateCluster(cluster: Cluster): Cluster {
  if (!cluster.server) throw invalidArgument('cluster.server is required');
  try {
    const url = new URL(cluster.server);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    throw invalidArgument(`cluster.server ${JSON.stringify(cluster.server)} is not a valid http(s) URL`);
  }
  const server = cluster.server.replace(/\/+$/, '');
  return { ...cluster, server, name: cluster.name || (server === IN_CLUSTER_SERVER ? 'in-cluster' : server), config: cluster.config ?? {} };
}
