import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

const ksvc = (conditions?: object[]): KubeObject => ({
  apiVersion: 'serving.knative.dev/v1',
  kind: 'Service',
  metadata: { name: 'hello', namespace: 'apps' },
  spec: { template: { spec: { containers: [{ image: 'ghcr.io/knative/helloworld-go:latest' }] } } },
  ...(conditions ? { status: { conditions } } : {}),
});
const c = (type: string, status: string, reason = '', message = ''): object => ({
  type,
  status,
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});

describe('Knative Service', () => {
  it.each<[string, KubeObject, HealthStatus]>([
    [
      'all ready',
      ksvc([c('ConfigurationsReady', 'True'), c('Ready', 'True'), c('RoutesReady', 'True')]),
      { status: 'Healthy', message: 'Knative Service is healthy.' },
    ],
    [
      'a revision failed',
      ksvc([
        c('ConfigurationsReady', 'False', 'RevisionFailed', 'Revision "hello-00002" failed with message: image pull failed.'),
        c('Ready', 'False', 'RevisionFailed'),
        c('RoutesReady', 'True'),
      ]),
      {
        status: 'Degraded',
        message:
          'ConfigurationsReady is False, since RevisionFailed. Revision "hello-00002" failed with message: image pull failed.\nReady is False, since RevisionFailed.\n',
      },
    ],
    [
      'rolling out',
      ksvc([c('ConfigurationsReady', 'Unknown', 'RevisionMissing'), c('Ready', 'Unknown'), c('RoutesReady', 'True')]),
      { status: 'Progressing', message: 'ConfigurationsReady is Unknown, since RevisionMissing.\nReady is Unknown\n' },
    ],
    ['not every readiness reported yet', ksvc([c('Ready', 'True')]), { status: 'Progressing' }],
    ['no status yet', ksvc(), { status: 'Progressing', message: 'Waiting for status update.' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));

  it('a core Service keeps its own check', () => {
    expect(assessHealth({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'hello' }, spec: { type: 'ClusterIP' } })).toEqual({
      status: 'Healthy',
    });
  });
});
