import type { Application, ApplicationSet, ApplicationSetApplicationStatus, ApplicationSetRolloutStep } from '@flotilla/api-types';
import { rolloutCondition } from './appset.conditions';
import { maxUpdateOf, Message, planRollout, rolloutApplication, stepsOf, strategyProblem } from './rolling-sync.plan';

const byEnv = (...envs: string[]): ApplicationSetRolloutStep[] =>
  envs.map((env) => ({ matchExpressions: [{ key: 'env', operator: 'In', values: [env] }] }));
const appSet = (steps: ApplicationSetRolloutStep[], applicationStatus?: ApplicationSetApplicationStatus[]): ApplicationSet =>
  ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'guestbook', namespace: 'argocd' },
    spec: { generators: [], template: {}, strategy: { type: 'RollingSync', rollingSync: { steps } } },
    status: { applicationStatus },
  }) as unknown as ApplicationSet;
const app = (name: string, env: string | undefined, status?: Application['status']): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd', labels: env ? { env } : {} },
  spec: {
    project: 'default',
    source: { repoURL: 'https://git/x', path: name },
    destination: { server: 'https://dev', namespace: 'gb' },
    syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'], retry: { limit: 2 } },
  },
  status,
});
const outOfSync = (rev: string): Application['status'] => ({ sync: { status: 'OutOfSync', revision: rev }, health: { status: 'Healthy' } });
const running = (rev: string): Application['status'] => ({
  sync: { status: 'OutOfSync', revision: rev },
  health: { status: 'Healthy' },
  operationState: { operation: {}, phase: 'Running', startedAt: '2024-01-01T00:00:05Z' },
});
const done = (
  rev: string,
  health: 'Healthy' | 'Degraded' = 'Healthy',
  phase: 'Succeeded' | 'Failed' = 'Succeeded',
): Application['status'] => ({
  sync: { status: phase === 'Succeeded' ? 'Synced' : 'OutOfSync', revision: rev },
  health: { status: health, ...(health === 'Degraded' ? { message: 'Deployment "web" exceeded its progress deadline' } : {}) },
  operationState: {
    operation: {},
    phase,
    message: phase === 'Failed' ? 'one or more objects failed to apply' : 'successfully synced',
    startedAt: '2024-01-01T00:00:05Z',
    finishedAt: '2024-01-01T00:00:06Z',
    syncResult: { revision: rev },
  },
});

const summary = (statuses: ApplicationSetApplicationStatus[]) => statuses.map((s) => `${s.application}:${s.status}:${s.step}`);

describe('stepsOf', () => {
  it('puts each Application in the first step whose expressions all hold; NotIn is satisfied by a missing label', () => {
    const steps: ApplicationSetRolloutStep[] = [
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev', 'qa'] }] },
      { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev', 'prod'] }] },
      {
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod'] },
          { key: 'region', operator: 'In', values: ['eu'] },
        ],
      },
    ];
    const { members, stepOf } = stepsOf(steps, [app('a-dev', 'dev'), app('b-none', undefined), app('c-qa', 'qa'), app('d-prod', 'prod')]);
    expect(members).toEqual([['a-dev', 'c-qa'], ['b-none', 'c-qa'], []]);
    expect(Object.fromEntries(stepOf)).toEqual({ 'a-dev': 0, 'b-none': 1, 'c-qa': 0 });
  });
});

describe('maxUpdateOf', () => {
  it.each([
    [undefined, 3, 3],
    [2, 3, 2],
    [0, 3, 0],
    ['50%', 4, 2],
    ['50%', 3, 1],
    ['10%', 3, 1],
    ['0%', 3, 0],
    ['100%', 3, 3],
    ['abc', 3, undefined],
    ['3', 3, undefined],
    [1.5, 3, undefined],
  ])('%p of %p Applications allows %p', (max, total, want) => expect(maxUpdateOf(max, total)).toBe(want));
});

