// Progressive sync end to end (issue 21): a RollingSync ApplicationSet over the three kube-sim spokes
// labelled env=dev|staging|prod rolls each commit out one step at a time, and a staging workload
// that fails (kube-sim's image-pull fault) stops the rollout before prod, with the reason in the
// ApplicationSet's status and in `flotilla appset get`. The seed 000 "sequential rollout"
// ApplicationSet runs beside it as written (its example hostnames and repository swapped for the
// fleet's). kube-sim only: the fault is one of kube-sim's pod annotations.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Application, ApplicationSet, KubeObject } from '@flotilla/api-types';
import { renderKubeconfig } from '@flotilla/kube-sim';
import { GUESTBOOK_IMAGE, startLocalFleet, type LocalFleet } from '@flotilla/local-fleet';
import { spokeKind } from '@flotilla/testing';
import { kubeClientFromKubeconfigString, type KubeClient } from '@flotilla/platform';

jest.setTimeout(300_000);

const ENVS = ['dev', 'staging', 'prod'] as const;
const APPS = ENVS.map((env) => `web-${env}`);
const SEED = join(__dirname, '..', '..', 'libs', 'appset', 'src', 'testdata', 'seeds', '000-sequential-deploy.yaml');

let dir: string;
let fleet: LocalFleet;
const spokes = new Map<string, KubeClient>();
/** Every state seen while polling, to check the order afterwards. */
const samples: Application[][] = [];

function webFiles(env: string, version: string, failing = false): Record<string, string> {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 1,
      progressDeadlineSeconds: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' }, annotations: { version, ...(failing ? { 'kube-sim.flotilla.dev/fail': 'image-pull' } : {}) } },
        spec: { containers: [{ name: 'web', image: GUESTBOOK_IMAGE }] },
      },
    },
  };
  const config = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config' }, data: { version } };
  return { [`rollout/${env}/web.yaml`]: `${stringify(deployment)}---\n${stringify(config)}` };
}

const rollingAppSet = (repoUrl: string) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name: 'web', namespace: 'argocd' },
  spec: {
    generators: [{ clusters: { selector: { matchExpressions: [{ key: 'env', operator: 'In', values: [...ENVS] }] } } }],
    strategy: {
      type: 'RollingSync',
      rollingSync: { steps: ENVS.map((env) => ({ matchExpressions: [{ key: 'env', operator: 'In', values: [env] }] })) },
    },
    template: {
      metadata: { name: 'web-{{name}}', labels: { env: '{{metadata.labels.env}}' } },
      spec: {
        project: 'default',
        source: { repoURL: repoUrl, targetRevision: 'main', path: 'rollout/{{metadata.labels.env}}' },
        destination: { server: '{{server}}', namespace: 'web' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
      },
    },
  },
});

async function cli(...args: string[]): Promise<string> {
  const res = await fleet.cli(...args);
  if (res.code !== 0) throw new Error(`flotilla ${args.join(' ')} exited ${res.code}\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

async function eventually<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 3000)}`);
}

const appSet = (name: string) =>
  fleet.hubClient.get<ApplicationSet>({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name, namespace: 'argocd' },
  });
const appsNamed = (names: string[]) => async (): Promise<Application[]> => {
  const apps = (await fleet.applications()).filter((a) => names.includes(a.metadata.name));
  samples.push(apps);
  return apps;
};
const webApps = appsNamed(APPS);
const byName = (apps: Application[], name: string) => apps.find((a) => a.metadata.name === name);
const syncedHealthyAt = (a: Application | undefined, sha: string) =>
  a?.status?.sync?.status === 'Synced' && a.status.health?.status === 'Healthy' && a.status.sync.revision === sha;
/** The app has begun deploying `sha`: its last sync operation is for it. */
const deploying = (a: Application | undefined, sha: string) =>
  a?.status?.operationState?.syncResult?.revision === sha || (a?.status?.sync?.status === 'Synced' && a.status.sync.revision === sha);
