// `flotilla app diff` through the real services: api-server, app-controller and repo-server as
// processes, a git repository served over HTTP, kube-sim hub and spoke, and Redis.
import { KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { Redis } from 'ioredis';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminKubeConfig, freePort, prepareHub, readyzOk, runFlotilla, startServiceProcess, type CliResult, type ServiceProcess } from '../testing/flotilla-cli.harness';

jest.setTimeout(90_000);

const NS = `diff-${randomBytes(3).toString('hex')}`;
const PREFIX = `spec-${NS}`;
const configMap = (name: string, greeting: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {greeting: ${greeting}}\n`;

let dir: string;
let hub: KubeSim;
let spoke: KubeSim;
let gitServer: GitHttpServer;
let services: ServiceProcess[] = [];
let env: Record<string, string>;
let spokeObjects: KubernetesObjectApi;
let repoURL: string;
let commit: (files: Record<string, string | null>, message: string) => void;

const logs = (): string => services.map((s) => s.output().slice(-2000)).join('\n---\n');
const flotilla = (...args: string[]): Promise<CliResult> => runFlotilla(args, env);
const ok = async (...args: string[]): Promise<CliResult> => {
  const res = await flotilla(...args);
  if (res.code !== 0) throw new Error(`flotilla ${args.join(' ')} exited ${res.code}\nstdout: ${res.stdout}\nstderr: ${res.stderr}\nservices:\n${logs()}`);
  return res;
};

/** `app diff` once its answer passes `check`: the controller compares shortly after each change. */
async function diffUntil(check: (res: CliResult) => void, ...flags: string[]): Promise<CliResult> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await flotilla('app', 'diff', 'cm', ...flags);
    try {
      check(res);
      return res;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${(err as Error).message}\nlast answer: ${JSON.stringify(res)}\nservices:\n${logs()}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/** A bare repository served over HTTP and a working copy that pushes to it; a null content deletes the file. */
function gitRepo(root: string): (files: Record<string, string | null>, message: string) => void {
  const bare = join(root, 'served', 'apps.git');
  const work = join(root, 'work');
  const gitEnv = { PATH: process.env.PATH ?? '', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
  const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' }).trim();
  mkdirSync(bare, { recursive: true });
  mkdirSync(join(work, 'app'), { recursive: true });
  git(bare, 'init', '-q', '--bare', '-b', 'main');
  git(work, 'init', '-q', '-b', 'main');
  git(work, 'remote', 'add', 'origin', bare);
  return (files, message) => {
    for (const [path, content] of Object.entries(files)) {
      if (content === null) rmSync(join(work, path));
      else writeFileSync(join(work, path), content);
    }
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', message);
    git(work, 'push', '-q', 'origin', 'main');
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-diff-'));
  commit = gitRepo(join(dir, 'git'));
  commit({ 'app/settings.yaml': configMap('settings', 'hello'), 'app/extra.yaml': configMap('extra', 'bye') }, 'two ConfigMaps');
  [hub, spoke, gitServer] = await Promise.all([startKubeSim({ name: 'hub' }), startKubeSim({ name: 'spoke' }), startGitHttpServer({ root: join(dir, 'git', 'served') })]);
  repoURL = `${gitServer.url}/apps.git`;
  await prepareHub(hub, NS);
  const hubObjects = KubernetesObjectApi.makeApiClient(adminKubeConfig(hub));
  spokeObjects = KubernetesObjectApi.makeApiClient(adminKubeConfig(spoke));
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

describe('app diff against running services', () => {
  it('shows resources not created yet against nothing, and exits 1', async () => {
    await ok('app', 'create', 'cm', '--repo', repoURL, '--path', 'app', '--dest-server', spoke.access().url, '--dest-namespace', 'demo', '--sync-option', 'CreateNamespace=true');
    const res = await diffUntil((r) => expect(r.stdout).toContain('===== /ConfigMap demo/settings ======'));
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('\n===== /ConfigMap demo/extra ======\n--- extra-live.yaml\n+++ extra\n@@ -0,0 +1,');
    expect(res.stdout).toMatch(/^\+ {2}greeting: hello$/m);
  });

  it('prints nothing and exits 0 once synced', async () => {
    await ok('app', 'sync', 'cm', '--timeout', '30');
    await diffUntil((r) => expect(r).toMatchObject({ code: 0, stdout: '' }));
  });

  it('shows the field changed in the live object and a resource removed from git, and exits 0 with --exit-code=false', async () => {
    const edit = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'demo' }, data: { greeting: 'hey' } };
    await spokeObjects.patch(edit, undefined, undefined, 'someone', undefined, PatchStrategy.MergePatch);
    commit({ 'app/extra.yaml': null }, 'drop extra');
    const res = await diffUntil((r) => expect(r.stdout).toMatch(/===== \/ConfigMap demo\/extra ======[^]*===== \/ConfigMap demo\/settings ======/), '--refresh');
    expect(res.code).toBe(1);
    const [, extra, settings] = res.stdout.split(/\n(?======)/);
    // The ConfigMap to prune, against nothing.
    expect(extra).toMatch(/^===== \/ConfigMap demo\/extra ======\n--- extra-live\.yaml\n\+\+\+ extra\n@@ -1,\d+ \+0,0 @@\n/);
    expect(extra).toMatch(/^- {2}greeting: bye$/m);
    // The edited one: only the changed field, live on the minus side.
    expect(settings).toMatch(/^===== \/ConfigMap demo\/settings ======\n--- settings-live\.yaml\n\+\+\+ settings\n@@ [-+,\d ]+ @@\n/);
    expect(settings).toContain('\n-  greeting: hey\n+  greeting: hello\n');
    expect(settings.match(/^[-+] /gm)).toHaveLength(2);
    expect(await flotilla('app', 'diff', 'cm', '--exit-code=false')).toMatchObject({ code: 0, stdout: res.stdout });
  });

  it('prints nothing again once synced with prune', async () => {
    await ok('app', 'sync', 'cm', '--prune', '--timeout', '30');
    await diffUntil((r) => expect(r).toMatchObject({ code: 0, stdout: '' }));
  });
});