describe('strategyProblem', () => {
  it.each([
    [{ type: 'Canary' }, 'spec.strategy.type: "Canary" is not one of AllAtOnce, RollingSync'],
    [{ type: 'RollingSync' }, 'spec.strategy.rollingSync.steps: a RollingSync strategy needs at least one step'],
    [
      { type: 'RollingSync', rollingSync: { steps: [{ matchExpressions: [{ key: 'env', operator: 'Exists' }] }] } },
      'spec.strategy.rollingSync.steps[0].matchExpressions[0].operator: "Exists" is not supported (use In or NotIn)',
    ],
    [
      { type: 'RollingSync', rollingSync: { steps: [{}, { maxUpdate: 'half' }] } },
      'spec.strategy.rollingSync.steps[1].maxUpdate: "half" is neither a whole number nor a percentage such as "25%"',
    ],
    [{ type: 'RollingSync', deletionOrder: 'Reverse', rollingSync: { steps: [{}] } }, undefined],
    [{ type: 'RollingSync', deletionOrder: 'reverse', rollingSync: { steps: [{}] } }, undefined],
    [{ deletionOrder: 7 }, 'spec.strategy.deletionOrder: 7 is not one of AllAtOnce, Reverse'],
    [{ deletionOrder: 'Random' }, 'spec.strategy.deletionOrder: "Random" is not one of AllAtOnce, Reverse'],
    [{ type: 'AllAtOnce', deletionOrder: 'AllAtOnce' }, undefined],
    [{ type: 'AllAtOnce' }, undefined],
    [{ type: 'RollingSync', rollingSync: { steps: [{ maxUpdate: '25%' }, { maxUpdate: 1 }] } }, undefined],
  ])('%j → %p', (strategy, want) => {
    const set = appSet([]);
    set.spec.strategy = strategy as ApplicationSet['spec']['strategy'];
    expect(strategyProblem(set)).toBe(want);
  });
});

