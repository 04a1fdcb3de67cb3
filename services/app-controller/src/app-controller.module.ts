// Wires the app-controller: platform plumbing, the hub's Kubernetes API, repo-server, the cluster
// caches, reconcilers and the controller that feeds them. Watches and the worker start in lifecycle hooks.
import type { Application } from '@flotilla/api-types';
import { RepoServerClient } from '@flotilla/clients';
import { EMPTY_LIBRARY, readCustomizationsDir, trackingAppName } from '@flotilla/engine';
import { JqWasmClient, KubeClient, kubeClientFromKubeconfig, kubeClientInCluster, KubeEventRecorder, lazyJq, LOGGER, MetricsRegistry, PlatformModule, QueueFactory, ReadinessChecks, RedisClient, registerShardMetrics, ShardCoordinator } from '@flotilla/platform';
import { Module, type OnModuleDestroy, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppControllerConfig } from './app-controller.config';
import { ClusterRegistry } from './clusters/cluster.registry';
import { AppControllerMetrics } from './controller/app-controller.metrics';
import { AppController } from './controller/app-controller.service';
import { AppOperationProcessor } from './controller/app-operation.processor';
import { AppRefreshProcessor } from './controller/app-refresh.processor';
import { ApplicationEventsClient, CONTROLLER_COMPONENT } from './hub/application-events.client';
import { ApplicationHubClient } from './hub/application-hub.client';
import { AppDeletionReconciler } from './reconcile/app-deletion.reconciler';
import { AppStateReconciler } from './reconcile/app-state.reconciler';
import { ManifestSource } from './reconcile/manifest.source';
import { AppProjectStore } from './projects/app-project.store';
import { MultiDestinationReconciler } from './reconcile/multi-destination.reconciler';
import { RepositoryCredentialsStore } from './repositories/repository-credentials.store';
import { ResourceCustomizationsStore } from './settings/resource-customizations.store';
import { clusterAssigner } from './sharding/argo-sharding.algorithms';
import { SyncOperationRunner } from './sync/sync-operation.runner';
import { AppCacheStore } from './tree/app-cache.store';

export const SERVICE_NAME = 'app-controller';

/** Closes the repo-server channel when the module stops. */
class RepoServerConnection implements OnModuleDestroy {
  constructor(readonly client: RepoServerClient) {}
  onModuleDestroy(): void {
    this.client.close();
  }
}

/** Real jq for ignoreDifferences' jqPathExpressions: its thread starts with the first expression and ends with the module. */
class JqConnection implements OnModuleDestroy {
  constructor(readonly client: JqWasmClient) {}
  onModuleDestroy(): Promise<void> {
    return this.client.close();
  }
}

/** The Events on Applications: those still queued are written before the hub client goes. */
class EventRecorderConnection implements OnModuleDestroy {
  constructor(readonly recorder: KubeEventRecorder) {}
  onModuleDestroy(): Promise<void> {
    return this.recorder.close();
  }
}

