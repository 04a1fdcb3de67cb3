import { ARGO_API_VERSION, REFRESH_ANNOTATION, RESOURCES_FINALIZER, type Application, type KubeObject } from '@flotilla/api-types';
import { randomUUID } from 'node:crypto';
import { deploymentYaml, jobYaml } from '@flotilla/testing';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// Argo CD's sync semantics end to end: hooks and waves in order, SyncFail, ignoreDifferences for an
// autoscaled Deployment, cascading deletion and app of apps — through the real app-controller,
// repo-server, git over HTTP and a spoke that is kube-sim (pods and Jobs on a clock) or, under
// FLOTILLA_TEST_CLUSTER=real, the real cluster, where the pods and Jobs really run.
const id = randomUUID().slice(0, 8);
const NS = `sync-${id}`;
const PREFIX = `spec-sync-semantics-${id}`;
// Destination namespaces carry the run's id: on the real cluster (FLOTILLA_TEST_CLUSTER=real) a
// namespace of an earlier run may still be Terminating, and this run removes its own when it ends.
const spokeNs = (name: string): string => `${name}-${id}`;
/** The CRD group of the Widget kind, per run for the same reason (a CRD is cluster-wide). */
const WIDGETS = `w${id}.example.com`;

const job = (name: string, hook: string, pod: { fail?: boolean; runMs?: number } = {}): string =>
  jobYaml({ name, metadataAnnotations: { 'argocd.argoproj.io/hook': hook }, ...pod });
const deployment = (name: string, wave: number, replicas: number, readyAfterMs?: number): string =>
  deploymentYaml({ name, replicas, metadataAnnotations: { 'argocd.argoproj.io/sync-wave': String(wave) }, readyAfterMs });

