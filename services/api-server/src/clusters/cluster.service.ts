import * as grpc from '@grpc/grpc-js';
import { randomBytes } from 'node:crypto';
import type { Cluster } from '@flotilla/api-types';
import { IN_CLUSTER_SERVER } from '@flotilla/api-types';
import { KubeClient, kubeClientForCluster } from '@flotilla/platform';
import { failedPrecondition, invalidArgument, notFound, permissionDenied, RpcError } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import { clusterToSecret, sameCluster, sanitizeCluster } from './cluster-secret.codec';
import type { ClusterInfoStore } from './cluster-info.store';
import { ClusterStore, StoredCluster } from './cluster.store';
import type { KubeSecret } from '../secrets/kube-secret';
import { isKubeNotFound } from '../hub/kube-errors';

export interface ClusterQuery {
  server?: string;
  name?: string;
  id?: { type?: string; value?: string } | null;
}

/** Reaches a cluster to prove the credentials work; answers its Kubernetes version. */
export type ClusterProbe = (cluster: Cluster) => Promise<string>;

/** The fields ClusterUpdateRequest.updatedFields may name, as Argo's clusterFieldsByPath has them. */
const UPDATABLE_FIELDS = ['name', 'namespaces', 'config', 'shard', 'clusterResources', 'labels', 'annotations', 'project'] as const;

export interface ClusterUpdate {
  cluster: Cluster;
  updatedFields: string[];
  id?: { type?: string; value?: string } | null;
}

// A ServiceAccount token's claims (kubernetes.io/serviceaccount/…), as legacy token Secrets carry them.
const SA_NAMESPACE_CLAIM = 'kubernetes.io/serviceaccount/namespace';
const SA_NAME_CLAIM = 'kubernetes.io/serviceaccount/service-account.name';
const SA_SECRET_CLAIM = 'kubernetes.io/serviceaccount/secret.name';
const TOKEN_WAIT_MS = 30_000;

/** Argo CD's RBAC object for a cluster: `<project>/<server>` for project-scoped ones. */
const rbacObject = (c: Cluster): string => (c.project ? `${c.project}/${c.server}` : c.server);

