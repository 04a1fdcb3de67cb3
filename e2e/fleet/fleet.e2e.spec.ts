// Flotilla end to end: the five services as separate processes, kube-sim hub and spokes, the example
// app in a git repository served over HTTP, the real CLI — the shape `npm start` runs, driven the way
// a user would drive it. Under FLOTILLA_TEST_CLUSTER=real (npm run e2e:real) the prod spoke is the
// real cluster, registered with `cluster add` like any other, and its guestbook pods really run.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Application, KubeObject } from '@flotilla/api-types';
import { renderKubeconfig, startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { GUESTBOOK_IMAGE, guestbookDeployment as guestbookWith, startLocalFleet, type LocalFleet, type ServiceName } from '@flotilla/local-fleet';
import { E2E_IMAGE, realClusterAccess, spokeKind } from '@flotilla/testing';
import { kubeClientFromKubeconfigString, type KubeClient } from '@flotilla/platform';

jest.setTimeout(600_000);

interface Delivery {
  app: string;
  revision: string;
  phase: string;
  startedAt: string;
}

let dir: string;
let fleet: LocalFleet;
let receiver: Server;
const deliveries: Delivery[] = [];
const spokeClients = new Map<string, KubeClient>();
const extraSims: KubeSim[] = [];

const APPS = ['guestbook-dev', 'guestbook-prod', 'guestbook-staging'];
const REAL = spokeKind() === 'real';
// The real cluster pulls nothing: its guestbook runs the e2e image, which also serves port 80.
const IMAGE = REAL ? E2E_IMAGE : GUESTBOOK_IMAGE;
const guestbookDeployment = (replicas: number): string => guestbookWith(replicas, IMAGE);

async function eventually<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastErr: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (err) {
      lastErr = err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 2000)}${lastErr instanceof Error ? `; last error: ${lastErr.message}` : ''}`,
  );
}

const app = async (name: string): Promise<Application> => (await fleet.applications()).find((a) => a.metadata.name === name)!;
const state = (a: Application | undefined): string => `${a?.status?.sync?.status}/${a?.status?.health?.status}`;
const deployment = (cluster: string) =>
  spokeClients.get(cluster)!.get<KubeObject & { spec: { replicas: number }; metadata: { annotations?: Record<string, string> } }>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'guestbook-ui', namespace: 'guestbook' },
  });
const configMapExists = (cluster: string): Promise<boolean> =>
  spokeClients
    .get(cluster)!
    .get({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'guestbook-settings', namespace: 'guestbook' } })
    .then(
      () => true,
      () => false,
    );

async function cli(...args: string[]): Promise<string> {
  const res = await fleet.cli(...args);
  if (res.code !== 0) throw new Error(`flotilla ${args.join(' ')} exited ${res.code}\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

/** The real cluster outlives runs: a run starts without the guestbook namespace an earlier one left, and removes its own. */
async function removeGuestbookNamespace(kube: KubeClient, wait = true): Promise<void> {
  const ref = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'guestbook' } };
  await kube.delete(ref).catch(() => undefined);
  if (wait) await eventually('namespace guestbook to be gone', () => kube.get(ref).then(() => 'present', () => 'gone'), (s) => s === 'gone', 120_000);
}

/** Asks for a refresh of every app (the api-server waits until the controller did it), then `app wait`s for all of them. */
async function refreshAndWait(apps = APPS): Promise<void> {
  for (const name of apps) await cli('app', 'get', name, '--refresh');
  await cli('app', 'wait', ...apps, '--sync', '--health', '--timeout', '180');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-e2e-'));
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      try {
        deliveries.push(JSON.parse(body) as Delivery);
      } catch {
        deliveries.push({ app: `unparsable: ${body}`, revision: '', phase: '', startedAt: '' });
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const port = (receiver.address() as import('node:net').AddressInfo).port;
  const real = REAL ? realClusterAccess('prod') : undefined;
  if (real) {
    const kube = kubeClientFromKubeconfigString(renderKubeconfig([real]));
    await removeGuestbookNamespace(kube).finally(() => kube.close());
  }
  fleet = await startLocalFleet({
    ...(real ? { spokes: ['dev', 'staging'], externalSpokes: [real], guestbookImage: IMAGE } : {}),
    dir,
    apiPort: 0,
    cliConfig: join(dir, 'cli', 'config'),
    queuePrefix: `e2e${process.pid}`,
    resyncSeconds: 10,
    webhookUrl: `http://127.0.0.1:${port}/hook`,
  });
  for (const [name, access] of fleet.spokeAccess) spokeClients.set(name, kubeClientFromKubeconfigString(renderKubeconfig([access])));
  await fleet.applyApplicationSet();
});