describe('sync semantics against kube-sim', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const appRef = (name: string): KubeObject => ({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>(appRef(name));
  const patchApp = (name: string, patch: object): Promise<unknown> => clusters.hubKube.patch(appRef(name), patch, 'merge');
  const spokeGet = (apiVersion: string, kind: string, name: string, namespace: string): Promise<KubeObject | undefined> =>
    clusters.spokeKube.get({ apiVersion, kind, metadata: { name, namespace: spokeNs(namespace) } }).catch(() => undefined);
  const createApp = (name: string, path: string, namespace: string, extra: Partial<Application['spec']> = {}, finalizers?: string[]): Promise<unknown> =>
    clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name, namespace: NS, ...(finalizers ? { finalizers } : {}) },
      spec: { project: 'default', source: { repoURL: git.url, path, targetRevision: 'main' }, destination: { server: clusters.spoke.url, namespace: spokeNs(namespace) }, ...extra },
    });
  const sync = (name: string): Promise<unknown> => patchApp(name, { operation: { sync: { syncOptions: ['CreateNamespace=true'] }, initiatedBy: { username: 'admin' } } });

  beforeAll(async () => {
    stack = await startControllerStack({
      name: 'sync-semantics',
      namespace: NS,
      prefix: PREFIX,
      env: { FLOTILLA_SELF_HEAL_SECONDS: '1' },
      clusters: { ownsNamespace: (name) => name.endsWith(`-${id}`) },
    });
    ({ clusters, git } = stack);
    // autoscaling/v2 is served from 1.23; a 1.20 cluster (the real one) knows v2beta2.
    const hpaVersion = Number((await clusters.spokeKube.serverVersion()).minor.replace(/\D/g, '')) >= 23 ? 'autoscaling/v2' : 'autoscaling/v2beta2';
    git.commit(
      {
        // PreSync migrate → wave -1 db (slow to become ready) → wave 0 web → PostSync smoke.
        'waves/migrate.yaml': job('migrate', 'PreSync'),
        'waves/db.yaml': deployment('db', -1, 1, 1500),
        'waves/web.yaml': deployment('web', 0, 1),
        'waves/smoke.yaml': job('smoke', 'PostSync'),
        // A PreSync hook that fails: the sync phase never runs, the SyncFail hook does.
        'failing/migrate.yaml': job('migrate', 'PreSync', { fail: true }),
        'failing/cleanup.yaml': job('cleanup', 'SyncFail'),
        'failing/app.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: never-applied }\ndata: { a: b }\n',
        // An autoscaled Deployment whose replicas git does not own.
        'scaled/api.yaml': deployment('api', 0, 2),
        'scaled/hpa.yaml':
          `apiVersion: ${hpaVersion}\nkind: HorizontalPodAutoscaler\nmetadata: { name: api }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }\n  minReplicas: 2\n  maxReplicas: 10\n  metrics: [{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 80 } } }]\n`,
        'plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: plain }\ndata: { a: b }\n',
      },
      'sync semantics fixtures',
    );
  }, 90_000);

  afterAll(async () => {
    await clusters?.spokeKube.delete({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `widgets.${WIDGETS}` } }).catch(() => undefined);
    await stack?.stop();
  }, 30_000);

  it('runs PreSync before wave -1, starts wave 0 only once wave -1 is Healthy, and PostSync after all are Healthy', async () => {
    await createApp('waves', 'waves', 'waves');
    await eventually(async () => expect((await app('waves')).status?.sync?.status).toBe('OutOfSync'));
    // Watch the spoke while the sync runs: when each object first appears, and when db is ready.
    const seen = new Map<string, number>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const now = Date.now();
        for (const [apiVersion, kind, name] of [
          ['batch/v1', 'Job', 'migrate'],
          ['apps/v1', 'Deployment', 'db'],
          ['apps/v1', 'Deployment', 'web'],
          ['batch/v1', 'Job', 'smoke'],
        ]) {
          if (seen.has(name)) continue;
          if (await spokeGet(apiVersion, kind, name, 'waves')) seen.set(name, now);
        }
        if (!seen.has('migrate-done')) {
          const migrate = await spokeGet('batch/v1', 'Job', 'migrate', 'waves');
          if ((migrate?.status as { succeeded?: number } | undefined)?.succeeded) seen.set('migrate-done', now);
        }
        if (!seen.has('db-ready')) {
          const db = await spokeGet('apps/v1', 'Deployment', 'db', 'waves');
          if ((db?.status as { readyReplicas?: number } | undefined)?.readyReplicas === 1) seen.set('db-ready', now);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await sync('waves');
    const done = await eventually(async () => {
      const a = await app('waves');
      expect(a.status?.operationState?.phase).toBe('Succeeded');
      return a;
    }, 60_000);
    sampling = false;
    await sampler;
    const at = (k: string): number => {
      expect(seen.has(k)).toBe(true);
      return seen.get(k)!;
    };
    expect(at('migrate')).toBeLessThan(at('db'));
    expect(at('migrate-done')).toBeLessThanOrEqual(at('db'));
    expect(at('db-ready')).toBeLessThanOrEqual(at('web'));
    expect(at('web')).toBeLessThan(at('smoke'));
    const results = done.status?.operationState?.syncResult?.resources ?? [];
    expect(results.filter((r) => r.hookType).map((r) => `${r.hookType}:${r.name}:${r.hookPhase}`).sort()).toEqual(['PostSync:smoke:Succeeded', 'PreSync:migrate:Succeeded']);
    await eventually(async () => expect((await app('waves')).status?.health?.status).toBe('Healthy'));
  }, 90_000);

  it('the apply sync strategy applies without running hooks', async () => {
    const before = await spokeGet('batch/v1', 'Job', 'migrate', 'waves');
    await patchApp('waves', { operation: { sync: { syncStrategy: { apply: {} } }, initiatedBy: { username: 'admin' } } });
    const done = await eventually(async () => {
      const a = await app('waves');
      expect(a.operation).toBeUndefined();
      expect(a.status?.operationState?.operation.sync?.syncStrategy).toEqual({ apply: {} });
      expect(a.status?.operationState?.phase).toBe('Succeeded');
      return a;
    }, 30_000);
    expect(done.status?.operationState?.syncResult?.resources?.filter((r) => r.hookType)).toEqual([]);
    expect((await spokeGet('batch/v1', 'Job', 'migrate', 'waves'))?.metadata?.uid).toBe(before?.metadata?.uid);
  }, 60_000);

  it('a failing PreSync hook fails the sync, skips the sync phase and runs the SyncFail hook', async () => {
    await createApp('failing', 'failing', 'failing');
    await eventually(async () => expect((await app('failing')).status?.sync?.status).toBe('OutOfSync'));
    await sync('failing');
    const failed = await eventually(async () => {
      const a = await app('failing');
      expect(a.status?.operationState?.phase).toBe('Failed');
      return a;
    }, 60_000);
    // Argo's words, with the failing hook in the results.
    expect(failed.status?.operationState?.message).toBe('one or more synchronization tasks completed unsuccessfully');
    expect(failed.status?.operationState?.syncResult?.resources?.find((r) => r.name === 'migrate')).toMatchObject({ hookType: 'PreSync', hookPhase: 'Failed' });
    await eventually(async () => expect(await spokeGet('batch/v1', 'Job', 'cleanup', 'failing')).toBeDefined());
    expect(await spokeGet('v1', 'ConfigMap', 'never-applied', 'failing')).toBeUndefined();
  }, 90_000);

  it('terminating a sync deletes the hook still running, marks it Terminated and fails the operation at once', async () => {
    git.commit(
      { 'long/migrate.yaml': job('long-migrate', 'PreSync', { runMs: 60_000 }), 'long/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: after-migrate }\ndata: { a: b }\n' },
      'a PreSync hook that runs for a minute',
    );
    await createApp('long', 'long', 'long');
    await eventually(async () => expect((await app('long')).status?.sync?.status).toBe('OutOfSync'));
    await sync('long');
    await eventually(async () => {
      const hook = (await app('long')).status?.operationState?.syncResult?.resources?.find((r) => r.name === 'long-migrate');
      expect(hook?.hookPhase).toBe('Running');
    }, 20_000);
    // What the api-server's TerminateOperation writes.
    const current = await app('long');
    await clusters.hubKube.replace({ ...current, status: { ...current.status, operationState: { ...current.status!.operationState!, phase: 'Terminating' } } });
    const asked = Date.now();
    const done = await eventually(async () => {
      const a = await app('long');
      expect(a.status?.operationState?.phase).toBe('Failed');
      return a;
    }, 15_000);
    // The pass was waiting for the hook; it notices the request instead of waiting out its budget.
    expect(Date.now() - asked).toBeLessThan(5_000);
    expect(done.status?.operationState?.message).toBe('Operation terminated');
    expect(done.operation).toBeUndefined();
    expect(done.status?.operationState?.syncResult?.resources?.find((r) => r.name === 'long-migrate')).toMatchObject({ hookType: 'PreSync', hookPhase: 'Failed', message: 'Terminated' });
    await eventually(async () => expect(await spokeGet('batch/v1', 'Job', 'long-migrate', 'long')).toBeUndefined());
    expect(await spokeGet('v1', 'ConfigMap', 'after-migrate', 'long')).toBeUndefined();
  }, 60_000);

  it('refuses a sync with a kind the cluster does not serve; SkipDryRunOnMissingResource or its CRD in the sync lets it run', async () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: before-widget }\ndata: { a: b }\n';
    const widget = (annotations = '{ argocd.argoproj.io/sync-wave: "1" }'): string => `apiVersion: ${WIDGETS}/v1\nkind: Widget\nmetadata: { name: knob, annotations: ${annotations} }\nspec: { size: 3 }\n`;
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.${WIDGETS} }
spec:
  group: ${WIDGETS}
  scope: Namespaced
  names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
  versions: [{ name: v1, served: true, storage: true, schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } } }]