describe('planRollout', () => {
  const steps = byEnv('dev', 'staging', 'prod');
  const generated = [app('gb-dev', 'dev'), app('gb-staging', 'staging'), app('gb-prod', 'prod')];
  const at = (t: number) => `2024-01-01T00:00:${String(t).padStart(2, '0')}Z`;

  it('rolls a new revision out one step at a time and stops before prod when staging is Degraded', () => {
    // A new ApplicationSet: Applications just created, not yet compared.
    let plan = planRollout(
      appSet(steps),
      generated,
      generated.map((a) => app(a.metadata.name, a.metadata.labels?.env)),
      at(1),
    );
    expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Pending:1', 'gb-staging:Waiting:2', 'gb-prod:Waiting:3']);
    expect(plan.applicationStatus[1].message).toBe(Message.Defaulted);
    expect([...plan.toSync]).toEqual([]);

    // The app-controller compared them: dev (Pending, OutOfSync) is synced, the others wait.
    const live = (dev: Application['status'], staging: Application['status'], prod: Application['status']) => [
      app('gb-dev', 'dev', dev),
      app('gb-staging', 'staging', staging),
      app('gb-prod', 'prod', prod),
    ];
    plan = planRollout(appSet(steps, plan.applicationStatus), generated, live(outOfSync('r1'), outOfSync('r1'), outOfSync('r1')), at(2));
    expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Pending:1', 'gb-staging:Waiting:2', 'gb-prod:Waiting:3']);
    expect([...plan.toSync]).toEqual(['gb-dev']);

    plan = planRollout(appSet(steps, plan.applicationStatus), generated, live(running('r1'), outOfSync('r1'), outOfSync('r1')), at(3));
    expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Progressing:1', 'gb-staging:Waiting:2', 'gb-prod:Waiting:3']);
    expect(plan.applicationStatus[0].message).toBe(Message.BecameProgressing);
    expect([...plan.toSync]).toEqual([]);

    // dev Synced and Healthy: staging's turn.
    plan = planRollout(appSet(steps, plan.applicationStatus), generated, live(done('r1'), outOfSync('r1'), outOfSync('r1')), at(4));
    expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Healthy:1', 'gb-staging:Pending:2', 'gb-prod:Waiting:3']);
    expect(plan.applicationStatus[0]).toMatchObject({ message: Message.BecameHealthy, lastTransitionTime: at(4), targetRevisions: ['r1'] });
    expect([...plan.toSync]).toEqual(['gb-staging']);

    // staging synced the revision but its workload is Degraded: prod never starts, and the plan says why.
    for (const t of [5, 6, 7]) {
      plan = planRollout(
        appSet(steps, plan.applicationStatus),
        generated,
        live(done('r1'), done('r1', 'Degraded'), outOfSync('r1')),
        at(t),
      );
      expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Healthy:1', 'gb-staging:Progressing:2', 'gb-prod:Waiting:3']);
      expect([...plan.toSync]).toEqual([]);
      expect(plan.stopped).toBe('stopped at step 2: Application gb-staging is Degraded: Deployment "web" exceeded its progress deadline');
    }
    expect(plan.applicationStatus[1]).toMatchObject({ message: Message.SyncSucceeded, lastTransitionTime: at(5) });

    // Fixed: staging Healthy, prod goes.
    plan = planRollout(appSet(steps, plan.applicationStatus), generated, live(done('r1'), done('r1'), outOfSync('r1')), at(8));
    expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Healthy:1', 'gb-staging:Healthy:2', 'gb-prod:Pending:3']);
    expect([...plan.toSync]).toEqual(['gb-prod']);
    expect(plan.stopped).toBeUndefined();

    // A later commit sends every Healthy Application back to Waiting, and dev goes first again.
    plan = planRollout(appSet(steps, plan.applicationStatus), generated, live(outOfSync('r2'), outOfSync('r2'), outOfSync('r2')), at(9));
    expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Pending:1', 'gb-staging:Waiting:2', 'gb-prod:Pending:3']);
    expect(plan.applicationStatus[1]).toMatchObject({ message: Message.PendingChanges, targetRevisions: ['r2'] });
    // prod stays Pending from before, but does not sync before dev and staging are done; it now waits for r2.
    expect([...plan.toSync]).toEqual(['gb-dev']);
    expect(plan.applicationStatus[2]).toMatchObject({ lastTransitionTime: at(8), targetRevisions: ['r2'] });
  });

  it('does not start a failed sync again for the same revision, and says why the rollout stopped', () => {
    const pending: ApplicationSetApplicationStatus[] = [
      {
        application: 'gb-dev',
        status: 'Pending',
        message: Message.MovedToPending,
        step: '1',
        lastTransitionTime: at(1),
        targetRevisions: ['r1'],
      },
    ];
    const failed = [app('gb-dev', 'dev', done('r1', 'Healthy', 'Failed'))];
    let plan = planRollout(appSet(steps, pending), [generated[0]], failed, at(7));
    expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Pending:1']);
    expect([...plan.toSync]).toEqual([]);
    expect(plan.stopped).toBe('stopped at step 1: Application gb-dev failed to sync (Failed): one or more objects failed to apply');

    // A fixing commit arrives: it is rolled out.
    const fixed = [app('gb-dev', 'dev', { ...done('r1', 'Healthy', 'Failed'), sync: { status: 'OutOfSync', revision: 'r2' } })];
    plan = planRollout(appSet(steps, plan.applicationStatus), [generated[0]], fixed, at(8));
    expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Pending:1']);
    expect(plan.applicationStatus[0]).toMatchObject({ lastTransitionTime: at(8), targetRevisions: ['r2'] });
    expect([...plan.toSync]).toEqual(['gb-dev']);
  });

  it('keeps an Application whose sync failed after it started Progressing, rather than syncing it again and again', () => {
    const progressing: ApplicationSetApplicationStatus[] = [
      {
        application: 'gb-dev',
        status: 'Progressing',
        message: Message.BecameProgressing,
        step: '1',
        lastTransitionTime: at(1),
        targetRevisions: ['r1'],
      },
    ];
    const failed = [app('gb-dev', 'dev', done('r1', 'Healthy', 'Failed'))];
    for (const t of [2, 3]) {
      const plan = planRollout(appSet(steps, progressing), [generated[0]], failed, at(t));
      expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Progressing:1']);
      expect([...plan.toSync]).toEqual([]);
      expect(plan.stopped).toBe('stopped at step 1: Application gb-dev failed to sync (Failed): one or more objects failed to apply');
    }
    // A new revision is a pending change again.
    const moved = [app('gb-dev', 'dev', { ...done('r1', 'Healthy', 'Failed'), sync: { status: 'OutOfSync', revision: 'r2' } })];
    const plan = planRollout(appSet(steps, progressing), [generated[0]], moved, at(8));
    expect(summary(plan.applicationStatus)).toEqual(['gb-dev:Pending:1']);
    expect([...plan.toSync]).toEqual(['gb-dev']);
  });

  it('updates at most maxUpdate Applications of a step at once', () => {
    const four = ['a', 'b', 'c', 'd'].map((n) => app(`gb-${n}`, 'dev', outOfSync('r1')));
    const waiting = four.map((a) => ({
      application: a.metadata.name,
      status: 'Waiting' as const,
      message: '',
      step: '1',
      targetRevisions: ['r1'],
    }));
    const plan = planRollout(appSet([{ ...byEnv('dev')[0], maxUpdate: '50%' }], waiting), four, four, at(1));
    expect(summary(plan.applicationStatus)).toEqual(['gb-a:Pending:1', 'gb-b:Pending:1', 'gb-c:Waiting:1', 'gb-d:Waiting:1']);
    expect([...plan.toSync]).toEqual(['gb-a', 'gb-b']);
    const paused = planRollout(appSet([{ ...byEnv('dev')[0], maxUpdate: 0 }], waiting), four, four, at(1));
    expect([...paused.toSync]).toEqual([]);
  });

  it('leaves Applications no step selects to be synced by hand (step -1)', () => {
    const other = [app('gb-qa', 'qa', outOfSync('r1'))];
    const plan = planRollout(appSet(steps), other, other, at(1));
    expect(summary(plan.applicationStatus)).toEqual(['gb-qa:Waiting:-1']);
    expect([...plan.toSync]).toEqual([]);
  });
});

