// Wires the appset-controller: platform plumbing, the hub's Kubernetes API, repo-server (for the git
// generator), the reconciler and the controller that feeds it. Watches and the queue worker start in lifecycle hooks.
import { RepoServerClient } from '@flotilla/clients';
import { Module, OnModuleDestroy, Type } from '@nestjs/common';
import {
  KubeClient,
  kubeClientFromKubeconfig,
  kubeClientInCluster,
  LOGGER,
  MetricsRegistry,
  PlatformModule,
  QueueFactory,
  readPartitionLeases,
  ReadinessChecks,
  RedisClient,
  registerShardMetrics,
} from '@flotilla/platform';
import type { Logger } from 'pino';
import type { AppSetControllerConfig } from './appset-controller.config';
import { AppSetController } from './controller/appset-controller.service';
import { generatorRegistry } from '@flotilla/appset';
import { AppSetHubClient } from './hub/appset-hub.client';
import { AppSetMetrics } from './reconcile/appset.metrics';
import { AppSetReconciler } from './reconcile/appset.reconciler';

export const SERVICE_NAME = 'appset-controller';

/** Closes the repo-server channel (the git generator's) when the module stops. */
class RepoServerConnection implements OnModuleDestroy {
  constructor(readonly client: RepoServerClient) {}
  onModuleDestroy(): void {
    this.client.close();
  }
}

/** The root module for one configuration (config is loaded before Nest starts). */
export function appSetControllerModule(config: AppSetControllerConfig): Type<unknown> {
  @Module({
    imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config: config.env })],
    providers: [
      {
        provide: KubeClient,
        useFactory: () =>
          config.hub.kind === 'in-cluster' ? kubeClientInCluster() : kubeClientFromKubeconfig(config.hub.path, config.hub.context),
      },
      { provide: AppSetMetrics, useFactory: (registry: MetricsRegistry) => new AppSetMetrics(registry), inject: [MetricsRegistry] },
      { provide: RepoServerConnection, useFactory: () => new RepoServerConnection(new RepoServerClient(config.repoServer)) },
      {
        provide: AppSetReconciler,
        useFactory: (kube: KubeClient, repoServer: RepoServerConnection, logger: Logger) =>
          new AppSetReconciler(
            new AppSetHubClient(kube, config.namespace),
            generatorRegistry({ reader: repoServer.client, newGitFileGlobbing: config.newGitFileGlobbing }, undefined, config.scm),
            logger,
            { templateLimits: config.templateLimits },
          ),
        inject: [KubeClient, RepoServerConnection, LOGGER],
      },
      {
        provide: AppSetController,
        useFactory: (
          kube: KubeClient,
          queues: QueueFactory,
          redis: RedisClient,
          reconciler: AppSetReconciler,
          metrics: AppSetMetrics,
          logger: Logger,
          readiness: ReadinessChecks,
          registry: MetricsRegistry,
        ) => {
          const partitionsPrefix = `${config.env.FLOTILLA_QUEUE_PREFIX}:${SERVICE_NAME}:partitions`;
          const controller = new AppSetController(kube, queues, redis, reconciler, metrics, logger, {
            namespace: config.namespace,
            resyncMs: config.resyncMs,
            leaseMs: config.leaseMs,
            partitionsPrefix,
            partitions: config.partitions,
            retry: config.retry,
          });
          registerShardMetrics(registry, { holders: () => readPartitionLeases(redis, partitionsPrefix, config.partitions), logger });
          readiness.register('hub-watches', () => controller.checkSynced());
          return controller;
        },
        inject: [KubeClient, QueueFactory, RedisClient, AppSetReconciler, AppSetMetrics, LOGGER, ReadinessChecks, MetricsRegistry],
      },
    ],
  })
  class AppSetControllerModule {}
  return AppSetControllerModule;
}