`;
    const syncAndWait = async (): Promise<Application> => {
      const before = (await app('crless')).status?.operationState?.startedAt;
      await sync('crless');
      return eventually(async () => {
        const a = await app('crless');
        expect(a.status?.operationState?.startedAt).not.toBe(before);
        expect(['Failed', 'Succeeded', 'Error']).toContain(a.status?.operationState?.phase);
        return a;
      }, 30_000);
    };

    git.commit({ 'crless/cm.yaml': cm, 'crless/widget.yaml': widget() }, 'a Widget without its CRD');
    await createApp('crless', 'crless', 'crless');
    await eventually(async () => expect((await app('crless')).status?.sync?.status).toBe('OutOfSync'));
    const refused = await syncAndWait();
    expect(refused.status?.operationState).toMatchObject({ phase: 'Failed', message: 'one or more synchronization tasks are not valid' });
    expect(refused.status?.operationState?.syncResult?.resources?.find((r) => r.kind === 'Widget')).toMatchObject({ status: 'SyncFailed', message: expect.stringContaining(`does not serve ${WIDGETS}/v1/Widget`) });
    // Nothing was applied, not even the wave before the Widget.
    expect(await spokeGet('v1', 'ConfigMap', 'before-widget', 'crless')).toBeUndefined();

    git.commit({ 'crless/widget.yaml': widget('{ argocd.argoproj.io/sync-wave: "1", argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true }') }, 'skip the check for the Widget');
    const skipped = await syncAndWait();
    expect(skipped.status?.operationState?.phase).toBe('Failed');
    expect(skipped.status?.operationState?.message).not.toBe('one or more synchronization tasks are not valid');
    expect(await spokeGet('v1', 'ConfigMap', 'before-widget', 'crless')).toBeDefined();

    git.commit({ 'crless/crd.yaml': crd, 'crless/widget.yaml': widget() }, 'the CRD in the same sync');
    const done = await syncAndWait();
    expect(done.status?.operationState).toMatchObject({ phase: 'Succeeded', message: 'successfully synced (all tasks run)' });
    expect(await spokeGet(`${WIDGETS}/v1`, 'Widget', 'knob', 'crless')).toBeDefined();
  }, 120_000);

  it('ignoreDifferences on /spec/replicas keeps an autoscaled Deployment Synced; without it the app drifts', async () => {
    const ignore = [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }];
    await createApp('scaled', 'scaled', 'scaled', { ignoreDifferences: ignore });
    await sync('scaled');
    await eventually(async () => expect((await app('scaled')).status?.sync?.status).toBe('Synced'), 30_000);
    // The HPA scales the Deployment (as the autoscaler would, under its own field manager).
    await clusters.spokeKube.patch({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: spokeNs('scaled') } }, { spec: { replicas: 5 } }, 'merge');
    await patchApp('scaled', { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } });
    await eventually(async () => {
      const a = await app('scaled');
      expect(a.metadata.annotations?.[REFRESH_ANNOTATION]).toBeUndefined();
      expect(a.status?.sync?.status).toBe('Synced');
    });
    expect((await spokeGet('apps/v1', 'Deployment', 'api', 'scaled'))?.spec).toMatchObject({ replicas: 5 });
    // Take the rule away: the same live state is now a difference.
    await clusters.hubKube.patch(appRef('scaled'), [{ op: 'remove', path: '/spec/ignoreDifferences' }], 'json');
    await eventually(async () => {
      const a = await app('scaled');
      expect(a.status?.sync?.status).toBe('OutOfSync');
      expect(a.status?.resources?.find((r) => r.kind === 'Deployment')?.status).toBe('OutOfSync');
    }, 30_000);
  }, 90_000);

  it('deleting an app with the resources finalizer (each form) removes its resources; without it they stay', async () => {
    const forms = [RESOURCES_FINALIZER, `${RESOURCES_FINALIZER}/foreground`, `${RESOURCES_FINALIZER}/background`];
    for (const [i, finalizer] of forms.entries()) {
      await createApp(`cascade-${i}`, 'plain', `cascade-${i}`, {}, [finalizer]);
      await sync(`cascade-${i}`);
    }
    await createApp('orphaning', 'plain', 'orphaning');
    await sync('orphaning');
    for (const ns of ['cascade-0', 'cascade-1', 'cascade-2', 'orphaning']) {
      await eventually(async () => expect(await spokeGet('v1', 'ConfigMap', 'plain', ns)).toBeDefined(), 30_000);
    }
    for (const name of ['cascade-0', 'cascade-1', 'cascade-2', 'orphaning']) await clusters.hubKube.delete(appRef(name));
    for (const name of ['cascade-0', 'cascade-1', 'cascade-2', 'orphaning']) {
      await eventually(async () => expect(await clusters.hubKube.get(appRef(name)).catch(() => undefined)).toBeUndefined(), 30_000);
    }
    for (const ns of ['cascade-0', 'cascade-1', 'cascade-2']) expect(await spokeGet('v1', 'ConfigMap', 'plain', ns)).toBeUndefined();
    expect(await spokeGet('v1', 'ConfigMap', 'plain', 'orphaning')).toBeDefined();
  }, 90_000);

  it('SharedResourceWarning when another app tracks a resource, and FailOnSharedResource=true stops the sync', async () => {
    await createApp('owner', 'plain', 'shared');
    await sync('owner');
    await eventually(async () => expect((await app('owner')).status?.sync?.status).toBe('Synced'), 30_000);
    await createApp('intruder', 'plain', 'shared', { syncPolicy: { syncOptions: ['FailOnSharedResource=true'] } });
    await eventually(async () => {
      const conditions = (await app('intruder')).status?.conditions ?? [];
      expect(conditions).toContainEqual(expect.objectContaining({ type: 'SharedResourceWarning', message: 'ConfigMap/plain is part of applications intruder and owner' }));
    });
    await sync('intruder');
    const failed = await eventually(async () => {
      const a = await app('intruder');
      expect(a.status?.operationState?.phase).toBe('Failed');
      return a;
    });
    expect(failed.status?.operationState?.message).toBe('Shared resource found: ConfigMap/plain is part of applications intruder and owner');
    expect((await spokeGet('v1', 'ConfigMap', 'plain', 'shared'))?.metadata?.annotations?.['argocd.argoproj.io/tracking-id']).toBe(`owner:/ConfigMap:${spokeNs('shared')}/plain`);
  }, 60_000);

  it('Force=true re-creates an object the API server will not change in place (a Job template)', async () => {
    const report = (runMs: number): string => jobYaml({ name: 'report', runMs });
    git.commit({ 'force/job.yaml': report(1000) }, 'report job');
    await createApp('force', 'force', 'force');
    await sync('force');
    await eventually(async () => expect((await app('force')).status?.operationState).toMatchObject({ phase: 'Succeeded' }), 30_000);
    const next = git.commit({ 'force/job.yaml': report(2000) }, 'report job, runs longer');
    await patchApp('force', { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } });
    await eventually(async () => expect((await app('force')).status?.sync).toMatchObject({ status: 'OutOfSync', revision: next }));
    await sync('force');
    const refused = await eventually(async () => {
      const a = await app('force');
      expect(a.status?.operationState?.phase).toBe('Failed');
      return a;
    });
    expect(refused.status?.operationState?.message).toMatch(/spec\.template.*field is immutable/);
    await patchApp('force', { operation: { sync: { syncOptions: ['Force=true', 'Replace=true'] }, initiatedBy: { username: 'admin' } } });
    await eventually(async () => expect((await app('force')).status?.operationState?.phase).toBe('Succeeded'), 30_000);
    const job = await spokeGet('batch/v1', 'Job', 'report', 'force');
    expect((job?.spec as { template: { spec: { containers: { command: string[] }[] } } }).template.spec.containers[0].command.join(' ')).toContain('sleep 2');
  }, 60_000);

  it('a field removed from git is a difference (three-way diff against last-applied), and syncing removes it', async () => {
    git.commit({ 'removal/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { keep: "1", drop: "2" }\n' }, 'two keys');
    await createApp('removal', 'removal', 'removal');
    await sync('removal');
    await eventually(async () => expect((await app('removal')).status?.sync?.status).toBe('Synced'), 30_000);
    const next = git.commit({ 'removal/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { keep: "1" }\n' }, 'one key');
    await patchApp('removal', { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } });
    await eventually(async () => expect((await app('removal')).status?.sync).toMatchObject({ status: 'OutOfSync', revision: next }));
    await sync('removal');
    await eventually(async () => expect((await app('removal')).status?.sync?.status).toBe('Synced'), 30_000);
    expect((await spokeGet('v1', 'ConfigMap', 'settings', 'removal'))?.data).toEqual({ keep: '1' });
  }, 60_000);

  it('server-side diff (compare-options ServerSideDiff=true, ServerSideApply=true) asks the API server: Synced when equal, a removed key is a difference', async () => {
    git.commit({ 'ssd/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { keep: "1", drop: "2" }\n' }, 'ssd: two keys');
    await clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name: 'ssd', namespace: NS, annotations: { 'argocd.argoproj.io/compare-options': 'ServerSideDiff=true' } },
      spec: {
        project: 'default',
        source: { repoURL: git.url, path: 'ssd', targetRevision: 'main' },
        destination: { server: clusters.spoke.url, namespace: spokeNs('ssd') },
        syncPolicy: { syncOptions: ['ServerSideApply=true'] },
      },
    });
    await sync('ssd');
    await eventually(async () => expect((await app('ssd')).status?.sync?.status).toBe('Synced'), 30_000);
    // No last-applied annotation with server-side apply: only the server can tell the key goes.
    const live = await spokeGet('v1', 'ConfigMap', 'settings', 'ssd');
    expect(live?.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
    const next = git.commit({ 'ssd/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { keep: "1" }\n' }, 'ssd: one key');
    await patchApp('ssd', { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } });
    await eventually(async () => expect((await app('ssd')).status?.sync).toMatchObject({ status: 'OutOfSync', revision: next }));
    // The dry run changed nothing.
    expect((await spokeGet('v1', 'ConfigMap', 'settings', 'ssd'))?.data).toEqual({ keep: '1', drop: '2' });
    await sync('ssd');
    await eventually(async () => expect((await app('ssd')).status?.sync?.status).toBe('Synced'), 30_000);
    expect((await spokeGet('v1', 'ConfigMap', 'settings', 'ssd'))?.data).toEqual({ keep: '1' });
  }, 60_000);

  it('app of apps: child Applications rendered by a parent are created in the hub, reconciled, and waited for by wave', async () => {
    const child = (name: string, wave: number): string => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: ${NS}
  annotations: { argocd.argoproj.io/sync-wave: "${wave}" }
spec:
  project: default
  source: { repoURL: ${git.url}, path: ${name === 'child-db' ? 'waves' : 'plain'}, targetRevision: main }
  destination: { server: ${clusters.spoke.url}, namespace: ${spokeNs(name)} }
  syncPolicy: { automated: { prune: true }, syncOptions: [CreateNamespace=true] }
`;
    git.commit({ 'apps/db.yaml': child('child-db', -1), 'apps/web.yaml': child('child-web', 0) }, 'app of apps');
    await clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name: 'root', namespace: NS },
      spec: {
        project: 'default',
        source: { repoURL: git.url, path: 'apps', targetRevision: 'main' },
        destination: { server: 'https://kubernetes.default.svc', namespace: NS },
        syncPolicy: { automated: { prune: true } },
      },
    });
    const root = await eventually(async () => {
      const a = await app('root');
      expect(a.status?.operationState?.phase).toBe('Succeeded');
      expect(a.status?.sync?.status).toBe('Synced');
      return a;
    }, 90_000);
    const db = await app('child-db');
    const web = await app('child-web');
    // The wave -1 child was Healthy (its own hooks and waves done) before the wave 0 child was created.
    expect(db.status?.health?.status).toBe('Healthy');
    expect(Date.parse(web.metadata.creationTimestamp!)).toBeGreaterThanOrEqual(Date.parse(db.status!.operationState!.finishedAt!) - 1000);
    await eventually(async () => expect((await app('child-web')).status?.sync?.status).toBe('Synced'), 30_000);
    expect(await spokeGet('v1', 'ConfigMap', 'plain', 'child-web')).toBeDefined();
    expect(root.status?.resources?.map((r) => `${r.kind}/${r.name}`).sort()).toEqual(['Application/child-db', 'Application/child-web']);
  }, 120_000);
});
