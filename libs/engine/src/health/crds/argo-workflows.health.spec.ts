import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const wf = (kind: string, status?: object): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind,
  metadata: { name: 'nightly-report', namespace: 'batch' },
  spec: kind === 'CronWorkflow' ? { schedule: '0 2 * * *', workflowSpec: { entrypoint: 'main' } } : { entrypoint: 'main' },
  ...(status ? { status } : {}),
});

describe('Argo Workflows Workflow', () => {
  it.each<Row>([
    ['Succeeded', wf('Workflow', { phase: 'Succeeded' }), { status: 'Healthy' }],
    ['Running', wf('Workflow', { phase: 'Running' }), { status: 'Progressing' }],
    [
      'Pending with a message',
      wf('Workflow', { phase: 'Pending', message: 'Waiting for a free node' }),
      { status: 'Progressing', message: 'Waiting for a free node' },
    ],
    ['Failed', wf('Workflow', { phase: 'Failed', message: 'child "main" failed' }), { status: 'Degraded', message: 'child "main" failed' }],
    ['Error', wf('Workflow', { phase: 'Error', message: 'invalid spec' }), { status: 'Degraded', message: 'invalid spec' }],
    ['no status yet', wf('Workflow'), { status: 'Progressing' }],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});

describe('Argo Workflows CronWorkflow', () => {
  it.each<Row>([
    [
      'scheduling',
      wf('CronWorkflow', { active: [], lastScheduledTime: '2024-05-01T02:00:00Z', conditions: [] }),
      { status: 'Healthy', message: 'CronWorkflow is healthy.' },
    ],
    ['no status yet', wf('CronWorkflow'), { status: 'Healthy', message: 'CronWorkflow is healthy.' }],
    [
      'an invalid spec',
      wf('CronWorkflow', { conditions: [{ type: 'SpecError', status: 'True', message: 'cron schedule is malformed' }] }),
      { status: 'Degraded', message: 'cron schedule is malformed' },
    ],
    [
      'a failed submission',
      wf('CronWorkflow', {
        conditions: [{ type: 'SubmissionError', status: 'True', message: 'Failed to submit Workflow: quota exceeded' }],
      }),
      { status: 'Degraded', message: 'Failed to submit Workflow: quota exceeded' },
    ],
    [
      'an error that cleared',
      wf('CronWorkflow', { conditions: [{ type: 'SubmissionError', status: 'False', message: 'old error' }] }),
      { status: 'Healthy', message: 'CronWorkflow is healthy.' },
    ],
    [
      'completed by its stop strategy',
      wf('CronWorkflow', { conditions: [{ type: 'Completed', status: 'True', message: 'Stop condition reached' }] }),
      { status: 'Healthy', message: 'Stop condition reached' },
    ],
  ])('%s', (_name, obj, want) => expect(assessHealth(obj)).toEqual(want));
});
