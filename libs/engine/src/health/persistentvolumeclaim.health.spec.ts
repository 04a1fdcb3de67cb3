// PersistentVolumeClaim health by claim phase, as gitops-engine's getCorev1PVCHealth reads it.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

const claim = (phase?: string, apiVersion = 'v1'): KubeObject => ({
  apiVersion,
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'shop' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  status: phase ? { phase } : {},
});

const cases: [string, KubeObject, HealthStatus][] = [
  ['bound', claim('Bound'), { status: 'Healthy' }],
  ['pending', claim('Pending'), { status: 'Progressing' }],
  ['lost', claim('Lost'), { status: 'Degraded' }],
  ['no phase yet', claim(), { status: 'Unknown' }],
  ['a phase Argo does not know', claim('Released'), { status: 'Unknown' }],
  ['a version Argo does not convert', claim('Bound', 'v2'), { status: 'Unknown', message: 'unsupported PersistentVolumeClaim GVK: /v2, Kind=PersistentVolumeClaim' }],
];

describe('PersistentVolumeClaim health', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(assessHealth(obj)).toEqual(expected);
  });
});
