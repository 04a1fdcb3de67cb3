// RollingSync against the running appset-controller (kube-sim hub, real Redis). The spec plays the
// app-controller: it writes the Applications' sync/health/operationState as a sync would, and checks
// what the appset-controller writes back: no auto-sync, a sync operation per step, the rollout status,
// and a clear error for a broken strategy. The whole path with real syncs is e2e/fleet/rolling-sync.
import 'reflect-metadata';
import type { Application, ApplicationSet } from '@flotilla/api-types';
import type { KubeClient } from '@flotilla/platform';
import { AppSetControllerStack, NS, polling, startAppSetControllerStack } from '../testing/appset-controller.harness';

const poll = polling({ lastSeenChars: 1500 });
const eventually = <T>(what: string, probe: () => Promise<T>, accept: (v: T) => boolean): Promise<T> => poll(probe, accept, what);
const ENVS = ['dev', 'staging', 'prod'];

const rollingSet = (strategy: ApplicationSet['spec']['strategy']): ApplicationSet => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name: 'web', namespace: NS },
  spec: {
    generators: [{ list: { elements: ENVS.map((env) => ({ env })) } }],
    strategy,
    template: {
      metadata: { name: 'web-{{env}}', labels: { env: '{{env}}' } },
      spec: {
        project: 'default',
        source: { repoURL: 'https://git.example/web.git', path: 'web/{{env}}', targetRevision: 'HEAD' },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'web-{{env}}' },
        syncPolicy: { automated: { prune: true }, syncOptions: ['CreateNamespace=true'] },
      },
    },
  },
});
const steps = {
  type: 'RollingSync' as const,
  rollingSync: { steps: ENVS.map((env) => ({ matchExpressions: [{ key: 'env', operator: 'In' as const, values: [env] }] })) },
};

