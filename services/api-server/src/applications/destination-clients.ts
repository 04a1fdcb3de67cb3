import type { Application } from '@flotilla/api-types';
import { IN_CLUSTER_SERVER } from '@flotilla/api-types';
import { KubeApiError, KubeClient, kubeClientForCluster } from '@flotilla/platform';
import type { ClusterStore } from '../clusters/cluster.store';
import { invalidArgument } from '../rpc/rpc-error';

/** A destination-cluster error with what was being done in front; its gRPC code follows the Kubernetes status. */
export function explained(err: unknown, doing: string): unknown {
  if (err instanceof KubeApiError) return new KubeApiError(err.code, err.reason, `${doing}: ${err.message}`, err.details);
  return err;
}

/**
 * Kubernetes clients for an Application's destination cluster, made from its cluster Secret (the
 * hub's own credentials for the in-cluster server when no Secret names it, as the app-controller does).
 */
export class DestinationClients {
  constructor(
    private readonly hub: KubeClient,
    private readonly clusters: ClusterStore,
  ) {}

  /** Runs `work` with a client for the app's destination; a client made for it is closed after. */
  async withClient<T>(app: Application, work: (kube: KubeClient) => Promise<T>): Promise<T> {
    const kube = await this.clientFor(app);
    try {
      return await work(kube);
    } finally {
      if (kube !== this.hub) kube.close();
    }
  }

  private async clientFor(app: Application): Promise<KubeClient> {
    const { server, name, servers } = app.spec?.destination ?? {};
    const invalid = (why: string) => invalidArgument(`error validating destination: ${why}`);
    if (servers?.length && !server && !name)
      throw invalid(
        `application ${app.metadata.name} deploys to spec.destination.servers; its resources belong to the Applications made for each server`,
      );
    const stored = server ? await this.clusters.byServer(server) : name ? await this.clusters.byName(name) : undefined;
    if (!stored) {
      if (server) throw invalid(`there are no clusters with this URL: ${server}`);
      if (name) throw invalid(`there are no clusters with this name: ${name}`);
      throw invalid(`application ${app.metadata.name} has no destination server or name`);
    }
    if (stored.cluster.server === IN_CLUSTER_SERVER && !stored.secret) return this.hub;
    return kubeClientForCluster(stored.cluster);
  }
}
