// Flotilla installed as people install Argo CD, on a real cluster: the image (built with podman and
// loaded by `npm run e2e:real-install`), `helm install` of charts/flotilla with two replicas of each
// component, every pod Ready; then it syncs an Application to the cluster itself (in-cluster) and one
// to a kube-sim spoke registered with `flotilla cluster add`; then one pod of each component and the
// Redis pod are deleted while a sync runs, and the sync still completes with one notification each.
// Runs only with FLOTILLA_TEST_CLUSTER=real; CI runs the chart specs against kube-sim instead.
import type { Application } from '@flotilla/api-types';
import { renderKubeconfig, startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { guestbookDeployment, runCli, type CliResult } from '@flotilla/local-fleet';
import { E2E_IMAGE, jobYaml, polling, realClusterAccess, realKubeconfigPath, spokeKind, startGitRepo, type GitRepo } from '@flotilla/testing';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';

jest.setTimeout(900_000);
const run = promisify(execFile);
const REAL = spokeKind() === 'real';
const CHART = join(__dirname, '../../charts/flotilla');
const NS = 'flotilla-e2e';
const RELEASE = 'argocd';
const IMAGE = process.env.FLOTILLA_E2E_IMAGE || 'localhost/flotilla:dev';
const REDIS_IMAGE = process.env.FLOTILLA_E2E_REDIS_IMAGE || 'localhost/flotilla-redis:7';
const API_NODE_PORT = 30080;
const APPS = ['guestbook-in-cluster', 'guestbook-sim'];
// kind, name, ready replicas, the pods' app.kubernetes.io/name
const WORKLOADS: Array<[string, string, number, string]> = [
  ['statefulset', `${RELEASE}-application-controller`, 2, `${RELEASE}-application-controller`],
  ['deployment', `${RELEASE}-server`, 2, `${RELEASE}-server`],
  ['deployment', `${RELEASE}-repo-server`, 2, `${RELEASE}-repo-server`],
  ['deployment', `${RELEASE}-applicationset-controller`, 2, `${RELEASE}-applicationset-controller`],
  ['deployment', `${RELEASE}-notifications-controller`, 2, `${RELEASE}-notifications-controller`],
  ['statefulset', `${RELEASE}-redis-ha-server`, 3, `${RELEASE}-redis-ha`],
];
const eventually = polling({ everyMs: 1000 });

interface Delivery {
  app: string;
  revision: string;
}

let dir: string;
let nodeIp: string;
let git: GitRepo;
let sim: KubeSim;
let receiver: Server;
const deliveries: Delivery[] = [];
const timings: string[] = [];

async function tool(cmd: string, args: string[], allowFail = false): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(cmd, args, { env: { ...process.env, KUBECONFIG: realKubeconfigPath() }, maxBuffer: 32 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (!allowFail) throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr ?? ''}${e.stdout ?? ''}`);
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
const kubectl = (...args: string[]): Promise<CliResult> => tool('kubectl', args);
const cliEnv = (): Record<string, string> => ({ FLOTILLA_CONFIG: join(dir, 'cli-config'), KUBECONFIG: join(dir, 'spokes.kubeconfig') });
let adminPassword = '';
async function cli(...args: string[]): Promise<string> {
  const res = await runCli(args, cliEnv());
  const shown = args.map((a) => (adminPassword && a === adminPassword ? '********' : a));
  if (res.code !== 0) throw new Error(`flotilla ${shown.join(' ')} exited ${res.code}\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}
async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const out = await fn();
  timings.push(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

function values(webhook: string): string {
  const [repository, tag] = IMAGE.split(/:(?=[^:/]+$)/);
  const [redisRepository, redisTag] = REDIS_IMAGE.split(/:(?=[^:/]+$)/);
  return stringify({
    global: { image: { repository, tag, imagePullPolicy: 'Never' } },
    controller: { replicas: 2 },
    server: { replicas: 2, service: { type: 'NodePort', nodePortHttp: API_NODE_PORT } },
    repoServer: { replicas: 2 },
    applicationSet: { replicas: 2 },
    notifications: {
      replicas: 2,
      notifiers: { 'service.webhook.e2e': stringify({ url: webhook, headers: [{ name: 'Content-Type', value: 'application/json' }] }) },
      templates: {
        'template.app-sync-succeeded': stringify({
          webhook: { e2e: { method: 'POST', body: '{"app": "{{.app.metadata.name}}", "revision": "{{.app.status.operationState.syncResult.revision}}"}' } },
        }),
      },
      triggers: { 'trigger.on-sync-succeeded': stringify([{ when: "app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']", send: ['app-sync-succeeded'] }]) },
    },
    redis: { image: { repository: redisRepository, tag: redisTag, imagePullPolicy: 'Never' } },
    'redis-ha': { enabled: true },
  });
}

function application(name: string, server: string, namespace: string): string {
  return stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: NS, annotations: { 'notifications.argoproj.io/subscribe.on-sync-succeeded.e2e': '' } },
    spec: {
      project: 'default',
      source: { repoURL: git.url, path: 'guestbook', targetRevision: 'main' },
      destination: { server, namespace },
      syncPolicy: { syncOptions: ['CreateNamespace=true'] },
    },
  });
}

