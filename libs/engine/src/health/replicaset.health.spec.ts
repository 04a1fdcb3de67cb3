// ReplicaSet health, case by case as gitops-engine's getAppsv1ReplicaSetHealth tells them apart.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

const replicaSet = (spec: object, status: object, generation = 1, apiVersion = 'apps/v1'): KubeObject => ({
  apiVersion,
  kind: 'ReplicaSet',
  metadata: { name: 'web-7f9c', namespace: 'shop', generation },
  spec,
  status: { observedGeneration: 1, ...status },
});

const failure = (status: string) => ({ type: 'ReplicaFailure', status, reason: 'FailedCreate', message: 'pods "web-7f9c-x" is forbidden: exceeded quota' });

const cases: [string, KubeObject, HealthStatus][] = [
  [
    'generation not yet observed',
    replicaSet({ replicas: 2 }, { availableReplicas: 2 }, 2),
    { status: 'Progressing', message: 'Waiting for rollout to finish: observed replica set generation less than desired generation' },
  ],
  [
    'replica failure',
    replicaSet({ replicas: 2 }, { availableReplicas: 0, conditions: [failure('True')] }),
    { status: 'Degraded', message: 'pods "web-7f9c-x" is forbidden: exceeded quota' },
  ],
  [
    'a replica failure that cleared, replicas still coming',
    replicaSet({ replicas: 2 }, { availableReplicas: 1, conditions: [failure('False')] }),
    { status: 'Progressing', message: 'Waiting for rollout to finish: 1 out of 2 new replicas are available...' },
  ],
  ['all available', replicaSet({ replicas: 2 }, { availableReplicas: 2 }), { status: 'Healthy' }],
  ['no spec.replicas', replicaSet({}, {}), { status: 'Healthy' }],
  [
    'a version Argo does not convert',
    replicaSet({ replicas: 2 }, {}, 1, 'apps/v1beta2'),
    { status: 'Unknown', message: 'unsupported ReplicaSet GVK: apps/v1beta2, Kind=ReplicaSet' },
  ],
];

describe('ReplicaSet health', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(assessHealth(obj)).toEqual(expected);
  });
});
