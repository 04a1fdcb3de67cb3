// A goTemplate that runs away, against the running appset-controller (kube-sim hub, real Redis): the
// ApplicationSet gets Argo's error condition, its Applications stay as they were, the other
// ApplicationSets keep reconciling, and the broken one is retried with exponential backoff.
import 'reflect-metadata';
import { Application, ApplicationSet, KubeObject } from '@flotilla/api-types';
import { KubeClient } from '@flotilla/platform';
import { AppSetControllerStack, NS, polling, startAppSetControllerStack } from './testing/appset-controller.harness';

const RETRY_BASE_MS = 100;
const eventually = polling({ lastSeenChars: 500 });

// 9 million iterations: before limits this held the controller for many seconds per try and wrote a 9 MB path.
const SPIN = '{{ range until 3000 }}{{ range until 3000 }}x{{ end }}{{ end }}';

const appSetOf = (name: string, path: string): ApplicationSet => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name, namespace: NS },
  spec: {
    goTemplate: true,
    generators: [{ list: { elements: [{ env: 'dev' }] } }],
    template: {
      metadata: { name: `${name}-{{ .env }}` },
      spec: {
        project: 'default',
        source: { repoURL: 'https://git.example/apps.git', path, targetRevision: 'HEAD' },
        destination: { server: 'https://kubernetes.default.svc', namespace: name },
      },
    },
  },
});

describe('appset-controller with a runaway goTemplate', () => {
  let stack: AppSetControllerStack;
  let kube: KubeClient;

  const app = async (name: string): Promise<Application | undefined> =>
    (await kube.list<Application>('argoproj.io/v1alpha1', 'Application', { namespace: NS })).items.find((a) => a.metadata.name === name);
  const appSet = (name: string): Promise<ApplicationSet> =>
    kube.get<ApplicationSet>({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name, namespace: NS } });
  const condition = (set: ApplicationSet, type: string) => set.status?.conditions?.find((c) => c.type === type);
  const failedReconciles = async (): Promise<number> => {
    const text = await (await fetch(`http://127.0.0.1:${stack.service.opsPort}/metrics`)).text();
    return Number(/flotilla_appset_reconcile_total\{[^}]*result="error"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
  };

  beforeAll(async () => {
    stack = await startAppSetControllerStack({
      name: 'appset-limits',
      env: {
        FLOTILLA_APPSET_TEMPLATE_TIMEOUT_MS: '500',
        FLOTILLA_APPSET_RETRY_BASE_MS: String(RETRY_BASE_MS),
        FLOTILLA_APPSET_RETRY_MAX_MS: '60000',
      },
    });
    kube = stack.kube;
  }, 60_000);

  afterAll(() => stack?.stop());

  it('reports the limit as an error condition, keeps the Application as it was, and keeps reconciling the others', async () => {
    await kube.create(appSetOf('runaway', 'apps/{{ .env }}') as unknown as KubeObject);
    await eventually(() => app('runaway-dev'), (a) => a?.spec.source?.path === 'apps/dev', 'the first Application');

    const broken = await appSet('runaway');
    await kube.patch(broken, { spec: { template: { spec: { source: { path: SPIN } } } } }, 'merge');
    const set = await eventually(
      () => appSet('runaway'),
      (s) => condition(s, 'ErrorOccurred')?.status === 'True',
      'the error condition',
    );
    expect(condition(set, 'ErrorOccurred')).toMatchObject({ reason: 'RenderTemplateParamsError' });
    expect(condition(set, 'ErrorOccurred')?.message).toMatch(/template limit exceeded: .* \((maxSteps|timeoutMs)\)$/);
    expect(condition(set, 'ErrorOccurred')!.message.length).toBeLessThan(3000);
    expect(condition(set, 'ResourcesUpToDate')).toMatchObject({ status: 'False', reason: 'ErrorOccurred' });
    expect((await app('runaway-dev'))?.spec.source?.path).toBe('apps/dev');

    // While the runaway one keeps failing, a new ApplicationSet is served promptly.
    await kube.create(appSetOf('healthy', 'apps/{{ .env }}') as unknown as KubeObject);
    await eventually(() => app('healthy-dev'), (a) => a?.spec.source?.path === 'apps/dev', 'the other ApplicationSet’s Application', 5_000);
    expect((await app('runaway-dev'))?.spec.source?.path).toBe('apps/dev');
    await kube.delete({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: 'runaway', namespace: NS } });
  }, 60_000);

  it('retries a failing ApplicationSet with exponential backoff, not at full speed', async () => {
    // Deleting the first one ends its retries; wait until its counter is still.
    let settled = await failedReconciles();
    await eventually(async () => {
      await new Promise((r) => setTimeout(r, 1_000));
      const now = await failedReconciles();
      const still = now === settled;
      settled = now;
      return still;
    }, Boolean, 'the first ApplicationSet’s retries to stop');

    await kube.create(appSetOf('flaky', '{{ range until 10000000 }}x{{ end }}') as unknown as KubeObject);
    await eventually(() => appSet('flaky'), (s) => condition(s, 'ErrorOccurred')?.status === 'True', 'the error condition');
    const start = await failedReconciles();
    await new Promise((r) => setTimeout(r, 4_000));
    const renders = (await failedReconciles()) - start;
    // Backoff from 100 ms retries at about +0.1, +0.3, +0.7, +1.5, +3.1 s: five or so in four seconds
    // (a fixed 100 ms retry would run some forty times; none at all would mean no retry).
    expect(renders).toBeGreaterThanOrEqual(2);
    expect(renders).toBeLessThanOrEqual(8);
  }, 60_000);
});
