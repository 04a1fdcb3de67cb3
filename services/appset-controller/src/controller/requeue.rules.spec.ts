import type { Application, ApplicationSet } from '@flotilla/api-types';
import { applicationChanged, appSetChanged, controllingAppSet, FailureBackoff, requeueAfterMs, retryDelayMs, usesClusters } from './requeue.rules';

const set = (over: any = {}): ApplicationSet =>
  ({
    metadata: { name: 's', labels: { a: '1' }, ...over.metadata },
    spec: { generators: [{ list: { elements: [] } }], template: {}, ...over.spec },
    status: over.status,
  }) as ApplicationSet;
const app = (over: any = {}): Application =>
  ({
    metadata: { name: 'a', annotations: { x: '1' }, ...over.metadata },
    spec: { project: 'default', ...over.spec },
    status: over.status,
  }) as Application;

describe('appSetChanged', () => {
  it.each([
    ['a status-only update', set({ status: { conditions: [] } }), false],
    ['a spec change', set({ spec: { goTemplate: true } }), true],
    ['a label change', set({ metadata: { labels: { a: '2' } } }), true],
    ['deletion starting', set({ metadata: { deletionTimestamp: 'now' } }), true],
    ['a refresh request', set({ metadata: { annotations: { 'argocd.argoproj.io/application-set-refresh': 'true' } } }), true],
  ])('%s → %s', (_case, after, expected) => {
    expect(appSetChanged(set(), after)).toBe(expected);
  });

  it('ignores the refresh request being cleared', () => {
    const refreshing = set({ metadata: { annotations: { 'argocd.argoproj.io/application-set-refresh': 'true' } } });
    expect(appSetChanged(refreshing, set())).toBe(false);
  });
});

describe('applicationChanged', () => {
  it.each([
    ['reconciledAt churn', app({ status: { reconciledAt: 'later' } }), false],
    ['a refresh annotation', app({ metadata: { annotations: { x: '1', 'argocd.argoproj.io/refresh': 'hard' } } }), false],
    ['a hand-edited spec', app({ spec: { project: 'other' } }), true],
    ['an edited annotation', app({ metadata: { annotations: { x: '2' } } }), true],
    ['health changing', app({ status: { health: { status: 'Healthy' } } }), true],
    ['sync changing', app({ status: { sync: { status: 'Synced' } } }), true],
  ])('%s → %s', (_case, after, expected) => {
    expect(applicationChanged(app(), after)).toBe(expected);
  });
});

describe('controllingAppSet / usesClusters', () => {
  it('finds the controlling ApplicationSet only', () => {
    const ref = { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', name: 's', uid: 'u' };
    expect(controllingAppSet(app({ metadata: { ownerReferences: [ref] } }))).toBeUndefined();
    expect(controllingAppSet(app({ metadata: { ownerReferences: [{ ...ref, controller: true }] } }))).toBe('s');
  });

  it.each([
    [[{ list: {} }], false],
    [[{ clusters: {} }], true],
    [[{ matrix: { generators: [{ list: {} }, { clusters: { selector: {} } }] } }], true],
    [[{ matrix: { generators: [{ list: {} }, { matrix: { generators: [{ clusters: {} }, { list: {} }] } }] } }], true],
  ])('%j → %s', (generators, expected) => {
    expect(usesClusters(set({ spec: { generators } }))).toBe(expected);
  });
});

describe('requeueAfterMs', () => {
  it.each([
    ['list and clusters never requeue', [{ list: {} }, { clusters: {} }], undefined],
    ['git defaults to 3 minutes', [{ git: { repoURL: 'r', directories: [{ path: '*' }] } }], 180_000],
    ['clusterDecisionResource defaults to 3 minutes', [{ clusterDecisionResource: { configMapRef: 'cm' } }], 180_000],
    ['plugin defaults to 30 minutes', [{ plugin: { configMapRef: { name: 'p' } } }], 1_800_000],
    ['pullRequest defaults to 30 minutes', [{ pullRequest: { github: {} } }], 1_800_000],
    ['scmProvider defaults to 30 minutes', [{ scmProvider: { github: {} } }], 1_800_000],
    ['the shortest of several wins', [{ git: { requeueAfterSeconds: 30 } }, { plugin: { requeueAfterSeconds: 10 } }], 10_000],
    ['0 means never', [{ git: { requeueAfterSeconds: 0 } }], undefined],
    ['0 leaves the others', [{ git: { requeueAfterSeconds: 0 } }, { pullRequest: { requeueAfterSeconds: 60 } }], 60_000],
    ['inside a matrix', [{ matrix: { generators: [{ clusters: {} }, { git: { requeueAfterSeconds: 45 } }] } }], 45_000],
    ['inside a merge', [{ merge: { generators: [{ clusters: {} }, { plugin: { requeueAfterSeconds: 20 } }] } }], 20_000],
    [
      'two levels down',
      [{ merge: { generators: [{ list: {} }, { matrix: { generators: [{ list: {} }, { clusterDecisionResource: { requeueAfterSeconds: 5 } }] } }] } }],
      5_000,
    ],
    ['a nested plugin with its default', [{ matrix: { generators: [{ clusters: {} }, { plugin: {} }] } }], 1_800_000],
  ])('%s', (_case, generators, expected) => {
    expect(requeueAfterMs(set({ spec: { generators } }))).toBe(expected);
  });
});

describe('FailureBackoff', () => {
  it('doubles the wait on each failure of one generation up to the max, and starts over for a new generation', () => {
    let now = 0;
    const backoff = new FailureBackoff(100, 1000, () => now);
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.failed('a', 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoff.waiting('a', 1)).toBe(true);
    expect(backoff.waiting('a', 2)).toBe(false);
    expect(backoff.failed('a', 2)).toBe(100);
    now = 100;
    expect(backoff.waiting('a', 2)).toBe(false);
    backoff.forget('a');
    expect(backoff.failed('a', 2)).toBe(100);
    expect(retryDelayMs(80, 10_000, 300_000)).toBe(300_000);
  });
});
