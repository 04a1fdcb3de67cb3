// DaemonSet health, case by case as gitops-engine's getAppsv1DaemonSetHealth tells them apart.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

const daemonSet = (spec: object, status: object, generation = 4, apiVersion = 'apps/v1'): KubeObject => ({
  apiVersion,
  kind: 'DaemonSet',
  metadata: { name: 'node-agent', namespace: 'ops', generation },
  spec,
  status: { observedGeneration: 4, ...status },
});

const cases: [string, KubeObject, HealthStatus][] = [
  [
    'generation not yet observed',
    daemonSet({}, { desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 }, 5),
    { status: 'Progressing', message: 'Waiting for rollout to finish: observed daemon set generation less than desired generation' },
  ],
  [
    'OnDelete is Healthy however many pods are updated',
    daemonSet({ updateStrategy: { type: 'OnDelete' } }, { desiredNumberScheduled: 3, updatedNumberScheduled: 1, numberAvailable: 1 }),
    { status: 'Healthy', message: 'daemon set 1 out of 3 new pods have been updated' },
  ],
  [
    'pods not all updated',
    daemonSet({ updateStrategy: { type: 'RollingUpdate' } }, { desiredNumberScheduled: 3, updatedNumberScheduled: 2, numberAvailable: 3 }),
    { status: 'Progressing', message: 'Waiting for daemon set "node-agent" rollout to finish: 2 out of 3 new pods have been updated...' },
  ],
  [
    'updated pods not all available',
    daemonSet({ updateStrategy: { type: 'RollingUpdate' } }, { desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 1 }),
    { status: 'Progressing', message: 'Waiting for daemon set "node-agent" rollout to finish: 1 of 3 updated pods are available...' },
  ],
  ['rolled out', daemonSet({}, { desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 }), { status: 'Healthy' }],
  ['scheduled on no node', daemonSet({}, {}), { status: 'Healthy' }],
  [
    'a version Argo does not convert',
    daemonSet({}, {}, 4, 'apps/v1beta2'),
    { status: 'Unknown', message: 'unsupported DaemonSet GVK: apps/v1beta2, Kind=DaemonSet' },
  ],
];

describe('DaemonSet health', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(assessHealth(obj)).toEqual(expected);
  });
});
