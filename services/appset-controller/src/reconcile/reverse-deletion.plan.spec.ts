import type { Application, ApplicationSet, ApplicationSetRolloutStep } from '@flotilla/api-types';
import {
  nextReverseDeletion,
  reverseDeletionEnabled,
  reverseDeletionIgnored,
  reverseDeletionOrder,
  STUCK_DELETION_MS,
} from './reverse-deletion.plan';

const byEnv = (...envs: string[]): ApplicationSetRolloutStep[] =>
  envs.map((env) => ({ matchExpressions: [{ key: 'env', operator: 'In', values: [env] }] }));
const appSet = (strategy: ApplicationSet['spec']['strategy']): ApplicationSet => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name: 'web', namespace: 'argocd' },
  spec: { generators: [], template: { metadata: {}, spec: {} as Application['spec'] }, strategy },
});
const reverse = (steps: ApplicationSetRolloutStep[]) => appSet({ type: 'RollingSync', deletionOrder: 'Reverse', rollingSync: { steps } });
const app = (name: string, labels: Record<string, string>, deletionTimestamp?: string): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd', labels, ...(deletionTimestamp ? { deletionTimestamp } : {}) },
  spec: { project: 'default', destination: { server: 'https://kubernetes.default.svc', namespace: name } },
});
const NOW = new Date('2026-01-01T00:10:00Z');

describe('reverseDeletionEnabled / reverseDeletionIgnored', () => {
  it.each([
    ['Reverse with RollingSync steps', reverse(byEnv('dev')), true, undefined],
    [
      'reverse in any case',
      appSet({ type: 'RollingSync', deletionOrder: 'REVERSE' as 'Reverse', rollingSync: { steps: byEnv('dev') } }),
      true,
      undefined,
    ],
    [
      'AllAtOnce with RollingSync',
      appSet({ type: 'RollingSync', deletionOrder: 'AllAtOnce', rollingSync: { steps: byEnv('dev') } }),
      false,
      undefined,
    ],
    ['no order', appSet({ type: 'RollingSync', rollingSync: { steps: byEnv('dev') } }), false, undefined],
    ['Reverse without steps', reverse([]), false, 'ignored'],
    ['Reverse with AllAtOnce', appSet({ type: 'AllAtOnce', deletionOrder: 'Reverse' }), false, 'ignored'],
    ['Reverse with no type', appSet({ deletionOrder: 'Reverse' }), false, 'ignored'],
  ])('%s', (_, set, enabled, ignored) => {
    expect(reverseDeletionEnabled(set)).toBe(enabled);
    const message = reverseDeletionIgnored(set);
    if (ignored)
      expect(message).toBe(
        'spec.strategy.deletionOrder: Reverse applies only to a RollingSync strategy with steps; Applications will be deleted all at once',
      );
    else expect(message).toBeUndefined();
  });
});

describe('reverseDeletionOrder', () => {
  it('lists the last step first, each Application in the first step that selects it, and leaves out those no step selects', () => {
    const set = reverse([
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }] },
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['staging', 'dev'] }] },
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] },
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['nowhere'] }] },
    ]);
    const owned = [
      app('web-prod-b', { env: 'prod' }),
      app('web-dev', { env: 'dev' }),
      app('web-staging', { env: 'staging' }),
      app('web-prod-a', { env: 'prod' }),
      app('web-qa', { env: 'qa' }),
      app('web-unlabelled', {}),
    ];
    expect(reverseDeletionOrder(set, owned)).toEqual([
      { step: 3, names: ['web-prod-a', 'web-prod-b'] },
      { step: 2, names: ['web-staging'] },
      { step: 1, names: ['web-dev'] },
    ]);
  });
});

describe('nextReverseDeletion', () => {
  const set = reverse(byEnv('dev', 'staging', 'prod'));
  const all = [app('web-dev', { env: 'dev' }), app('web-staging', { env: 'staging' }), app('web-prod', { env: 'prod' })];

  it('deletes the last step first and nothing of the steps before it', () => {
    expect(nextReverseDeletion(set, all, NOW)).toEqual({
      kind: 'deleting',
      step: 3,
      toDelete: ['web-prod'],
      deleting: [],
      stuck: undefined,
    });
  });

  it('waits while the step is deleting, without touching the next step', () => {
    const going = [all[0], all[1], app('web-prod', { env: 'prod' }, '2026-01-01T00:09:00Z')];
    expect(nextReverseDeletion(set, going, NOW)).toEqual({
      kind: 'deleting',
      step: 3,
      toDelete: [],
      deleting: ['web-prod'],
      stuck: undefined,
    });
  });

  it('asks again for an Application of the step that is not yet deleting while another of it is', () => {
    const set2 = reverse(byEnv('dev', 'prod'));
    const owned = [app('web-dev', { env: 'dev' }), app('p1', { env: 'prod' }, '2026-01-01T00:09:00Z'), app('p2', { env: 'prod' })];
    expect(nextReverseDeletion(set2, owned, NOW)).toMatchObject({ step: 2, toDelete: ['p2'], deleting: ['p1'] });
  });

  it('moves on to the step before once the step is gone, skipping steps with no Applications', () => {
    const set4 = reverse(byEnv('dev', 'staging', 'canary', 'prod'));
    expect(nextReverseDeletion(set4, all.slice(0, 2), NOW)).toMatchObject({ step: 2, toDelete: ['web-staging'] });
    expect(nextReverseDeletion(set4, all.slice(0, 1), NOW)).toMatchObject({ step: 1, toDelete: ['web-dev'] });
  });

  it('is done when no Application a step selects is left, whatever else is', () => {
    expect(nextReverseDeletion(set, [app('web-qa', { env: 'qa' })], NOW)).toEqual({ kind: 'done' });
    expect(nextReverseDeletion(set, [], NOW)).toEqual({ kind: 'done' });
  });

  it('says which Applications have been deleting for too long, and still waits for them', () => {
    const since = new Date(NOW.getTime() - STUCK_DELETION_MS - 1000).toISOString();
    const recent = new Date(NOW.getTime() - 1000).toISOString();
    const owned = [all[0], all[1], app('web-prod', { env: 'prod' }, since), app('web-prod-2', { env: 'prod' }, recent)];
    expect(nextReverseDeletion(set, owned, NOW)).toEqual({
      kind: 'deleting',
      step: 3,
      toDelete: [],
      deleting: ['web-prod', 'web-prod-2'],
      stuck: 'reverse deletion waits at step 3: Application(s) web-prod still deleting after more than 2 minutes',
    });
  });
});
