import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from '../health.registry';

type Row = [string, KubeObject, HealthStatus];

const rollout = (generation: number, spec: object, status?: object, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'checkout', namespace: 'shop', generation, ...(annotations ? { annotations } : {}) },
  spec: { replicas: 3, selector: { matchLabels: { app: 'checkout' } }, ...spec },
  ...(status ? { status } : {}),
});
const canary = { strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } } };
const blueGreen = { strategy: { blueGreen: { activeService: 'checkout', previewService: 'checkout-preview' } } };
const settled = { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, currentPodHash: '5f9c7d', stableRS: '5f9c7d' };

describe('Argo Rollouts Rollout', () => {
  it.each<Row>([
    [
      'v1 controller: Healthy phase with its message',
      rollout(4, canary, { observedGeneration: '4', phase: 'Healthy', message: '' }),
      { status: 'Healthy' },
    ],
    [
      'v1 controller: Progressing phase',
      rollout(4, canary, { observedGeneration: 4, phase: 'Progressing', message: 'more replicas need to be updated' }),
      { status: 'Progressing', message: 'more replicas need to be updated' },
    ],
    [
      'v1 controller: Paused phase is Suspended',
      rollout(4, canary, { observedGeneration: '4', phase: 'Paused', message: 'CanaryPauseStep' }),
      { status: 'Suspended', message: 'CanaryPauseStep' },
    ],
    [
      'v1 controller: an aborted rollout is Degraded',
      rollout(4, canary, { observedGeneration: '4', phase: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 3' }),
      { status: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 3' },
    ],
    [
      'a phase the controller never writes',
      rollout(1, canary, { observedGeneration: 1, phase: 'Exploded' }),
      { status: 'Unknown', message: 'Unknown rollout phase "Exploded"' },
    ],
    ['no status yet', rollout(1, canary), { status: 'Progressing', message: 'Waiting for rollout spec update to be observed' }],
    [
      'a status without observedGeneration',
      rollout(1, canary, { phase: 'Healthy' }),
      { status: 'Progressing', message: 'Waiting for rollout spec update to be observed' },
    ],
    [
      'observedGeneration as a string behind the spec',
      rollout(5, canary, { observedGeneration: '4', phase: 'Healthy' }),
      { status: 'Progressing', message: 'Waiting for rollout spec update to be observed' },
    ],
    [
      'observedGeneration as a number behind the spec',
      rollout(5, canary, { observedGeneration: 4, phase: 'Healthy' }),
      { status: 'Progressing', message: 'Waiting for rollout spec update to be observed' },
    ],
    [
      'a v0.9 hash in observedGeneration counts as observed',
      rollout(7, canary, { observedGeneration: '6b8f4c9d5', ...settled }),
      { status: 'Healthy' },
    ],
    [
      'a workloadRef whose workload generation is not observed yet',
      rollout(
        2,
        { ...canary, workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'checkout' } },
        { observedGeneration: '2', workloadObservedGeneration: '3', phase: 'Healthy' },
        { 'rollout.argoproj.io/workload-generation': '4' },
      ),
      { status: 'Progressing', message: 'Waiting for rollout spec update to be observed' },
    ],
    [
      'a workloadRef whose workload generation is observed',
      rollout(
        2,
        { ...canary, workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'checkout' } },
        { observedGeneration: '2', workloadObservedGeneration: '4', phase: 'Healthy' },
        { 'rollout.argoproj.io/workload-generation': '4' },
      ),
      { status: 'Healthy' },
    ],
    [
      'legacy: an invalid spec is Degraded',
      rollout(2, canary, {
        observedGeneration: '2',
        conditions: [
          {
            type: 'InvalidSpec',
            status: 'True',
            message: 'The Rollout "checkout" is invalid: spec.strategy.canary.steps[0]: Invalid value',
          },
        ],
      }),
      { status: 'Degraded', message: 'The Rollout "checkout" is invalid: spec.strategy.canary.steps[0]: Invalid value' },
    ],
    [
      'legacy: an aborted rollout is Degraded',
      rollout(2, canary, {
        observedGeneration: '2',
        ...settled,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'RolloutAborted', message: 'Rollout is aborted' }],
      }),
      { status: 'Degraded', message: 'Rollout is aborted' },
    ],
    [
      'legacy: an exceeded progress deadline is Degraded',
      rollout(2, canary, {
        observedGeneration: '2',
        ...settled,
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: 'ReplicaSet "checkout-7d" has timed out progressing.',
          },
        ],
      }),
      { status: 'Degraded', message: 'ReplicaSet "checkout-7d" has timed out progressing.' },
    ],
    [
      'legacy: a controller pause is Suspended',
      rollout(2, canary, {
        observedGeneration: '2',
        ...settled,
        stableRS: 'old',
        pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2024-05-01T10:00:00Z' }],
      }),
      { status: 'Suspended', message: 'Rollout is paused' },
    ],
    [
      'legacy: a user pause (spec.paused) is Suspended',
      rollout(2, { ...canary, paused: true }, { observedGeneration: '2', ...settled }),
      { status: 'Suspended', message: 'Rollout is paused' },
    ],
    [
      'legacy: no pod hash yet',
      rollout(2, canary, { observedGeneration: '2', conditions: [] }),
      { status: 'Progressing', message: 'Waiting for rollout to finish: status has not been reconciled.' },
    ],
    [
      'legacy: fewer updated replicas than wanted',
      rollout(2, canary, { observedGeneration: '2', ...settled, updatedReplicas: 1 }),
      { status: 'Progressing', message: 'Waiting for roll out to finish: More replicas need to be updated' },
    ],
    [
      'legacy: updated replicas not yet available',
      rollout(2, canary, { observedGeneration: '2', ...settled, availableReplicas: 2 }),
      { status: 'Progressing', message: 'Waiting for roll out to finish: updated replicas are still becoming available' },
    ],
    [
      'legacy canary: old replicas still running',
      rollout(2, canary, { observedGeneration: '2', ...settled, replicas: 4 }),
      { status: 'Progressing', message: 'Waiting for roll out to finish: old replicas are pending termination' },
    ],
    [
      'legacy canary: steps not finished (stable is another hash)',
      rollout(2, canary, { observedGeneration: '2', ...settled, stableRS: '77aa01' }),
      { status: 'Progressing', message: 'Waiting for rollout to finish steps' },
    ],
    [
      'legacy canary: the stable hash in v0.7 place',
      rollout(2, canary, { observedGeneration: '2', ...settled, stableRS: undefined, canary: { stableRS: '5f9c7d' } }),
      { status: 'Healthy' },
    ],
    ['legacy canary: done', rollout(2, canary, { observedGeneration: '2', ...settled }), { status: 'Healthy' }],
    [
      'legacy blue-green: active service not cut over',
      rollout(2, blueGreen, { observedGeneration: '2', ...settled, blueGreen: { activeSelector: '77aa01', previewSelector: '5f9c7d' } }),
      { status: 'Progressing', message: 'active service cutover pending' },
    ],
    [
      'legacy blue-green: analysis before promotion',
      rollout(2, blueGreen, { observedGeneration: '2', ...settled, stableRS: '77aa01', blueGreen: { activeSelector: '5f9c7d' } }),
      { status: 'Progressing', message: 'waiting for analysis to complete' },
    ],
    [
      'legacy blue-green: done',
      rollout(2, blueGreen, { observedGeneration: '2', ...settled, blueGreen: { activeSelector: '5f9c7d' } }),
      { status: 'Healthy' },
    ],
  ])('%s', (_name, obj, want) => {
    expect(assessHealth(obj)).toEqual(want);
  });
});

