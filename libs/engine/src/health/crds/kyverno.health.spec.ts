import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

describe.each(['Policy', 'ClusterPolicy'])('Kyverno %s', (kind) => {
  const policy = (conditions?: object[]): KubeObject => ({
    apiVersion: 'kyverno.io/v1',
    kind,
    metadata: { name: 'require-labels' },
    spec: { validationFailureAction: 'Enforce', rules: [] },
    ...(conditions ? { status: { conditions } } : {}),
  });
  it.each<[string, KubeObject, HealthStatus]>([
    [
      'ready',
      policy([{ type: 'Ready', status: 'True', reason: 'Succeeded', message: 'Ready' }]),
      { status: 'Healthy', message: 'Policy is ready' },
    ],
    [
      'webhook not registered',
      policy([{ type: 'Ready', status: 'False', reason: 'Failed', message: 'Webhook not ready' }]),
      { status: 'Progressing', message: 'Waiting for Policy to be ready' },
    ],
    ['no status yet', policy(), { status: 'Progressing', message: 'Waiting for Policy to be ready' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});
