// Job health, case by case as gitops-engine's getBatchv1JobHealth tells them apart.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

const job = (conditions?: object[], apiVersion = 'batch/v1'): KubeObject => ({
  apiVersion,
  kind: 'Job',
  metadata: { name: 'migrate', namespace: 'shop' },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'migrate:1' }] } } },
  status: conditions ? { conditions } : {},
});

const complete = { type: 'Complete', status: 'True', message: 'all done' };
const failed = { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
const suspended = (status: string) => ({ type: 'Suspended', status, reason: status === 'True' ? 'JobSuspended' : 'JobResumed', message: status === 'True' ? 'Job suspended' : 'Job resumed' });

const cases: [string, KubeObject, HealthStatus][] = [
  ['no conditions yet', job(), { status: 'Progressing' }],
  ['complete', job([complete]), { status: 'Healthy', message: 'all done' }],
  ['failed', job([failed]), { status: 'Degraded', message: 'Job has reached the specified backoff limit' }],
  ['failed wins over complete', job([complete, failed]), { status: 'Degraded', message: 'Job has reached the specified backoff limit' }],
  ['suspended, with its message', job([suspended('True')]), { status: 'Suspended', message: 'Job suspended' }],
  ['suspended and failed is Degraded', job([suspended('True'), failed]), { status: 'Degraded', message: 'Job has reached the specified backoff limit' }],
  ['a resumed job counts as finished, as Argo reads it', job([suspended('False')]), { status: 'Healthy', message: 'Job resumed' }],
  ['other conditions leave it running', job([{ type: 'FailureTarget', status: 'True', message: 'going down' }]), { status: 'Progressing' }],
  ['a version Argo does not convert', job([complete], 'batch/v2'), { status: 'Unknown', message: 'unsupported Job GVK: batch/v2, Kind=Job' }],
];

describe('Job health', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(assessHealth(obj)).toEqual(expected);
  });
});