describe('appset-controller RollingSync', () => {
  let stack: AppSetControllerStack;
  let kube: KubeClient;

  const ref = (kind: string, name: string) => ({ apiVersion: 'argoproj.io/v1alpha1', kind, metadata: { name, namespace: NS } });
  const apps = async (): Promise<Application[]> =>
    (await kube.list<Application>('argoproj.io/v1alpha1', 'Application', { namespace: NS })).items;
  const app = async (name: string) => (await apps()).find((a) => a.metadata.name === name);
  const appSet = () => kube.get<ApplicationSet>(ref('ApplicationSet', 'web'));
  const rollout = async () => Object.fromEntries(((await appSet()).status?.applicationStatus ?? []).map((s) => [s.application, s.status]));
  /** What the app-controller writes: the compared state, and a finished sync when `synced`. */
  const report = (name: string, status: Application['status'], clearOperation = false) =>
    kube.patch(ref('Application', name), { ...(clearOperation ? { operation: null } : {}), status }, 'merge');
  const outOfSync = (rev: string) => ({ sync: { status: 'OutOfSync' as const, revision: rev }, health: { status: 'Healthy' as const } });
  const syncedAt = (rev: string) => ({
    sync: { status: 'Synced' as const, revision: rev },
    health: { status: 'Healthy' as const },
    operationState: {
      operation: {},
      phase: 'Succeeded' as const,
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      syncResult: { revision: rev },
    },
  });

  beforeAll(async () => {
    stack = await startAppSetControllerStack({
      name: 'appset-rolling',
      env: { FLOTILLA_APPSET_RETRY_BASE_MS: '200', FLOTILLA_APPSET_RETRY_MAX_MS: '1000' },
    });
    kube = stack.kube;
  }, 60_000);

  afterAll(() => stack?.stop());

  it('creates the Applications without auto-sync and syncs them one step at a time', async () => {
    await kube.create(rollingSet(steps));
    const created = await eventually('three Applications', apps, (list) => list.length === 3);
    for (const a of created) expect(a.spec.syncPolicy).toEqual({ syncOptions: ['CreateNamespace=true'] });
    expect(created.every((a) => a.operation === undefined)).toBe(true);

    // The app-controller compares them: every one is OutOfSync; only dev, the first step, is synced.
    for (const env of ENVS) await report(`web-${env}`, outOfSync('r1'));
    const dev = await eventually(
      'a sync operation on web-dev',
      () => app('web-dev'),
      (a) => a?.operation !== undefined,
    );
    expect(dev?.operation).toEqual({
      initiatedBy: { username: 'applicationset-controller', automated: true },
      info: [{ name: 'Reason', value: 'ApplicationSet RollingSync triggered a sync of this Application resource.' }],
      sync: { syncOptions: ['CreateNamespace=true'], prune: true },
    });
    expect(await rollout()).toEqual({ 'web-dev': 'Pending', 'web-prod': 'Waiting', 'web-staging': 'Waiting' });
    expect((await app('web-staging'))?.operation).toBeUndefined();

    await report('web-dev', syncedAt('r1'), true);
    await eventually(
      'a sync operation on web-staging',
      () => app('web-staging'),
      (a) => a?.operation !== undefined,
    );
    expect(await rollout()).toEqual({ 'web-dev': 'Healthy', 'web-prod': 'Waiting', 'web-staging': 'Pending' });
    expect((await app('web-prod'))?.operation).toBeUndefined();
    const condition = (await appSet()).status?.conditions?.find((c) => c.type === 'RolloutProgressing');
    expect(condition).toMatchObject({
      status: 'True',
      reason: 'ApplicationSetModified',
      message: 'ApplicationSet Rollout Rollout started',
    });
  });

  it('holds prod back while staging is Degraded, saying so, and goes on once staging is Healthy', async () => {
    await report(
      'web-staging',
      { ...syncedAt('r1'), health: { status: 'Degraded', message: 'Deployment "web" exceeded its progress deadline' } },
      true,
    );
    const set = await eventually('the rollout to stop at staging', appSet, (s) =>
      (s.status?.conditions?.find((c) => c.type === 'RolloutProgressing')?.message ?? '').includes('stopped'),
    );
    expect(set.status?.conditions?.find((c) => c.type === 'RolloutProgressing')?.message).toBe(
      'ApplicationSet Rollout stopped at step 2: Application web-staging is Degraded: Deployment "web" exceeded its progress deadline',
    );
    expect((await app('web-prod'))?.operation).toBeUndefined();

    await report('web-staging', syncedAt('r1'));
    await eventually(
      'a sync operation on web-prod',
      () => app('web-prod'),
      (a) => a?.operation !== undefined,
    );
    await report('web-prod', syncedAt('r1'), true);
    const done = await eventually(
      'the rollout to complete',
      appSet,
      (s) => s.status?.conditions?.some((c) => c.type === 'RolloutProgressing' && c.status === 'False') ?? false,
    );
    expect(done.status?.conditions?.find((c) => c.type === 'RolloutProgressing')).toMatchObject({
      reason: 'ApplicationSetRolloutComplete',
      message: 'ApplicationSet Rollout Rollout complete',
    });
    expect(done.status?.applicationStatus?.map((s) => [s.application, s.status, s.step])).toEqual([
      ['web-dev', 'Healthy', '1'],
      ['web-prod', 'Healthy', '3'],
      ['web-staging', 'Healthy', '2'],
    ]);
  });

  it('refuses a broken strategy with a condition naming the field, and changes no Application', async () => {
    const broken = { ...steps, rollingSync: { steps: [{ ...steps.rollingSync.steps[0], maxUpdate: 'half' }] } };
    await kube.patch(ref('ApplicationSet', 'web'), { spec: { strategy: broken } }, 'merge');
    const set = await eventually(
      'an InvalidRolloutConfig error',
      appSet,
      (s) => s.status?.conditions?.some((c) => c.type === 'ErrorOccurred' && c.reason === 'InvalidRolloutConfig') ?? false,
    );
    expect(set.status?.conditions?.find((c) => c.type === 'ErrorOccurred')?.message).toBe(
      'spec.strategy.rollingSync.steps[0].maxUpdate: "half" is neither a whole number nor a percentage such as "25%"',
    );
    expect((await app('web-dev'))?.spec.syncPolicy?.automated).toBeUndefined();
  });

  it('gives the Applications their auto-sync back and drops the rollout status when the strategy goes', async () => {
    await kube.patch(ref('ApplicationSet', 'web'), { spec: { strategy: null } }, 'merge');
    await eventually('auto-sync back on every Application', apps, (list) =>
      list.every((a) => a.spec.syncPolicy?.automated?.prune === true),
    );
    const set = await eventually('no rollout status', appSet, (s) => s.status?.applicationStatus === undefined);
    expect(set.status?.conditions?.map((c) => c.type)).not.toContain('RolloutProgressing');
  });

  it('with deletionOrder Reverse, deletes prod, then staging, then dev, each once the step before is gone, then lets the ApplicationSet go', async () => {
    const FINALIZER = 'resources-finalizer.argocd.argoproj.io';
    const set = rollingSet({ ...steps, deletionOrder: 'Reverse' });
    set.metadata.name = 'teardown';
    set.spec.template.metadata = { name: 'teardown-{{env}}', labels: { env: '{{env}}' } };
    await kube.create(set);
    const own = async () => (await apps()).filter((a) => a.metadata.name.startsWith('teardown-'));
    await eventually('three Applications', own, (list) => list.length === 3);
    await eventually(
      'the finalizer on the ApplicationSet',
      () => kube.get<ApplicationSet>(ref('ApplicationSet', 'teardown')),
      (s) => s.metadata.finalizers?.includes(FINALIZER) ?? false,
    );
    const deleting = async () => Object.fromEntries((await own()).map((a) => [a.metadata.name, Boolean(a.metadata.deletionTimestamp)]));
    const gone = (env: string) => kube.patch(ref('Application', `teardown-${env}`), { metadata: { finalizers: null } }, 'merge');

    // Generated Applications carry the resources finalizer (preserveResourcesOnDeletion is off): the
    // app-controller's cascade would remove it once their resources are gone; here the spec does, step by step.
    expect((await own()).map((a) => a.metadata.finalizers)).toEqual([[FINALIZER], [FINALIZER], [FINALIZER]]);
    await kube.delete(ref('ApplicationSet', 'teardown'));
    await eventually('prod deleting', deleting, (d) => d['teardown-prod'] === true);
    // A second look after the controller had time to act on it: staging and dev are left alone while prod is there.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await deleting()).toEqual({ 'teardown-dev': false, 'teardown-prod': true, 'teardown-staging': false });

    await gone('prod');
    await eventually('staging deleting', deleting, (d) => d['teardown-staging'] === true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await deleting()).toEqual({ 'teardown-dev': false, 'teardown-staging': true });
    expect((await kube.get<ApplicationSet>(ref('ApplicationSet', 'teardown'))).metadata.finalizers).toEqual([FINALIZER]);

    await gone('staging');
    await eventually('dev deleting', deleting, (d) => d['teardown-dev'] === true);
    await gone('dev');
    await eventually(
      'the ApplicationSet gone',
      async () =>
        (await kube.list<ApplicationSet>('argoproj.io/v1alpha1', 'ApplicationSet', { namespace: NS })).items.map((s) => s.metadata.name),
      (names) => !names.includes('teardown'),
    );
    expect(await own()).toEqual([]);
  });

  it('deletes nothing of a Reverse ApplicationSet whose strategy is broken, saying so, and goes on once it is fixed', async () => {
    const set = rollingSet({ ...steps, deletionOrder: 'Reverse' });
    set.metadata.name = 'broken';
    set.spec.template.metadata = { name: 'broken-{{env}}', labels: { env: '{{env}}' } };
    await kube.create(set);
    const own = async () => (await apps()).filter((a) => a.metadata.name.startsWith('broken-'));
    const brokenSet = () => kube.get<ApplicationSet>(ref('ApplicationSet', 'broken'));
    await eventually('three Applications', own, (list) => list.length === 3);
    await eventually('the finalizer on the ApplicationSet', brokenSet, (s) => (s.metadata.finalizers ?? []).length === 1);

    const badSteps = steps.rollingSync.steps.map((step) => ({ ...step, maxUpdate: 'half' }));
    await kube.patch(ref('ApplicationSet', 'broken'), { spec: { strategy: { rollingSync: { steps: badSteps } } } }, 'merge');
    await eventually(
      'an InvalidRolloutConfig error',
      brokenSet,
      (s) => s.status?.conditions?.some((c) => c.reason === 'InvalidRolloutConfig') ?? false,
    );
    await kube.delete(ref('ApplicationSet', 'broken'));
    const waiting = await eventually('the reverse deletion to say why it waits', brokenSet, (s) =>
      (s.status?.conditions?.find((c) => c.type === 'ErrorOccurred')?.message ?? '').includes('once it is fixed'),
    );
    expect(waiting.status?.conditions?.find((c) => c.type === 'ErrorOccurred')?.message).toBe(
      'spec.strategy.rollingSync.steps[0].maxUpdate: "half" is neither a whole number nor a percentage such as "25%"; Applications are deleted in reverse order once it is fixed',
    );
    expect((await own()).map((a) => Boolean(a.metadata.deletionTimestamp))).toEqual([false, false, false]);

    await kube.patch(ref('ApplicationSet', 'broken'), { spec: { strategy: { ...steps, deletionOrder: 'Reverse' } } }, 'merge');
    for (const env of [...ENVS].reverse()) {
      const name = `broken-${env}`;
      await eventually(`${name} deleting`, own, (list) => list.some((a) => a.metadata.name === name && a.metadata.deletionTimestamp));
      await kube.patch(ref('Application', name), { metadata: { finalizers: null } }, 'merge');
    }
    await eventually(
      'the ApplicationSet gone',
      async () =>
        (await kube.list<ApplicationSet>('argoproj.io/v1alpha1', 'ApplicationSet', { namespace: NS })).items.map((s) => s.metadata.name),
      (names) => !names.includes('broken'),
    );
    expect(await own()).toEqual([]);
  });
});