const configVersion = (env: string) =>
  spokes
    .get(env)!
    .get<KubeObject & { data: { version: string } }>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-config', namespace: 'web' },
    })
    .then((c) => c.data.version);

/** A hard refresh of the apps, as a webhook would ask for after a push. */
async function refresh(names = APPS): Promise<void> {
  for (const name of names)
    await fleet.hubClient.patch(
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name, namespace: 'argocd' } },
      { metadata: { annotations: { 'argocd.argoproj.io/refresh': 'hard' } } },
      'merge',
    );
}

/** In every state seen, a step's app began deploying `sha` only once the step before was Synced and Healthy at it. */
function expectStepOrder(sha: string, steps = APPS): void {
  let checked = 0;
  for (const apps of samples.splice(0)) {
    for (let i = 1; i < steps.length; i++) {
      if (!deploying(byName(apps, steps[i]), sha)) continue;
      expect(`${steps[i - 1]} ${syncedHealthyAt(byName(apps, steps[i - 1]), sha) ? 'done' : 'NOT done'}`).toBe(`${steps[i - 1]} done`);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
}

const describeSim = spokeKind() === 'real' ? describe.skip : describe;

beforeAll(async () => {
  if (spokeKind() === 'real') return;
  dir = mkdtempSync(join(tmpdir(), 'flotilla-rolling-'));
  fleet = await startLocalFleet({
    dir,
    apiPort: 0,
    cliConfig: join(dir, 'cli', 'config'),
    queuePrefix: `rolling${process.pid}`,
    resyncSeconds: 30,
    only: ['repo-server', 'api-server', 'app-controller', 'appset-controller'],
  });
  for (const [name, access] of fleet.spokeAccess) spokes.set(name, kubeClientFromKubeconfigString(renderKubeconfig([access])));
});

afterAll(async () => {
  for (const c of spokes.values()) c.close();
  await fleet?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeSim('RollingSync over dev, staging and prod', () => {
  let v1 = '';

  it('creates the Applications without auto-sync and rolls the first revision out dev → staging → prod', async () => {
    v1 = await fleet.repo.commit(Object.assign({}, seedOverlays(), ...ENVS.map((env) => webFiles(env, 'v1'))), 'web: v1; myapp overlays');
    const file = join(dir, 'web-appset.yaml');
    writeFileSync(file, stringify(rollingAppSet(fleet.repoUrl)));
    await cli('appset', 'create', file);
    await startSeed();

    const apps = await eventually(
      'all three web apps Synced and Healthy at v1',
      webApps,
      (list) => list.length === 3 && list.every((a) => syncedHealthyAt(a, v1)),
    );
    for (const a of apps) {
      expect(a.spec.syncPolicy?.automated).toBeUndefined();
      expect(a.status?.operationState?.operation.initiatedBy).toEqual({ username: 'applicationset-controller', automated: true });
    }
    expectStepOrder(v1);
    const set = await eventually(
      'every rollout status Healthy',
      () => appSet('web'),
      (s) => (s.status?.applicationStatus ?? []).every((x) => x.status === 'Healthy') && s.status?.applicationStatus?.length === 3,
    );
    expect(set.status?.applicationStatus?.map((s) => [s.application, s.status, s.step])).toEqual([
      ['web-dev', 'Healthy', '1'],
      ['web-prod', 'Healthy', '3'],
      ['web-staging', 'Healthy', '2'],
    ]);
    for (const env of ENVS) expect(await configVersion(env)).toBe('v1');
  });

  it('rolls the next commit out one step at a time', async () => {
    const v2 = await fleet.repo.commit(Object.assign({}, ...ENVS.map((env) => webFiles(env, 'v2'))), 'web: v2');
    await refresh();
    await eventually(
      'all three web apps Synced and Healthy at v2',
      webApps,
      (list) => list.length === 3 && list.every((a) => syncedHealthyAt(a, v2)),
      90_000,
    );
    expectStepOrder(v2);
    // The ApplicationSet sees the last step finish on its next reconcile.
    const set = await eventually(
      'the rollout to complete',
      () => appSet('web'),
      (x) => (x.status?.conditions ?? []).some((c) => c.type === 'RolloutProgressing' && c.status === 'False'),
    );
    expect(set.status?.conditions?.find((c) => c.type === 'RolloutProgressing')).toMatchObject({
      status: 'False',
      reason: 'ApplicationSetRolloutComplete',
    });
    for (const env of ENVS) expect(await configVersion(env)).toBe('v2');
  });

  it('stops before prod when the staging workload fails, and says why', async () => {
    const v3 = await fleet.repo.commit(
      { ...webFiles('dev', 'v3'), ...webFiles('staging', 'v3', true), ...webFiles('prod', 'v3') },
      'web: v3, whose staging pods cannot pull their image',
    );
    await refresh();
    const set = await eventually(
      'the rollout to stop at staging',
      () => appSet('web'),
      (s) =>
        /stopped at step 2: Application web-staging is Degraded/.test(
          s.status?.conditions?.find((c) => c.type === 'RolloutProgressing')?.message ?? '',
        ),
      90_000,
    );
    expect(set.status?.conditions?.find((c) => c.type === 'RolloutProgressing')?.status).toBe('True');
    const rollout = Object.fromEntries((set.status?.applicationStatus ?? []).map((s) => [s.application, s.status]));
    expect(rollout).toEqual({ 'web-dev': 'Healthy', 'web-staging': 'Progressing', 'web-prod': 'Waiting' });
    // Still so a while later: prod keeps v2, staging's failure does not let it through.
    await new Promise((r) => setTimeout(r, 3000));
    const apps = await webApps();
    expect(syncedHealthyAt(byName(apps, 'web-dev'), v3)).toBe(true);
    expect(byName(apps, 'web-prod')?.status?.sync).toMatchObject({ status: 'OutOfSync', revision: v3 });
    expect(await configVersion('prod')).toBe('v2');
    expect(await configVersion('dev')).toBe('v3');

    const shown = await cli('appset', 'get', 'web');
    expect(shown).toMatch(/RolloutProgressing\s+True\s+ApplicationSet Rollout stopped at step 2: Application web-staging is Degraded/);
    expect(shown).toMatch(/^web-prod\s+Waiting\s+3\s/m);
    expect(shown).toMatch(/^web-staging\s+Progressing\s+2\s/m);
  });

  it('runs the seed 000 sequential-rollout ApplicationSet as written', async () => {
    const apps = await eventually(
      'the four seed apps Synced and Healthy',
      () => fleet.applications().then((list) => list.filter((a) => a.metadata.name.startsWith('myapp-'))),
      (list) => list.length === 4 && list.every((a) => a.status?.sync?.status === 'Synced' && a.status.health?.status === 'Healthy'),
    );
    expect(Object.fromEntries(apps.map((a) => [a.metadata.name, a.metadata.annotations?.['argocd.argoproj.io/sync-wave']]))).toEqual({
      'myapp-dev': '1',
      'myapp-prod-eu': '4',
      'myapp-prod-us': '3',
      'myapp-staging': '2',
    });
    for (const a of apps) expect(a.spec.syncPolicy?.automated).toEqual({ prune: true, selfHeal: true });
    const cm = await spokes.get('prod')!.get<KubeObject & { data: Record<string, string> }>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'myapp-prod-eu', namespace: 'myapp' },
    });
    expect(cm.data.overlay).toBe('prod-eu');

    // appset generate prints what the file would produce; create refuses a changed spec without --upsert and replaces it with it.
    const file = join(dir, 'seed-000.yaml');
    expect(await cli('appset', 'generate', file)).toMatch(/^argocd\/myapp-prod-eu\s/m);
    const changed = parse(readFileSync(file, 'utf8')) as ApplicationSet;
    changed.spec.syncPolicy = { preserveResourcesOnDeletion: true };
    writeFileSync(file, stringify(changed));
    const refused = await fleet.cli('appset', 'create', file);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('existing ApplicationSet spec is different, use upsert flag to force update');
    expect((await appSet('sequential-deploy')).spec.syncPolicy).toBeUndefined();
    await cli('appset', 'create', file, '--upsert');
    expect((await appSet('sequential-deploy')).spec.syncPolicy).toEqual({ preserveResourcesOnDeletion: true });
  });

  it('rolls the seed 000 rollout out wave by wave with RollingSync labels instead of sync-wave annotations', async () => {
    const file = join(dir, 'seed-000.yaml');
    const seed = parse(readFileSync(file, 'utf8')) as ApplicationSet;
    seed.spec.template.metadata.labels = { wave: '{{wave}}' };
    seed.spec.strategy = {
      type: 'RollingSync',
      rollingSync: {
        steps: ['1', '2', '3', '4'].map((wave) => ({ matchExpressions: [{ key: 'wave', operator: 'In' as const, values: [wave] }] })),
      },
    };
    writeFileSync(file, stringify(seed));
    await cli('appset', 'create', file, '--upsert');
    const waves = ['myapp-dev', 'myapp-staging', 'myapp-prod-us', 'myapp-prod-eu'];
    await eventually('the seed apps without auto-sync', appsNamed(waves), (list) =>
      list.every((a) => a.spec.syncPolicy?.automated === undefined),
    );
    const sha = await fleet.repo.commit(seedOverlays('2'), 'myapp: release 2');
    await refresh(waves);
    await eventually(
      'the four seed apps Synced and Healthy at the new commit',
      appsNamed(waves),
      (list) => list.length === 4 && list.every((a) => syncedHealthyAt(a, sha)),
      90_000,
    );
    expectStepOrder(sha, waves);
    const set = await appSet('sequential-deploy');
    expect(set.status?.applicationStatus?.map((s) => [s.application, s.step])).toEqual([
      ['myapp-dev', '1'],
      ['myapp-prod-eu', '4'],
      ['myapp-prod-us', '3'],
      ['myapp-staging', '2'],
    ]);
  });
});

/** The seed's clusters and the spokes standing in for them (both prod regions on the prod spoke). */
const SEED_HOSTS: Record<string, string> = { dev: 'dev', staging: 'staging', 'prod-us': 'prod', 'prod-eu': 'prod' };

/** What the seed's `overlays/{{cluster}}` paths hold here: one ConfigMap per cluster. */
const seedOverlays = (release = '1'): Record<string, string> =>
  Object.assign(
    {},
    ...Object.keys(SEED_HOSTS).map((c) => ({
      [`overlays/${c}/config.yaml`]: stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `myapp-${c}` },
        data: { overlay: c, release },
      }),
    })),
  );

/**
 * The seed's list elements name example hosts and an example repository; here they are the fleet's
 * spokes and its git server. Everything else is the seed's text.
 */
async function startSeed(): Promise<void> {
  const seed = parse(readFileSync(SEED, 'utf8')) as ApplicationSet;
  for (const el of seed.spec.generators[0].list!.elements!) el.server = fleet.spokeAccess.get(SEED_HOSTS[el.cluster as string])!.url;
  seed.spec.template.spec.source!.repoURL = fleet.repoUrl;
  // The seed syncs into an existing namespace (it has no CreateNamespace option).
  for (const env of ENVS)
    await spokes
      .get(env)!
      .create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'myapp' } })
      .catch(() => undefined);
  const file = join(dir, 'seed-000.yaml');
  writeFileSync(file, stringify(seed));
  await cli('appset', 'create', file);
}
