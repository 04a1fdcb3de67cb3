// `flotilla app history|rollback|terminate-op` through the real services: api-server, app-controller
// and repo-server as processes, a git repository served over HTTP, kube-sim hub and spoke, and Redis.
import { CoreV1Api, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import type { Application } from '@flotilla/api-types';
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { Redis } from 'ioredis';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { adminKubeConfig, freePort, prepareHub, readyzOk, runFlotilla, startServiceProcess, type CliResult, type ServiceProcess } from '../testing/flotilla-cli.harness';

jest.setTimeout(120_000);

const NS = `rollback-${randomBytes(3).toString('hex')}`;
const PREFIX = `spec-${NS}`;
const configMap = (greeting: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {greeting: ${greeting}}\n`;
// Wave 0 never becomes healthy (its pod takes ten minutes to start), so the sync waits before wave 1.
const slowDeployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: slow}',
  'spec:',
  '  selector: {matchLabels: {app: slow}}',
  '  template:',
  '    metadata: {labels: {app: slow}, annotations: {kube-sim.flotilla.dev/start-ms: "600000"}}',
  '    spec: {containers: [{name: slow, image: "nginx:1.27"}]}',
  '',
].join('\n');
const laterConfigMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: later, annotations: {argocd.argoproj.io/sync-wave: "1"}}\ndata: {x: y}\n';

let dir: string;
let hub: KubeSim;
let spoke: KubeSim;
let gitServer: GitHttpServer;
let services: ServiceProcess[] = [];
let env: Record<string, string>;
let hubObjects: KubernetesObjectApi;
let spokeCore: CoreV1Api;
let repoURL: string;
let commit: (files: Record<string, string>, message: string) => string;

const logs = (): string => services.map((s) => s.output().slice(-2000)).join('\n---\n');
const flotilla = (...args: string[]): Promise<CliResult> => runFlotilla(args, env);
const ok = async (...args: string[]): Promise<CliResult> => {
  const res = await flotilla(...args);
  if (res.code !== 0) throw new Error(`flotilla ${args.join(' ')} exited ${res.code}\nstdout: ${res.stdout}\nstderr: ${res.stderr}\nservices:\n${logs()}`);
  return res;
};
const appRef = (name: string) => ({ apiVersion: 'argoproj.io/v1alpha1' as const, kind: 'Application' as const, metadata: { name, namespace: NS } });
const readApp = (name: string) => hubObjects.read<KubernetesObject & Application>(appRef(name));
const patchApp = (name: string, patch: Record<string, unknown>) =>
  hubObjects.patch({ ...appRef(name), ...patch }, undefined, undefined, 'rollback-spec', undefined, PatchStrategy.MergePatch);
const greeting = async (): Promise<string | undefined> => (await spokeCore.readNamespacedConfigMap({ name: 'settings', namespace: 'demo' })).data?.greeting;

async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** A bare repository served over HTTP and a working copy that pushes to it. */
function gitRepo(root: string): (files: Record<string, string>, message: string) => string {
  const bare = join(root, 'served', 'apps.git');
  const work = join(root, 'work');
  const gitEnv = { PATH: process.env.PATH ?? '', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
  const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' }).trim();
  mkdirSync(bare, { recursive: true });
  mkdirSync(work, { recursive: true });
  git(bare, 'init', '-q', '--bare', '-b', 'main');
  git(work, 'init', '-q', '-b', 'main');
  git(work, 'remote', 'add', 'origin', bare);
  return (files, message) => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), content);
    }
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', message);
    git(work, 'push', '-q', 'origin', 'main');
    return git(work, 'rev-parse', 'HEAD');
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-rollback-'));
  commit = gitRepo(join(dir, 'git'));
  [hub, spoke, gitServer] = await Promise.all([
    startKubeSim({ name: 'hub' }),
    startKubeSim({ name: 'spoke' }),
    startGitHttpServer({ root: join(dir, 'git', 'served') }),
  ]);
  repoURL = `${gitServer.url}/apps.git`;
  await prepareHub(hub, NS);
  hubObjects = KubernetesObjectApi.makeApiClient(adminKubeConfig(hub));
  spokeCore = adminKubeConfig(spoke).makeApiClient(CoreV1Api);
  const access = spoke.access();
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  await hubObjects.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'cluster-spoke', namespace: NS, labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
    data: { name: b64('spoke'), server: b64(access.url), config: b64(JSON.stringify({ bearerToken: access.token, tlsClientConfig: { caData: access.caData } })) },
  } as KubernetesObject);
  writeFileSync(join(dir, 'hub.kubeconfig'), hub.kubeconfig());

  const [apiPort, apiOps, repoPort, repoOps, controllerOps] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const common = { FLOTILLA_KUBECONFIG: join(dir, 'hub.kubeconfig'), FLOTILLA_NAMESPACE: NS, FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379', FLOTILLA_QUEUE_PREFIX: PREFIX, FLOTILLA_LOG_LEVEL: 'warn' };
  const started = await Promise.allSettled([
    startServiceProcess(
      'repo-server',
      'services/repo-server/src/main.ts',
      { ...common, FLOTILLA_REPO_SERVER_PORT: String(repoPort), FLOTILLA_REPO_SERVER_OPS_PORT: String(repoOps), FLOTILLA_REPO_CACHE_DIR: join(dir, 'repo-cache') },
      readyzOk(repoOps),
    ),
    startServiceProcess(
      'api-server',
      'services/api-server/src/main.ts',
      { ...common, FLOTILLA_REPO_SERVER: `127.0.0.1:${repoPort}`, FLOTILLA_API_PORT: String(apiPort), FLOTILLA_OPS_PORT: String(apiOps) },
      async () => (await fetch(`http://127.0.0.1:${apiPort}/api/version`)).ok,
    ),
    startServiceProcess(
      'app-controller',
      'services/app-controller/src/main.ts',
      { ...common, FLOTILLA_REPO_SERVER: `127.0.0.1:${repoPort}`, FLOTILLA_OPS_PORT: String(controllerOps), FLOTILLA_APP_RESYNC_SECONDS: '60' },
      readyzOk(controllerOps),
    ),
  ]);
  services = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  for (const s of started) if (s.status === 'rejected') throw s.reason;

  env = { HOME: dir, FLOTILLA_CONFIG: join(dir, 'flotilla', 'config') };
  const secret = await hubObjects.read<KubernetesObject & { data: Record<string, string> }>({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'argocd-initial-admin-secret', namespace: NS } });
  await ok('login', `127.0.0.1:${apiPort}`, '--plaintext', '--username', 'admin', '--password', Buffer.from(secret.data.password, 'base64').toString('utf8'));
}, 90_000);

afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await Promise.all([hub?.stop(), spoke?.stop(), gitServer?.stop()]);
  const redis = new Redis('redis://127.0.0.1:6379');
  const keys = [
    ...(await redis.keys(`${PREFIX}:*`)),
    ...(await redis.keys(`flotilla:app:${NS}/*`)),
    ...(await redis.keys(`flotilla:session:${NS}:*`)),
    ...(spoke ? [`${PREFIX}:cluster:${spoke.url}:info`] : []),
  ];
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('app history, rollback and terminate-op against running services', () => {
  let shaA: string;
  let shaB: string;

  it('syncs commit A, then commit B, and lists both deployments in history', async () => {
    shaA = commit({ 'app/configmap.yaml': configMap('from-A') }, 'A');
    await ok('app', 'create', 'cm', '--repo', repoURL, '--path', 'app', '--dest-server', spoke.access().url, '--dest-namespace', 'demo', '--sync-option', 'CreateNamespace=true');
    await ok('app', 'sync', 'cm', '--timeout', '30');
    expect(await greeting()).toBe('from-A');

    shaB = commit({ 'app/configmap.yaml': configMap('from-B') }, 'B');
    await ok('app', 'sync', 'cm', '--timeout', '30');
    expect(await greeting()).toBe('from-B');

    const table = (await ok('app', 'history', 'cm')).stdout.split('\n');
    expect(table[0]).toBe(`SOURCE  ${repoURL}`);
    expect(table[1]).toMatch(/^ID +DATE +REVISION$/);
    expect(table[2]).toMatch(new RegExp(`^0 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+0000 UTC +HEAD \\(${shaA.slice(0, 7)}\\)$`));
    expect(table[3]).toMatch(new RegExp(`^1 +.* +HEAD \\(${shaB.slice(0, 7)}\\)$`));
    expect(table.slice(4)).toEqual(['']);
    const json = JSON.parse((await ok('app', 'history', 'cm', '-o', 'json')).stdout);
    expect(json.map((h: { id: number; revision: string }) => [h.id, h.revision])).toEqual([
      [0, shaA],
      [1, shaB],
    ]);
  });

  it("rolls back to A: the live ConfigMap holds A's value again, and the app is OutOfSync with HEAD", async () => {
    const res = await ok('app', 'rollback', 'cm', '0', '--timeout', '30');
    expect(res.stdout).toContain('Phase:              Succeeded\n');
    expect(await greeting()).toBe('from-A');
    const app = await readApp('cm');
    expect(app.status?.operationState).toMatchObject({ phase: 'Succeeded', syncResult: { revision: shaA }, operation: { sync: { revision: shaA }, initiatedBy: { username: 'admin' } } });
    expect(app.status?.history?.map((h) => [h.id, h.revision])).toEqual([
      [0, shaA],
      [1, shaB],
      [2, shaA],
    ]);
    await eventually(async () => expect((await readApp('cm')).status?.sync).toMatchObject({ status: 'OutOfSync', revision: shaB }));
  });

  it('rolls back to the deployment before the latest when no id is given', async () => {
    // History is now A, B, A: the one before the latest is B.
    await ok('app', 'rollback', 'cm', '--timeout', '30');
    expect(await greeting()).toBe('from-B');
    expect((await readApp('cm')).status?.operationState?.syncResult?.revision).toBe(shaB);
  });

  it('refuses a rollback while auto-sync is enabled, and one to an id not in history', async () => {
    const missing = await flotilla('app', 'rollback', 'cm', '42');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^FATA\[\d{4}\] Application 'cm' does not have deployment id '42' in history$/m);
    await patchApp('cm', { spec: { syncPolicy: { automated: {}, syncOptions: ['CreateNamespace=true'] } } });
    const refused = await flotilla('app', 'rollback', 'cm', '0');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^FATA\[\d{4}\] rpc error: code = FailedPrecondition desc = rollback cannot be initiated when auto-sync is enabled$/m);
  });

  it('terminates a sync that waits on a wave, and says when there is nothing to terminate', async () => {
    commit({ 'slow/deployment.yaml': slowDeployment, 'slow/later.yaml': laterConfigMap }, 'slow app');
    await ok('app', 'create', 'slow', '--repo', repoURL, '--path', 'slow', '--dest-server', spoke.access().url, '--dest-namespace', 'slow', '--sync-option', 'CreateNamespace=true');
    const none = await flotilla('app', 'terminate-op', 'slow');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/rpc error: code = FailedPrecondition desc = Unable to terminate operation\. No operation is in progress$/m);

    await ok('app', 'sync', 'slow', '--async');
    // Terminated as soon as it runs: the controller notices while wave 0 is still starting.
    await eventually(async () => expect((await readApp('slow')).status?.operationState?.phase).toBe('Running'));
    expect((await ok('app', 'terminate-op', 'slow')).stdout).toBe("Application 'slow' operation terminating\n");
    const app = await eventually(async () => {
      const a = await readApp('slow');
      expect(a.operation).toBeUndefined();
      expect(a.status?.operationState).toMatchObject({ phase: 'Failed', message: 'Operation terminated' });
      return a;
    });
    expect(app.status?.history ?? []).toEqual([]);
    expect(app.status?.operationState?.syncResult?.resources?.map((r) => `${r.kind}/${r.name}:${r.status}`)).toEqual(['Namespace/slow:Synced', 'Deployment/slow:Synced']);
    // Wave 0 was applied and wave 1 never ran.
    await expect(spokeCore.readNamespace({ name: 'slow' })).resolves.toBeDefined();
    await expect(spokeCore.readNamespacedConfigMap({ name: 'later', namespace: 'slow' })).rejects.toMatchObject({ code: 404 });
  });
});
