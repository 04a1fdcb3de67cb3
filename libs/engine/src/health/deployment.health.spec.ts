// Deployment health, case by case as gitops-engine's getAppsv1DeploymentHealth tells them apart.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

const deployment = (spec: object, status: object, generation = 2, apiVersion = 'apps/v1'): KubeObject => ({
  apiVersion,
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', generation },
  spec,
  status: { observedGeneration: 2, ...status },
});

const deadline = { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' };

const cases: [string, KubeObject, HealthStatus][] = [
  ['paused, even with an unobserved generation', deployment({ paused: true, replicas: 3 }, {}, 5), { status: 'Suspended', message: 'Deployment is paused' }],
  [
    'generation not yet observed',
    deployment({ replicas: 3 }, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }, 3),
    { status: 'Progressing', message: 'Waiting for rollout to finish: observed deployment generation less than desired generation' },
  ],
  [
    'a missed deadline is only read once the generation is observed',
    deployment({ replicas: 3 }, { conditions: [deadline] }, 3),
    { status: 'Progressing', message: 'Waiting for rollout to finish: observed deployment generation less than desired generation' },
  ],
  [
    'progress deadline exceeded',
    deployment({ replicas: 3 }, { replicas: 3, updatedReplicas: 1, availableReplicas: 1, conditions: [deadline] }),
    { status: 'Degraded', message: 'Deployment "web" exceeded its progress deadline' },
  ],
  [
    'another Progressing reason is not a failure',
    deployment({ replicas: 3 }, { replicas: 3, updatedReplicas: 3, availableReplicas: 3, conditions: [{ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }] }),
    { status: 'Healthy' },
  ],
  [
    'new replicas not all updated',
    deployment({ replicas: 3 }, { replicas: 3, updatedReplicas: 1 }),
    { status: 'Progressing', message: 'Waiting for rollout to finish: 1 out of 3 new replicas have been updated...' },
  ],
  [
    'old replicas pending termination',
    deployment({ replicas: 3 }, { replicas: 5, updatedReplicas: 3, availableReplicas: 3 }),
    { status: 'Progressing', message: 'Waiting for rollout to finish: 2 old replicas are pending termination...' },
  ],
  [
    'updated replicas not all available',
    deployment({ replicas: 3 }, { replicas: 3, updatedReplicas: 3, availableReplicas: 2 }),
    { status: 'Progressing', message: 'Waiting for rollout to finish: 2 of 3 updated replicas are available...' },
  ],
  [
    'without spec.replicas only the status counters are compared',
    deployment({}, { replicas: 1, updatedReplicas: 1, availableReplicas: 1 }),
    { status: 'Healthy' },
  ],
  ['rolled out', deployment({ replicas: 3 }, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), { status: 'Healthy' }],
  [
    'a version Argo does not convert',
    deployment({ replicas: 1 }, {}, 2, 'apps/v1beta2'),
    { status: 'Unknown', message: 'unsupported Deployment GVK: apps/v1beta2, Kind=Deployment' },
  ],
];

describe('Deployment health', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(assessHealth(obj)).toEqual(expected);
  });
});
