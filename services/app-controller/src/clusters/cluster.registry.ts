// The destination clusters: Argo CD cluster Secrets in the control-plane namespace plus the hub
// itself (in-cluster), each with a ClusterCache created when an Application first targets it.
import { IN_CLUSTER_SERVER, SECRET_TYPE_CLUSTER, SECRET_TYPE_LABEL, type ApplicationDestination, type Cluster } from '@flotilla/api-types';
import { Informer, kubeClientForCluster, type KubeClient } from '@flotilla/platform';
import type { Logger } from 'pino';
import { ClusterCache } from './cluster.cache';
import { clusterFromSecret, type SecretObject } from './cluster-secret.codec';
import { knownClusters, matchDestination } from './destination.matcher';

export type ClusterResolution = { cache: ClusterCache; cluster: Cluster; error?: undefined } | { error: string; cache?: undefined; cluster?: undefined };

export interface ClusterRegistryOptions {
  hub: KubeClient;
  namespace: string;
  logger: Logger;
  onAppChanged: (trackingName: string) => void;
  /** An object no app manages changed (see ClusterCacheOptions.onUnmanagedChanged). */
  onUnmanagedChanged?: (server: string, namespace: string) => void;
  /** A cluster Secret was added, changed or removed. */
  onClustersChanged: () => void;
}

export class ClusterRegistry {
  private readonly secrets: Informer<SecretObject>;
  private readonly caches = new Map<string, { cache: ClusterCache; fingerprint: string }>();

  constructor(private readonly opts: ClusterRegistryOptions) {
    this.secrets = new Informer<SecretObject>(opts.hub, {
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: opts.namespace,
      labelSelector: `${SECRET_TYPE_LABEL}=${SECRET_TYPE_CLUSTER}`,
    });
    const changed = (): void => {
      this.dropStale();
      opts.onClustersChanged();
    };
    this.secrets.on('add', changed).on('update', changed).on('delete', changed);
  }

  start(): Promise<void> {
    return this.secrets.start();
  }

  get synced(): boolean {
    return this.secrets.synced;
  }

  /** The clusters Secrets describe (unreadable Secrets are logged and left out), plus in-cluster. */
  clusters(): Cluster[] {
    const fromSecrets: Cluster[] = [];
    for (const secret of this.secrets.list()) {
      try {
        fromSecrets.push(clusterFromSecret(secret));
      } catch (err) {
        this.opts.logger.warn({ err }, (err as Error).message);
      }
    }
    return knownClusters(fromSecrets);
  }

  /** Each Secret-described cluster's Secret uid by server: Argo's cluster ID, which its legacy and round-robin sharding use. */
  secretUids(): Map<string, string> {
    const uids = new Map<string, string>();
    for (const secret of this.secrets.list()) {
      try {
        uids.set(clusterFromSecret(secret).server, secret.metadata?.uid ?? '');
      } catch {
        // An unreadable Secret is no cluster; clusters() logs why.
      }
    }
    return uids;
  }

  /** The destination's cluster and its cache, or why there is none. */
  resolve(destination: ApplicationDestination | undefined): ClusterResolution {
    const match = matchDestination(destination, this.clusters());
    if (match.error !== undefined) return { error: match.error };
    const cluster = match.cluster;
    const fingerprint = JSON.stringify([cluster.name, cluster.config]);
    const existing = this.caches.get(cluster.server);
    if (existing?.fingerprint === fingerprint) return { cache: existing.cache, cluster };
    if (existing) void this.retire(cluster.server);
    const cache = new ClusterCache({
      server: cluster.server,
      name: cluster.name,
      kube: this.clientFor(cluster),
      logger: this.opts.logger,
      onAppChanged: this.opts.onAppChanged,
      onUnmanagedChanged: this.opts.onUnmanagedChanged,
    });
    this.caches.set(cluster.server, { cache, fingerprint });
    return { cache, cluster };
  }

  /** The server an Application's destination resolves to, if any cluster matches it. */
  serverOf(destination: ApplicationDestination | undefined, clusters: Cluster[] = this.clusters()): string | undefined {
    return matchDestination(destination, clusters).cluster?.server;
  }

  /** Stops watching a cluster (another replica took it over); a later resolve starts afresh. */
  release(server: string): Promise<void> {
    return this.retire(server);
  }

  /** The caches started so far. */
  activeCaches(): ClusterCache[] {
    return [...this.caches.values()].map((c) => c.cache);
  }

  async stop(): Promise<void> {
    await this.secrets.stop();
    await Promise.all([...this.caches.keys()].map((server) => this.retire(server)));
  }

  private clientFor(cluster: Cluster): KubeClient {
    // The hub is reached with the controller's own credentials unless a Secret says otherwise.
    if (cluster.server === IN_CLUSTER_SERVER && !cluster.id) return this.opts.hub;
    return kubeClientForCluster(cluster);
  }

  /** Stops caches whose cluster was removed or whose credentials changed; the next resolve starts afresh. */
  private dropStale(): void {
    const current = new Map(this.clusters().map((c) => [c.server, JSON.stringify([c.name, c.config])]));
    for (const [server, entry] of this.caches) if (current.get(server) !== entry.fingerprint) void this.retire(server);
  }

  private async retire(server: string): Promise<void> {
    const entry = this.caches.get(server);
    if (!entry) return;
    this.caches.delete(server);
    const hub = entry.cache.kube === this.opts.hub;
    await entry.cache.stop({ closeClient: !hub }).catch((err: Error) => this.opts.logger.warn({ err }, `stopping cache of ${server}: ${err.message}`));
  }
}