afterAll(async () => {
  if (REAL && spokeClients.has('prod')) await removeGuestbookNamespace(spokeClients.get('prod')!, false);
  for (const c of spokeClients.values()) c.close();
  await fleet?.stop();
  await Promise.all(extraSims.map((s) => s.stop()));
  await new Promise((r) => receiver?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('one ApplicationSet, three clusters, five services', () => {
  it('1. yields three Applications, each Synced and Healthy in its cluster', async () => {
    const apps = await eventually(
      'three Synced and Healthy Applications',
      () => fleet.applications(),
      (list) => list.length === 3 && list.every((a) => state(a) === 'Synced/Healthy'),
      180_000,
    );
    expect(apps.map((a) => a.metadata.name).sort()).toEqual(APPS);
    for (const cluster of ['dev', 'staging', 'prod']) {
      const deploy = await deployment(cluster);
      expect(deploy.metadata.annotations?.['argocd.argoproj.io/tracking-id']).toBe(
        `guestbook-${cluster}:apps/Deployment:guestbook/guestbook-ui`,
      );
      expect(await configMapExists(cluster)).toBe(true);
    }
    const list = await cli('app', 'list');
    for (const name of APPS) expect(list).toMatch(new RegExp(`^argocd/${name} .* Synced +Healthy `, 'm'));
  });

  it('2. a commit that changes replicas reaches all three clusters, through app wait', async () => {
    const sha = await fleet.repo.commit({ 'guestbook/guestbook-ui-deployment.yaml': guestbookDeployment(2) }, 'guestbook: two replicas');
    await refreshAndWait();
    for (const cluster of ['dev', 'staging', 'prod']) expect((await deployment(cluster)).spec.replicas).toBe(2);
    for (const name of APPS) expect((await app(name)).status?.sync?.revision).toBe(sha);
  });

  it('3a. selfHeal reverts a Deployment scaled by hand in one spoke', async () => {
    const dev = spokeClients.get('dev')!;
    await dev.patch(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'guestbook-ui', namespace: 'guestbook' } },
      { spec: { replicas: 5 } },
      'merge',
    );
    await eventually(
      'selfHeal to put replicas back to 2',
      () => deployment('dev'),
      (d) => d.spec.replicas === 2,
      60_000,
    );
  });

  it('3b. a file deleted from git is pruned', async () => {
    await fleet.repo.commit({ 'guestbook/guestbook-settings.yaml': null }, 'guestbook: settings are gone');
    await refreshAndWait();
    for (const cluster of ['dev', 'staging', 'prod']) expect(await configMapExists(cluster)).toBe(false);
  });

  it('3c. a new spoke Secret with the matching label gets its Application without a restart', async () => {
    const qa = await startKubeSim({ name: 'qa', timing: { podStartMs: 500, jobRunMs: 1000, nodes: 1 } });
    extraSims.push(qa);
    const kubeconfig = join(dir, 'qa.kubeconfig');
    writeFileSync(kubeconfig, renderKubeconfig([qa.access()]));
    await cli('cluster', 'add', 'qa', '--kubeconfig', kubeconfig, '--name', 'qa', '--label', 'env=qa', '--yes');
    await eventually(
      'guestbook-qa to be Synced and Healthy',
      () => app('guestbook-qa'),
      (a) => state(a) === 'Synced/Healthy',
      120_000,
    );
    const qaClient = kubeClientFromKubeconfigString(qa.kubeconfig());
    spokeClients.set('qa', qaClient);
    expect((await deployment('qa')).spec.replicas).toBe(2);
  });

  it('4. an unreachable spoke shows a clear condition while the others keep syncing, and converges when it returns', async () => {
    const staging = fleet.spokes.get('staging')!;
    await staging.faults.set({ refuseConnections: true });
    const sha = await fleet.repo.commit({ 'guestbook/guestbook-ui-deployment.yaml': guestbookDeployment(3) }, 'guestbook: three replicas');
    const others = ['guestbook-dev', 'guestbook-prod'];
    await refreshAndWait(others);
    for (const cluster of ['dev', 'prod']) expect((await deployment(cluster)).spec.replicas).toBe(3);
    await cli('app', 'get', 'guestbook-staging', '--refresh').catch(() => undefined);
    const broken = await eventually(
      'a condition on guestbook-staging',
      () => app('guestbook-staging'),
      (a) => (a.status?.conditions ?? []).some((c) => /staging|connection refused|ECONNREFUSED/i.test(c.message ?? '')),
      90_000,
    );
    const condition = broken.status!.conditions!.find((c) => /staging|ECONNREFUSED/i.test(c.message ?? ''))!;
    expect(condition.type).toMatch(/Error/);
    expect(condition.message).toMatch(new RegExp(staging.url.replace(/[.:/]/g, '\\$&') + '|staging'));

    await staging.faults.clear();
    await eventually(
      'guestbook-staging to converge',
      () => app('guestbook-staging'),
      (a) => state(a) === 'Synced/Healthy' && a.status?.sync?.revision === sha,
      120_000,
    );
    expect((await deployment('staging')).spec.replicas).toBe(3);
    expect((await app('guestbook-staging')).status?.conditions ?? []).toEqual([]);
  });

  it('7. a malformed manifest in git gives the Application a condition naming the file and the error', async () => {
    await fleet.repo.commit(
      { 'guestbook/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\n  labels: [unclosed\n' },
      'guestbook: a typo',
    );
    await cli('app', 'get', 'guestbook-dev', '--refresh').catch(() => undefined);
    const withCondition = await eventually(
      'a ComparisonError naming broken.yaml',
      () => app('guestbook-dev'),
      (a) => (a.status?.conditions ?? []).some((c) => c.type === 'ComparisonError' && (c.message ?? '').includes('broken.yaml')),
      90_000,
    );
    const message = withCondition.status!.conditions!.find((c) => c.type === 'ComparisonError')!.message;
    expect(message).toMatch(/guestbook\/broken\.yaml/);
    expect(message).toMatch(/flow|unclosed|expected|YAML|parse/i);
    await fleet.repo.commit({ 'guestbook/broken.yaml': null }, 'guestbook: typo fixed');
    await refreshAndWait();
    expect((await app('guestbook-dev')).status?.conditions ?? []).toEqual([]);
  });

  it('6. killing any one service and restarting it loses nothing', async () => {
    const order: ServiceName[] = ['app-controller', 'repo-server', 'api-server', 'appset-controller', 'notifier'];
    let replicas = 3;
    for (const name of order) {
      const service = fleet.services.get(name)!;
      replicas += 1;
      const sha = await fleet.repo.commit(
        { 'guestbook/guestbook-ui-deployment.yaml': guestbookDeployment(replicas) },
        `guestbook: ${replicas} replicas, ${name} killed`,
      );
      await service.kill();
      await new Promise((r) => setTimeout(r, 1000));
      await service.start();
      // guestbook-qa too: a sync of it still running when the next service (the notifier, last) is
      // killed would finish unseen, and a notifier, like Argo's, only sees the state it finds.
      await refreshAndWait([...APPS, 'guestbook-qa']);
      for (const cluster of ['dev', 'staging', 'prod']) expect((await deployment(cluster)).spec.replicas).toBe(replicas);
      for (const appName of APPS) expect((await app(appName)).status?.sync?.revision).toBe(sha);
      expect((await fleet.applications()).map((a) => a.metadata.name).sort()).toEqual([...APPS, 'guestbook-qa'].sort());
    }
  });

  it('5. the webhook receives exactly one on-sync-succeeded per sync', async () => {
    // The notifier was the last service killed: its successor takes the leader lease when the dead
    // one's expires (15 s), then delivers what the dead one had not, so the count is awaited.
    const check = async (): Promise<string[]> => {
      const problems: string[] = [];
      for (const name of [...APPS, 'guestbook-qa']) {
        const history = (await app(name)).status?.history ?? [];
        const received = deliveries.filter((d) => d.app === name);
        const revisions = received.map((d) => d.revision);
        const expected = history.map((h) => h.revision);
        if (JSON.stringify(revisions.slice(-expected.length)) !== JSON.stringify(expected) || (history.length < 10 && received.length !== history.length))
          problems.push(`${name}: received ${JSON.stringify(revisions)}, history ${JSON.stringify(expected)}`);
      }
      return problems;
    };
    const problems = await eventually('one delivery per successful sync', check, (p) => p.length === 0, 60_000).catch(async () => check());
    expect(problems).toEqual([]);
    expect(deliveries.filter((d) => d.app.startsWith('unparsable'))).toEqual([]);
    expect(deliveries.every((d) => d.phase === 'Succeeded')).toBe(true);
    // Never two for the same operation: each sync has its own start time.
    for (const name of [...APPS, 'guestbook-qa']) {
      const received = deliveries.filter((d) => d.app === name);
      expect(new Set(received.map((d) => d.startedAt)).size).toBe(received.length);
    }
    // Nothing more arrives later: a few more seconds change nothing.
    const count = deliveries.length;
    await new Promise((r) => setTimeout(r, 3000));
    expect(deliveries).toHaveLength(count);
  });
});
