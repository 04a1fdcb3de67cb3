import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const kafka = (kind: string, conditions?: object[]): KubeObject => ({
  apiVersion: 'kafka.strimzi.io/v1beta2',
  kind,
  metadata: { name: 'events', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'events' } },
  spec: {},
  ...(conditions ? { status: { observedGeneration: 1, conditions } } : {}),
});

describe.each([
  ['Kafka', 'Waiting for Kafka Cluster'],
  ['KafkaTopic', 'Waiting for Kafka Topic'],
  ['KafkaUser', 'Waiting for Kafka User'],
])('Strimzi %s', (kind, waiting) => {
  it.each<Row>([
    ['ready', kafka(kind, [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-05-01T10:00:00Z' }]), { status: 'Healthy' }],
    [
      'not ready',
      kafka(kind, [
        { type: 'NotReady', status: 'True', reason: 'InvalidResourceException', message: 'Spec is invalid: replicas must be positive' },
      ]),
      { status: 'Degraded', message: 'Spec is invalid: replicas must be positive' },
    ],
    [
      'reconciliation paused',
      kafka(kind, [{ type: 'ReconciliationPaused', status: 'True' }]),
      { status: 'Suspended', message: 'Reconciliation is paused' },
    ],
    ['no status yet', kafka(kind), { status: 'Progressing', message: waiting }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

it('a Kafka cluster still being created is Progressing', () => {
  expect(
    assessHealth(kafka('Kafka', [{ type: 'NotReady', status: 'True', reason: 'Creating', message: 'Kafka cluster is being deployed' }])),
  ).toEqual({ status: 'Progressing', message: 'Waiting for Kafka Cluster' });
});
