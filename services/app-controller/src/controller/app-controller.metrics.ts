// Prometheus metrics under Argo CD's names (https://argo-cd.readthedocs.io/en/stable/operator-manual/metrics/).
import type { Application, OperationPhase } from '@flotilla/api-types';
import type { MetricsRegistry } from '@flotilla/platform';
import type { Counter, Histogram } from 'prom-client';
import type { ClusterCache } from '../clusters/cluster.cache';

export interface MetricSources {
  applications: () => Application[];
  clusters: () => ClusterCache[];
}

export class AppControllerMetrics {
  private readonly syncTotal: Counter<'name' | 'namespace' | 'project' | 'dest_server' | 'phase'>;
  private readonly reconcile: Histogram<'namespace' | 'dest_server'>;

  constructor(registry: MetricsRegistry, sources: MetricSources) {
    registry.gauge({
      name: 'argocd_app_info',
      help: 'Information about application.',
      labelNames: ['name', 'namespace', 'project', 'dest_server', 'dest_namespace', 'repo', 'sync_status', 'health_status', 'autosync_enabled'],
      collect() {
        this.reset();
        for (const app of sources.applications()) {
          this.set(
            {
              name: app.metadata.name,
              namespace: app.metadata.namespace ?? '',
              project: app.spec.project,
              dest_server: app.spec.destination.server ?? app.spec.destination.name ?? '',
              dest_namespace: app.spec.destination.namespace ?? '',
              repo: app.spec.source?.repoURL ?? '',
              sync_status: app.status?.sync?.status ?? 'Unknown',
              health_status: app.status?.health?.status ?? 'Unknown',
              autosync_enabled: String(!!app.spec.syncPolicy?.automated && app.spec.syncPolicy.automated.enabled !== false),
            },
            1,
          );
        }
      },
    });
    registry.gauge({
      name: 'argocd_cluster_info',
      help: 'Information about cluster.',
      labelNames: ['name', 'server', 'k8s_version'],
      collect() {
        this.reset();
        for (const cache of sources.clusters()) {
          this.set({ name: cache.name || cache.server, server: cache.server, k8s_version: cache.info(0).serverVersion ?? '' }, 1);
        }
      },
    });
    registry.gauge({
      name: 'argocd_cluster_connection_status',
      help: 'The k8s cluster current connection status.',
      labelNames: ['server', 'k8s_version'],
      collect() {
        this.reset();
        for (const cache of sources.clusters()) {
          const info = cache.info(0);
          this.set({ server: cache.server, k8s_version: info.serverVersion ?? '' }, info.connectionState.status === 'Successful' ? 1 : 0);
        }
      },
    });
    this.syncTotal = registry.counter({
      name: 'argocd_app_sync_total',
      help: 'Number of application syncs.',
      labelNames: ['name', 'namespace', 'project', 'dest_server', 'phase'],
    });
    this.reconcile = registry.histogram({
      name: 'argocd_app_reconcile',
      help: 'Application reconciliation performance in seconds.',
      labelNames: ['namespace', 'dest_server'],
      buckets: [0.25, 0.5, 1, 2, 4, 8, 16],
    });
  }

  syncFinished(app: Application, phase: OperationPhase): void {
    const labels = { name: app.metadata.name, namespace: app.metadata.namespace ?? '', project: app.spec.project, dest_server: app.spec.destination.server ?? app.spec.destination.name ?? '' };
    this.syncTotal.inc({ ...labels, phase });
  }

  reconciled(app: Application, seconds: number): void {
    this.reconcile.observe({ namespace: app.metadata.namespace ?? '', dest_server: app.spec.destination.server ?? app.spec.destination.name ?? '' }, seconds);
  }
}
