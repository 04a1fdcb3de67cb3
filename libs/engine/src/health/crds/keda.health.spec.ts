import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const keda = (kind: string, conditions?: object[]): KubeObject => ({
  apiVersion: 'keda.sh/v1alpha1',
  kind,
  metadata: { name: 'worker', namespace: 'shop' },
  spec: { scaleTargetRef: { name: 'worker' } },
  ...(conditions ? { status: { conditions } } : {}),
});
const c = (type: string, status: string, message = ''): object => ({ type, status, ...(message ? { message } : {}) });

describe('KEDA ScaledObject', () => {
  it.each<Row>([
    [
      'Ready',
      keda('ScaledObject', [
        c('Ready', 'True', 'ScaledObject is defined correctly and is ready for scaling'),
        c('Active', 'False'),
        c('Fallback', 'False'),
      ]),
      { status: 'Healthy', message: 'ScaledObject is defined correctly and is ready for scaling' },
    ],
    [
      'not Ready',
      keda('ScaledObject', [c('Ready', 'False', "ScaledObject doesn't have correct triggers specification")]),
      { status: 'Degraded', message: "ScaledObject doesn't have correct triggers specification" },
    ],
    [
      'falling back',
      keda('ScaledObject', [
        c('Ready', 'True', 'ready'),
        c('Active', 'False'),
        c('Fallback', 'True', 'At least one trigger is falling back on this scaled object'),
      ]),
      { status: 'Degraded', message: 'At least one trigger is falling back on this scaled object' },
    ],
    [
      'paused',
      keda('ScaledObject', [c('Ready', 'True', 'ready'), c('Paused', 'True', 'ScaledObject is paused')]),
      { status: 'Suspended', message: 'ScaledObject is paused' },
    ],
    [
      'Ready Unknown',
      keda('ScaledObject', [c('Ready', 'Unknown')]),
      { status: 'Progressing', message: 'Creating HorizontalPodAutoscaler Object' },
    ],
    ['no status yet', keda('ScaledObject'), { status: 'Progressing', message: 'Creating HorizontalPodAutoscaler Object' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe('KEDA ScaledJob', () => {
  it.each<Row>([
    [
      'Ready',
      keda('ScaledJob', [c('Ready', 'True', 'ScaledJob is defined correctly and is ready to scaling')]),
      { status: 'Healthy', message: 'ScaledJob is defined correctly and is ready to scaling' },
    ],
    [
      'not Ready',
      keda('ScaledJob', [c('Ready', 'False', "ScaledJob doesn't have correct triggers")]),
      { status: 'Degraded', message: "ScaledJob doesn't have correct triggers" },
    ],
    [
      'Ready Unknown is Degraded, as Argo CD reads it',
      keda('ScaledJob', [c('Ready', 'Unknown', 'ScaledJob check failed')]),
      { status: 'Degraded', message: 'ScaledJob check failed' },
    ],
    [
      'paused',
      keda('ScaledJob', [c('Ready', 'True'), c('Paused', 'True', 'ScaledJob is paused')]),
      { status: 'Suspended', message: 'ScaledJob is paused' },
    ],
    ['no status yet', keda('ScaledJob'), { status: 'Progressing', message: 'Waiting for ScaledJob' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});
