// Wires the notifier: platform plumbing, the hub's Kubernetes API, the configuration store, the
// senders and the controller; watches and the delivery worker start in its lifecycle hooks.
import { hubKubeSource, KubeClient, kubeClientFromKubeconfig, kubeClientInCluster, LOGGER, MetricsRegistry, PlatformModule, QueueFactory, readPartitionLeases, ReadinessChecks, RedisClient, registerShardMetrics } from '@flotilla/platform';
import { Module, Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { NotificationsConfigStore } from './config/notifications-config.store';
import { DELIVERIES_METRIC } from './delivery/notification-delivery.processor';
import { NotificationController } from './notifications/notification-controller.service';
import { notificationTemplateLimits, type NotifierConfig } from './notifier.config';
import { NotificationSenderRegistry } from '@flotilla/notifications';

export const SERVICE_NAME = 'notifier';

function hubClient(config: NotifierConfig): KubeClient {
  const source = hubKubeSource(config);
  return source.kind === 'in-cluster' ? kubeClientInCluster() : kubeClientFromKubeconfig(source.path, source.context);
}

function controllerFactory(config: NotifierConfig) {
  return (kube: KubeClient, queues: QueueFactory, redis: RedisClient, store: NotificationsConfigStore, metrics: MetricsRegistry, readiness: ReadinessChecks, logger: Logger) => {
    const deliveries = metrics.counter({
      name: 'argocd_notifications_deliveries_total',
      help: DELIVERIES_METRIC.help,
      labelNames: DELIVERIES_METRIC.labelNames,
    });
    const keyPrefix = `${config.FLOTILLA_QUEUE_PREFIX}:${SERVICE_NAME}`;
    const controller = new NotificationController(kube, queues, redis, store, new NotificationSenderRegistry(), deliveries, logger, {
      namespace: config.FLOTILLA_NAMESPACE,
      keyPrefix,
      partitions: config.FLOTILLA_NOTIFICATIONS_PARTITIONS,
      leaseMs: config.FLOTILLA_NOTIFICATIONS_LEASE_SECONDS * 1000,
      deliveryClaimMs: config.FLOTILLA_NOTIFICATIONS_DELIVERY_CLAIM_SECONDS * 1000,
    });
    // The controller's WorkPartitions keep their leases under `<keyPrefix>:partitions`.
    registerShardMetrics(metrics, { holders: () => readPartitionLeases(redis, `${keyPrefix}:partitions`, config.FLOTILLA_NOTIFICATIONS_PARTITIONS), logger });
    readiness.register('hub-watches', () => controller.checkSynced());
    return controller;
  };
}

/** The root module for one configuration (config is loaded before Nest starts). */
export function notifierModule(config: NotifierConfig): Type<unknown> {
  @Module({
    imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config })],
    providers: [
      { provide: KubeClient, useFactory: () => hubClient(config) },
      {
        provide: NotificationsConfigStore,
        useFactory: (logger: Logger) => new NotificationsConfigStore(logger, notificationTemplateLimits(config)),
        inject: [LOGGER],
      },
      {
        provide: NotificationController,
        useFactory: controllerFactory(config),
        inject: [KubeClient, QueueFactory, RedisClient, NotificationsConfigStore, MetricsRegistry, ReadinessChecks, LOGGER],
      },
    ],
  })
  class NotifierModule {}
  return NotifierModule;
}