describe('rolloutApplication', () => {
  it('turns auto-sync off and, on its turn, writes the sync operation Argo writes', () => {
    const quiet = rolloutApplication(app('gb-dev', 'dev'), false);
    expect(quiet.spec.syncPolicy).toEqual({ syncOptions: ['CreateNamespace=true'], retry: { limit: 2 } });
    expect(quiet.operation).toBeUndefined();
    expect(rolloutApplication(app('gb-dev', 'dev'), true).operation).toEqual({
      initiatedBy: { username: 'applicationset-controller', automated: true },
      info: [{ name: 'Reason', value: 'ApplicationSet RollingSync triggered a sync of this Application resource.' }],
      sync: { syncOptions: ['CreateNamespace=true'], prune: true },
      retry: { limit: 2 },
    });
  });
});

describe('rolloutCondition', () => {
  it('is True while any Application is not Healthy, False once all are, and absent before any rollout', () => {
    expect(rolloutCondition([], [{ status: 'Healthy' }], undefined)).toBeUndefined();
    const started = rolloutCondition([], [{ status: 'Healthy' }, { status: 'Waiting' }], undefined);
    expect(started).toEqual({
      type: 'RolloutProgressing',
      status: 'True',
      reason: 'ApplicationSetModified',
      message: 'ApplicationSet Rollout Rollout started',
    });
    expect(rolloutCondition([], [{ status: 'Progressing' }], 'stopped at step 2: Application x is Degraded')?.message).toBe(
      'ApplicationSet Rollout stopped at step 2: Application x is Degraded',
    );
    expect(rolloutCondition([started!], [{ status: 'Healthy' }], undefined)).toEqual({
      type: 'RolloutProgressing',
      status: 'False',
      reason: 'ApplicationSetRolloutComplete',
      message: 'ApplicationSet Rollout Rollout complete',
    });
  });
});