const run = (kind: string, status?: object): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind,
  metadata: { name: 'checkout-5f9c7d-2', namespace: 'shop' },
  spec: {},
  ...(status ? { status } : {}),
});

describe('Argo Rollouts AnalysisRun', () => {
  it.each<Row>([
    ['Pending', run('AnalysisRun', { phase: 'Pending' }), { status: 'Progressing', message: 'Analysis run is running' }],
    [
      'Running',
      run('AnalysisRun', { phase: 'Running', startedAt: '2024-05-01T10:00:00Z' }),
      { status: 'Progressing', message: 'Analysis run is running' },
    ],
    ['Successful', run('AnalysisRun', { phase: 'Successful' }), { status: 'Healthy', message: 'Analysis run completed successfully' }],
    [
      'Successful with the controller message',
      run('AnalysisRun', { phase: 'Successful', message: 'all 5 measurements passed' }),
      { status: 'Healthy', message: 'all 5 measurements passed' },
    ],
    [
      'Failed',
      run('AnalysisRun', { phase: 'Failed', message: 'Metric "error-rate" assessed Failed due to failed (2) > failureLimit (1)' }),
      { status: 'Degraded', message: 'Metric "error-rate" assessed Failed due to failed (2) > failureLimit (1)' },
    ],
    ['Error', run('AnalysisRun', { phase: 'Error' }), { status: 'Degraded', message: 'Analysis run had an error' }],
    [
      'Inconclusive needs a person',
      run('AnalysisRun', { phase: 'Inconclusive' }),
      { status: 'Unknown', message: 'Analysis run was inconclusive' },
    ],
    [
      'no status yet',
      run('AnalysisRun'),
      { status: 'Progressing', message: 'Waiting for analysis run to finish: status has not been reconciled.' },
    ],
    [
      'a status without a phase',
      run('AnalysisRun', {}),
      { status: 'Progressing', message: 'Waiting for analysis run to finish: status has not been reconciled.' },
    ],
    ['a phase it does not know', run('AnalysisRun', { phase: 'Sideways' }), { status: 'Unknown', message: 'Unknown phase "Sideways"' }],
  ])('%s', (_name, obj, want) => {
    expect(assessHealth(obj)).toEqual(want);
  });
});

describe('Argo Rollouts Experiment', () => {
  it.each<Row>([
    ['Pending', run('Experiment', { phase: 'Pending' }), { status: 'Progressing', message: 'Experiment is pending' }],
    ['Running', run('Experiment', { phase: 'Running' }), { status: 'Progressing', message: 'Experiment is running' }],
    [
      'Successful',
      run('Experiment', { phase: 'Successful', message: 'ignored' }),
      { status: 'Healthy', message: 'Experiment is successful' },
    ],
    ['Failed', run('Experiment', { phase: 'Failed' }), { status: 'Degraded', message: 'Experiment has failed' }],
    ['Error', run('Experiment', { phase: 'Error' }), { status: 'Degraded', message: 'Experiment had an error' }],
    [
      'no status yet',
      run('Experiment'),
      { status: 'Progressing', message: 'Waiting for experiment to finish: status has not been reconciled.' },
    ],
  ])('%s', (_name, obj, want) => {
    expect(assessHealth(obj)).toEqual(want);
  });
});
