// Strimzi (kafka.strimzi.io): Kafka, KafkaTopic and KafkaUser report Ready True once reconciled and
// NotReady True with the error when not; a Kafka that is NotReady only because it is still being
// created (reason Creating) is Progressing. The strimzi.io/pause-reconciliation annotation shows as a
// ReconciliationPaused condition, which is Suspended (Argo CD has no reading for it and waits).
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { health, type HealthCheck } from '../health-check';
import { field, isTrue, statusConditions } from './conditions';

const strimziHealth =
  (waiting: string, creatingIsProgress: boolean): HealthCheck =>
  (obj: KubeObject): HealthStatus => {
    for (const c of statusConditions(obj)) {
      if (!isTrue(c)) continue;
      const type = field(c, 'type');
      if (type === 'ReconciliationPaused') return health('Suspended', field(c, 'message') || 'Reconciliation is paused');
      if (type === 'NotReady' && !(creatingIsProgress && field(c, 'reason') === 'Creating')) return health('Degraded', field(c, 'message'));
      if (type === 'Ready') return health('Healthy');
    }
    return health('Progressing', waiting);
  };

export const strimziHealthChecks: Record<string, HealthCheck> = {
  'kafka.strimzi.io/Kafka': strimziHealth('Waiting for Kafka Cluster', true),
  'kafka.strimzi.io/KafkaTopic': strimziHealth('Waiting for Kafka Topic', false),
  'kafka.strimzi.io/KafkaUser': strimziHealth('Waiting for Kafka User', false),
};