function controllerFactory(config: AppControllerConfig) {
  return (hub: KubeClient, queues: QueueFactory, redis: RedisClient, repoServer: RepoServerConnection, registry: MetricsRegistry, readiness: ReadinessChecks, logger: Logger, jq: JqConnection, events: EventRecorderConnection): AppController => {
    // The caches report to the controller, which is built last: callbacks reach it through this holder.
    const late: { controller?: AppController } = {};
    const clusters = new ClusterRegistry({
      hub,
      namespace: config.namespace,
      logger,
      onAppChanged: (app) => late.controller?.onLiveChange(app),
      onUnmanagedChanged: (server, namespace) => late.controller?.onUnmanagedChange(server, namespace, monitorsOrphans),
      onClustersChanged: () => late.controller?.enqueueAll('recent'),
    });
    const repositories = new RepositoryCredentialsStore(hub, config.namespace, (url) => late.controller?.onRepositoryChange(url));
    const library = config.resourceCustomizationsDir ? readCustomizationsDir(config.resourceCustomizationsDir) : EMPTY_LIBRARY;
    for (const w of library.warnings) logger.warn(`resource customizations directory: ${w}`);
    if (config.resourceCustomizationsDir) logger.info(`${config.resourceCustomizationsDir}: ${library.kinds.filter((k) => k.health).length} Lua health checks behind argocd-cm's`);
    const settings = new ResourceCustomizationsStore(hub, config.namespace, logger, () => late.controller?.enqueueAll('recent'), library);
    const customizations = () => settings.customizations();
    const appHub = new ApplicationHubClient(hub, new ApplicationEventsClient(events.recorder));
    const projects = new AppProjectStore(hub, config.namespace, () => late.controller?.enqueueAll('recent'));
    // Read when a cluster event comes (the caches start after this): apps of projects with orphanedResources.
    const monitorsOrphans = (app: Application): boolean => typeof app.spec?.project === 'string' && projects.project(app.spec.project)?.spec?.orphanedResources != null;
    const manifests = new ManifestSource(repoServer.client, repositories, config.gpgEnabled ? projects : undefined);
    // Entries outlive three resyncs, and at least ten minutes.
    const cache = new AppCacheStore(redis, Math.max(600, Math.ceil((3 * config.resyncMs) / 1000)));
    const responsible = (app: Application): boolean => late.controller?.owns(app) ?? true;
    // Read once per comparison of an app whose project monitors orphaned resources.
    const appTrackingNames = (): ReadonlySet<string> => new Set((late.controller?.apps.list() ?? []).map((a) => trackingAppName(a.metadata.name, a.metadata.namespace, config.namespace)));
    const terminationRequested = (app: Application): boolean => late.controller?.apps.get(app.metadata.name, app.metadata.namespace)?.status?.operationState?.phase === 'Terminating';
    const metrics = new AppControllerMetrics(registry, { applications: () => late.controller?.apps.list() ?? [], clusters: () => clusters.activeCaches() });
    const processor = new AppRefreshProcessor({
      hub: appHub,
      clusters,
      cache,
      controlPlaneNamespace: config.namespace,
      logger,
      reconciler: new AppStateReconciler({ clusters, manifests, hub: appHub, cache, logger, resyncMs: config.resyncMs, selfHealMs: config.selfHealMs, observeReconcile: (app, s) => metrics.reconciled(app, s), customizations, jq: jq.client, responsible, projects, appTrackingNames }),
      deletion: new AppDeletionReconciler(clusters, appHub, cache),
      destinations: new MultiDestinationReconciler({ hub: appHub, clusters, logger }),
    });
    const operations = new AppOperationProcessor({
      hub: appHub,
      clusters,
      controlPlaneNamespace: config.namespace,
      runner: new SyncOperationRunner({ manifests, hub: appHub, logger, stepWaitMs: config.syncStepWaitMs, onFinished: (app, phase) => metrics.syncFinished(app, phase), customizations, jq: jq.client, responsible, terminationRequested }),
    });
    const shards = new ShardCoordinator(redis, logger, {
      prefix: `${config.env.FLOTILLA_QUEUE_PREFIX}:app-controller:shards`,
      identity: config.replicaId,
      ttlMs: config.shardLeaseMs,
      leaseName: 'cluster',
      shards: () => late.controller?.clusterWeights() ?? [],
      assign: clusterAssigner(config.shardingAlgorithm, () => clusters.secretUids()),
    });
    registerShardMetrics(registry, { holders: () => shards.leaseHolders(), logger });
    const controller = new AppController(hub, queues, redis, clusters, repositories, settings, processor, operations, shards, logger, {
      namespace: config.namespace,
      resyncMs: config.resyncMs,
      keyPrefix: config.env.FLOTILLA_QUEUE_PREFIX,
      concurrency: config.concurrency,
      operationConcurrency: config.operationConcurrency,
      projects,
    });
    late.controller = controller;
    readiness.register('hub-watches', () => controller.checkSynced());
    return controller;
  };
}

/** The root module for one configuration (config is loaded before Nest starts). */
export function appControllerModule(config: AppControllerConfig): Type<unknown> {
  @Module({
    imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config: config.env })],
    providers: [
      {
        provide: KubeClient,
        useFactory: () => (config.hub.kind === 'in-cluster' ? kubeClientInCluster() : kubeClientFromKubeconfig(config.hub.path, config.hub.context)),
      },
      { provide: RepoServerConnection, useFactory: () => new RepoServerConnection(new RepoServerClient(config.repoServer)) },
      { provide: JqConnection, useFactory: () => new JqConnection(lazyJq({ timeoutMs: config.jqTimeoutMs })) },
      {
        provide: EventRecorderConnection,
        useFactory: (hub: KubeClient, logger: Logger) => new EventRecorderConnection(new KubeEventRecorder(hub, { component: CONTROLLER_COMPONENT, logger })),
        inject: [KubeClient, LOGGER],
      },
      {
        provide: AppController,
        useFactory: controllerFactory(config),
        inject: [KubeClient, QueueFactory, RedisClient, RepoServerConnection, MetricsRegistry, ReadinessChecks, LOGGER, JqConnection, EventRecorderConnection],
      },
    ],
  })
  class AppControllerModule {}
  return AppControllerModule;
}
