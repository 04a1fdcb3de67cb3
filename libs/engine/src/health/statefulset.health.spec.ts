// StatefulSet health, case by case as gitops-engine's getAppsv1StatefulSetHealth tells them apart.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

const statefulSet = (spec: object, status: object, generation = 2, apiVersion = 'apps/v1'): KubeObject => ({
  apiVersion,
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'shop', generation },
  spec,
  status: { observedGeneration: 2, ...status },
});

const rolling = (partition?: number) => ({ type: 'RollingUpdate', rollingUpdate: partition === undefined ? {} : { partition } });
const ready = { readyReplicas: 3, currentReplicas: 3 };

const cases: [string, KubeObject, HealthStatus][] = [
  [
    'no generation observed yet',
    statefulSet({ replicas: 3 }, { observedGeneration: 0 }, 0),
    { status: 'Progressing', message: 'Waiting for statefulset spec update to be observed...' },
  ],
  [
    'generation not yet observed',
    statefulSet({ replicas: 3 }, ready, 3),
    { status: 'Progressing', message: 'Waiting for statefulset spec update to be observed...' },
  ],
  ['pods not all ready', statefulSet({ replicas: 3 }, { readyReplicas: 1 }), { status: 'Progressing', message: 'Waiting for 2 pods to be ready...' }],
  [
    'partitioned roll out under way',
    statefulSet({ replicas: 3, updateStrategy: rolling(1) }, { ...ready, updatedReplicas: 1 }),
    { status: 'Progressing', message: 'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...' },
  ],
  [
    'partitioned roll out complete',
    statefulSet({ replicas: 3, updateStrategy: rolling(1) }, { ...ready, updatedReplicas: 2, updateRevision: 'db-2', currentRevision: 'db-1' }),
    { status: 'Healthy', message: 'partitioned roll out complete: 2 new pods have been updated...' },
  ],
  [
    'rollingUpdate without a partition is read as partitioned, revisions ignored',
    statefulSet({ replicas: 3, updateStrategy: rolling() }, { ...ready, updatedReplicas: 1, updateRevision: 'db-2', currentRevision: 'db-1' }),
    { status: 'Healthy', message: 'partitioned roll out complete: 1 new pods have been updated...' },
  ],
  [
    'OnDelete',
    statefulSet({ replicas: 3, updateStrategy: { type: 'OnDelete' } }, { ...ready, updatedReplicas: 0, updateRevision: 'db-2', currentRevision: 'db-1' }),
    { status: 'Healthy', message: 'statefulset has 3 ready pods' },
  ],
  [
    'RollingUpdate without rollingUpdate, revisions differ',
    statefulSet({ replicas: 3, updateStrategy: { type: 'RollingUpdate' } }, { ...ready, updatedReplicas: 2, updateRevision: 'db-2', currentRevision: 'db-1' }),
    { status: 'Progressing', message: 'waiting for statefulset rolling update to complete 2 pods at revision db-2...' },
  ],
  [
    'RollingUpdate without rollingUpdate, revisions equal',
    statefulSet({ replicas: 3, updateStrategy: { type: 'RollingUpdate' } }, { ...ready, updatedReplicas: 3, updateRevision: 'db-2', currentRevision: 'db-2' }),
    { status: 'Healthy', message: 'statefulset rolling update complete 3 pods at revision db-2...' },
  ],
  [
    'no spec.replicas skips the readiness count',
    statefulSet({ updateStrategy: { type: 'RollingUpdate' } }, { currentReplicas: 0, updateRevision: 'db-1', currentRevision: 'db-1' }),
    { status: 'Healthy', message: 'statefulset rolling update complete 0 pods at revision db-1...' },
  ],
  [
    'a version Argo does not convert',
    statefulSet({ replicas: 3 }, ready, 2, 'apps/v1beta1'),
    { status: 'Unknown', message: 'unsupported StatefulSet GVK: apps/v1beta1, Kind=StatefulSet' },
  ],
];

describe('StatefulSet health', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(assessHealth(obj)).toEqual(expected);
  });
});
