import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

describe.each(['Prometheus', 'Alertmanager'])('Prometheus Operator %s', (kind) => {
  const mon = (conditions?: object[]): KubeObject => ({
    apiVersion: 'monitoring.coreos.com/v1',
    kind,
    metadata: { name: 'main', namespace: 'monitoring' },
    spec: { replicas: 2 },
    ...(conditions ? { status: { availableReplicas: 2, conditions } } : {}),
  });
  it.each<[string, KubeObject, HealthStatus]>([
    [
      'available',
      mon([
        { type: 'Available', status: 'True' },
        { type: 'Reconciled', status: 'True' },
      ]),
      { status: 'Healthy', message: 'All instances are available' },
    ],
    [
      'some pods not ready',
      mon([
        {
          type: 'Available',
          status: 'Degraded',
          reason: 'SomePodsNotReady',
          message: 'shard 0: pod main-1: containers with incomplete status: [init-config-reloader]',
        },
      ]),
      { status: 'Progressing', message: 'shard 0: pod main-1: containers with incomplete status: [init-config-reloader]' },
    ],
    [
      'no pod ready',
      mon([{ type: 'Available', status: 'False', reason: 'NoPodReady', message: 'shard 0: pod main-0: 0/2 nodes are available' }]),
      { status: 'Degraded', message: 'shard 0: pod main-0: 0/2 nodes are available' },
    ],
    [
      'unavailable without a message',
      mon([{ type: 'Available', status: 'False', reason: 'NoPodReady' }]),
      { status: 'Degraded', message: 'NoPodReady' },
    ],
    ['no status yet', mon(), { status: 'Progressing', message: 'Waiting for initialization' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});