/** The Redis pod Sentinel made master (redis-ha): the one to lose mid-sync. */
async function redisMaster(): Promise<string> {
  const pods = (await kubectl('get', 'pods', '-n', NS, '-l', `app.kubernetes.io/name=${RELEASE}-redis-ha`, '-o', 'jsonpath={.items[*].metadata.name}')).stdout.split(' ');
  for (const pod of pods) {
    const info = await kubectl('exec', '-n', NS, pod, '-c', 'redis', '--', 'redis-cli', 'info', 'replication');
    if (/role:master/.test(info.stdout)) return pod;
  }
  throw new Error(`no Redis master among ${pods.join(', ')}`);
}

async function uninstall(): Promise<void> {
  await tool('helm', ['uninstall', RELEASE, '--namespace', NS, '--wait'], true);
  await tool('kubectl', ['delete', 'namespace', NS, 'e2e-guestbook', '--ignore-not-found', '--wait=true'], true);
}

(REAL ? describe : describe.skip)('Flotilla installed with its chart on the real cluster', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'real-install-'));
    nodeIp = new URL(realClusterAccess('real').url).hostname;
    await uninstall();
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        deliveries.push(JSON.parse(body) as Delivery);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '0.0.0.0', r));
    // Pods reach the host through the node's address: git, the kube-sim spoke and the webhook listen there.
    git = await startGitRepo(dir, 'guestbook', { host: '0.0.0.0', advertise: nodeIp });
    git.commit({ 'guestbook/deployment.yaml': guestbookDeployment(1, E2E_IMAGE) }, 'guestbook');
    sim = await startKubeSim({ name: 'sim', host: '0.0.0.0', tls: false, timing: { podStartMs: 500 } });
    const port = new URL(sim.url).port;
    writeFileSync(join(dir, 'spokes.kubeconfig'), renderKubeconfig([{ name: 'sim', url: `http://${nodeIp}:${port}`, token: sim.adminToken, insecure: true }]));
    writeFileSync(join(dir, 'values.yaml'), values(`http://${nodeIp}:${(receiver.address() as AddressInfo).port}/hook`));
  });

  afterAll(async () => {
    console.log(`real-install timings:\n  ${timings.join('\n  ')}`);
    await uninstall();
    await sim?.stop();
    await git?.stop();
    await new Promise((r) => receiver?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('installs with helm: two replicas of every component and Redis with Sentinel, every pod Ready', async () => {
    await timed('helm install --wait', () =>
      tool('helm', ['install', RELEASE, CHART, '--namespace', NS, '--create-namespace', '-f', join(dir, 'values.yaml'), '--wait', '--timeout', '10m']),
    );
    for (const [kind, name, replicas] of WORKLOADS) {
      const ready = await kubectl('get', kind, name, '-n', NS, '-o', 'jsonpath={.status.readyReplicas}/{.spec.replicas}');
      expect(`${name} ${ready.stdout}`).toBe(`${name} ${replicas}/${replicas}`);
    }
    const pods = await kubectl('get', 'pods', '-n', NS, '-o', 'jsonpath={range .items[*]}{.metadata.name} {.status.containerStatuses[0].ready}{"\\n"}{end}');
    expect(pods.stdout.trim().split('\n').filter((l) => !l.endsWith(' true'))).toEqual([]);
  });

  it('syncs an Application to in-cluster and one to a kube-sim spoke added with cluster add', async () => {
    const secret = await kubectl('get', 'secret', 'argocd-initial-admin-secret', '-n', NS, '-o', 'jsonpath={.data.password}');
    adminPassword = Buffer.from(secret.stdout, 'base64').toString();
    await cli('login', `${nodeIp}:${API_NODE_PORT}`, '--plaintext', '--username', 'admin', '--password', adminPassword);
    await cli('cluster', 'add', 'sim', '--name', 'sim', '--yes');
    writeFileSync(join(dir, 'apps.yaml'), [application(APPS[0], 'https://kubernetes.default.svc', 'e2e-guestbook'), application(APPS[1], `http://${nodeIp}:${new URL(sim.url).port}`, 'guestbook')].join('---\n'));
    await kubectl('apply', '-n', NS, '-f', join(dir, 'apps.yaml'));
    await timed('first sync of both apps', async () => {
      for (const app of APPS) await eventually(() => cli('app', 'get', app, '-o', 'json'), (out) => (JSON.parse(out) as Application).status?.sync?.status === 'OutOfSync', `${app} OutOfSync`, 120_000);
      await cli('app', 'sync', ...APPS, '--timeout', '300');
      await cli('app', 'wait', ...APPS, '--sync', '--health', '--timeout', '300');
    });
    const live = await kubectl('get', 'deployment', 'guestbook-ui', '-n', 'e2e-guestbook', '-o', 'jsonpath={.status.readyReplicas}');
    expect(live.stdout).toBe('1');
  });

  it('a sync survives one pod of each component and the Redis master being deleted, with one notification per sync', async () => {
    // A PreSync Job that runs 20 s holds the sync open while the pods go.
    const migrate = jobYaml({ name: 'migrate', runMs: 20_000, metadataAnnotations: { 'argocd.argoproj.io/hook': 'PreSync' } });
    const sha = git.commit({ 'guestbook/deployment.yaml': guestbookDeployment(2, E2E_IMAGE), 'guestbook/migrate.yaml': migrate }, 'two replicas, after a migration');
    for (const app of APPS) await cli('app', 'get', app, '--refresh');
    await cli('app', 'sync', ...APPS, '--async');
    await eventually(
      async () => Promise.all(APPS.map(async (app) => JSON.parse(await cli('app', 'get', app, '-o', 'json')) as Application)),
      (apps) => apps.every((a) => a.status?.operationState?.phase === 'Running'),
      'both syncs running',
      60_000,
    );
    await timed('delete one pod of each component and the Redis master', async () => {
      for (const [, , , label] of WORKLOADS) {
        const pod = label.endsWith('redis-ha') ? await redisMaster() : (await kubectl('get', 'pods', '-n', NS, '-l', `app.kubernetes.io/name=${label}`, '-o', 'jsonpath={.items[0].metadata.name}')).stdout;
        if (pod) await kubectl('delete', 'pod', pod, '-n', NS, '--wait=false');
      }
    });
    await timed('the sync completes after the deletions', () =>
      eventually(
        async () => Promise.all(APPS.map(async (app) => JSON.parse(await cli('app', 'get', app, '-o', 'json')) as Application)),
        (apps) => apps.every((a) => a.status?.sync?.status === 'Synced' && a.status.sync.revision === sha && a.status.health?.status === 'Healthy'),
        'both apps Synced and Healthy at the new revision',
        600_000,
      ),
    );
    expect((await kubectl('get', 'deployment', 'guestbook-ui', '-n', 'e2e-guestbook', '-o', 'jsonpath={.spec.replicas}')).stdout).toBe('2');
    for (const app of APPS) {
      const done = JSON.parse(await cli('app', 'get', app, '-o', 'json')) as Application;
      expect(done.status?.operationState?.syncResult?.resources?.find((r) => r.name === 'migrate')).toMatchObject({ hookType: 'PreSync', hookPhase: 'Succeeded' });
    }
    // One notification per successful sync: two per app, never one twice.
    await eventually(() => Promise.resolve(deliveries.length), (n) => n >= 4, 'four deliveries', 120_000);
    await new Promise((r) => setTimeout(r, 5000));
    for (const app of APPS) expect(deliveries.filter((d) => d.app === app).map((d) => d.revision).length).toBe(2);
    expect(deliveries.filter((d) => d.revision === sha)).toHaveLength(2);
  });
});