/** The clusters Flotilla deploys to, stored as Argo CD cluster Secrets (server/cluster in argo-cd). */
export class ClusterService {
  constructor(
    private readonly store: ClusterStore,
    private readonly probe: ClusterProbe,
    private readonly infos?: ClusterInfoStore,
    private readonly clientFor: (cluster: Cluster) => KubeClient = kubeClientForCluster,
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

  /**
   * Replaces a cluster, or with updatedFields only the named fields, after proving the result
   * reaches the cluster (server/cluster Update). Moving it to another project needs update there too.
   */
  async update(ctx: CallContext, request: ClusterUpdate): Promise<Cluster> {
    const unknown = request.updatedFields.filter((f) => !(UPDATABLE_FIELDS as readonly string[]).includes(f));
    if (unknown.length) throw invalidArgument(`unknown updatedFields ${unknown.join(', ')}; known are ${UPDATABLE_FIELDS.join(', ')}`);
    const query = request.id?.value ? { id: request.id } : { server: request.cluster.server, name: request.cluster.name };
    const existing = await this.find(ctx, query, 'update');
    const wanted = request.cluster;
    if (!request.updatedFields.length || request.updatedFields.includes('project'))
      ctx.authorize('clusters', 'update', rbacObject({ ...existing.cluster, project: wanted.project }));
    let updated: Cluster;
    if (request.updatedFields.length) {
      updated = { ...existing.cluster };
      const fields = updated as unknown as Record<string, unknown>;
      for (const field of request.updatedFields) fields[field] = (wanted as unknown as Record<string, unknown>)[field];
    } else {
      updated = { ...wanted, server: wanted.server || existing.cluster.server };
    }
    updated = validateCluster({ ...updated, name: updated.name || existing.cluster.name });
    if (updated.server !== existing.cluster.server) throw invalidArgument('cluster server cannot be changed; add the new server instead');
    const serverVersion = await this.probe(updated).catch((err: Error) => {
      throw new RpcError(grpc.status.UNKNOWN, `failed to get server version: ${err.message}`);
    });
    await this.save(existing, updated);
    const connectionState = { status: 'Successful' as const, attemptedAt: new Date().toISOString() };
    return { ...sanitizeCluster(updated), connectionState, info: { serverVersion, connectionState } };
  }

  /**
   * Gives a cluster reached with a ServiceAccount's token Secret a fresh token: a new token Secret
   * for the same ServiceAccount, proven to work and stored before the old Secret is deleted.
   */
  async rotateAuth(ctx: CallContext, query: ClusterQuery): Promise<void> {
    const existing = await this.find(ctx, query, 'update');
    const { cluster } = existing;
    const token = cluster.config.bearerToken;
    if (!token) throw invalidArgument(`Cluster '${cluster.server}' does not use bearer token authentication`);
    const claims = serviceAccountClaims(token);
    const client = this.clientFor(cluster);
    let fresh: string;
    let freshSecret: string;
    try {
      const created = await client.create<KubeSecret>({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: `${claims.serviceAccount}-token-${randomBytes(3).toString('hex')}`,
          namespace: claims.namespace,
          annotations: { 'kubernetes.io/service-account.name': claims.serviceAccount },
        },
        type: 'kubernetes.io/service-account-token',
      });
      freshSecret = created.metadata.name;
      fresh = await waitForToken(client, claims.namespace, freshSecret);
    } finally {
      client.close();
    }
    const rotated: Cluster = {
      ...cluster,
      // Token authentication from now on: no client certificate is kept.
      config: {
        ...cluster.config,
        bearerToken: fresh,
        tlsClientConfig: { ...cluster.config.tlsClientConfig, certData: undefined, keyData: undefined },
      },
    };
    await this.probe(rotated).catch((err: Error) => {
      throw new RpcError(grpc.status.UNKNOWN, `failed to get server version: ${err.message}`);
    });
    await this.save(existing, rotated);
    const next = this.clientFor(rotated);
    try {
      await next
        .delete({ apiVersion: 'v1', kind: 'Secret', metadata: { namespace: claims.namespace, name: claims.secretName } })
        .catch((err: unknown) => {
          if (!isKubeNotFound(err)) throw err;
        });
    } finally {
      next.close();
    }
  }

  /** Writes a cluster back to its Secret (the implicit in-cluster hub gets one, as Argo's UpdateCluster gives it). */
  private async save(existing: StoredCluster, updated: Cluster): Promise<void> {
    if (!existing.secret) {
      await this.store.create(clusterToSecret(updated, this.store.namespace));
      return;
    }
    const fresh = clusterToSecret(updated, this.store.namespace, existing.secret.metadata.name);
    await this.store.replace({
      ...existing.secret,
      metadata: { ...existing.secret.metadata, labels: fresh.metadata.labels, annotations: fresh.metadata.annotations },
      data: fresh.data,
    });
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

/** Which ServiceAccount and token Secret a legacy ServiceAccount token names; never echoes the token. */
function serviceAccountClaims(token: string): { namespace: string; serviceAccount: string; secretName: string } {
  let claims: Record<string, unknown> = {};
  try {
    claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    // Not a JWT: reported below.
  }
  const namespace = claims[SA_NAMESPACE_CLAIM];
  const serviceAccount = claims[SA_NAME_CLAIM];
  const secretName = claims[SA_SECRET_CLAIM];
  if (typeof namespace !== 'string' || typeof serviceAccount !== 'string' || typeof secretName !== 'string')
    throw invalidArgument("the cluster bearer token is not a ServiceAccount token Secret's token; only those can be rotated");
  return { namespace, serviceAccount, secretName };
}

/** The token the token controller writes into a new token Secret. */
async function waitForToken(client: KubeClient, namespace: string, name: string): Promise<string> {
  const deadline = Date.now() + TOKEN_WAIT_MS;
  for (;;) {
    const secret = await client.get<KubeSecret>({ apiVersion: 'v1', kind: 'Secret', metadata: { namespace, name } });
    const token = secret.data?.token;
    if (token) return Buffer.from(token, 'base64').toString('utf8');
    if (Date.now() >= deadline)
      throw new RpcError(grpc.status.DEADLINE_EXCEEDED, `timed out waiting for the token of Secret ${namespace}/${name}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
