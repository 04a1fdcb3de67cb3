// `flotilla` end to end: the real binary as a subprocess, the real api-server and repo-server
// processes, a git repository served over HTTP, a kube-sim hub and spoke over HTTPS, and the shared Redis.
import { CoreV1Api, KubernetesObjectApi, PatchStrategy, RbacAuthorizationV1Api, type KubernetesObject } from '@kubernetes/client-node';
import type { Application } from '@flotilla/api-types';
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import * as grpc from '@grpc/grpc-js';
import { contracts } from '@flotilla/contracts';
import { appTreeKey } from '@flotilla/api-types';
import { AppsV1Api } from '@kubernetes/client-node';
import { Redis } from 'ioredis';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  adminKubeConfig,
  createAppsRepository,
  freePort,
  prepareHub,
  readyzOk,
  runFlotilla,
  runFlotillaIntoHead,
  startFlotilla,
  startServiceProcess,
  type CliResult,
  type ServiceProcess,
} from './testing/flotilla-cli.harness';

jest.setTimeout(180_000);

const NS = 'argocd';
let hub: KubeSim;
let spoke: KubeSim;
let api: ServiceProcess;
let apiAddress: string;
let repoServer: ServiceProcess | undefined;
let gitServer: GitHttpServer;
/** The served apps repository, and its `main` branch's commit. */
let repoURL: string;
let mainSha: string;
let dir: string;
let env: Record<string, string>;
let hubObjects: KubernetesObjectApi;
let hubCore: CoreV1Api;

const flotilla = (...args: string[]): Promise<CliResult> => runFlotilla(args, env);
const ok = async (...args: string[]): Promise<CliResult> => {
  const res = await flotilla(...args);
  if (res.code !== 0) throw new Error(`flotilla ${args.join(' ')} exited ${res.code}\nstdout: ${res.stdout}\nstderr: ${res.stderr}\napi-server: ${api.output().slice(-3000)}\nrepo-server: ${repoServer?.output().slice(-2000)}`);
  return res;
};

const appRef = (name: string) => ({ apiVersion: 'argoproj.io/v1alpha1' as const, kind: 'Application' as const, metadata: { name, namespace: NS } });
const readApp = (name: string) => hubObjects.read<KubernetesObject & Application>(appRef(name));
const patchApp = (name: string, patch: Record<string, unknown>) =>
  hubObjects.patch({ ...appRef(name), ...patch }, undefined, undefined, 'flotilla-cli-spec', undefined, PatchStrategy.MergePatch);

async function grpcReady(port: number): Promise<boolean> {
  const VersionService = contracts().version.VersionService;
  const client = new VersionService(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  try {
    await new Promise<void>((resolve, reject) => client.waitForReady(Date.now() + 1000, (err) => (err ? reject(err) : resolve())));
    return true;
  } finally {
    client.close();
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-cli-e2e-'));
  const gitRoot = join(dir, 'git');
  mkdirSync(gitRoot);
  [[hub, spoke], mainSha, gitServer] = await Promise.all([
    Promise.all([startKubeSim({ name: 'hub' }), startKubeSim({ name: 'spoke' })]),
    createAppsRepository(gitRoot, 'apps', { guestbook: 'guestbook-ui', api: 'api' }),
    startGitHttpServer({ root: gitRoot }),
  ]);
  repoURL = `${gitServer.url}/apps.git`;
  await prepareHub(hub, NS);
  hubObjects = KubernetesObjectApi.makeApiClient(adminKubeConfig(hub));
  hubCore = adminKubeConfig(hub).makeApiClient(CoreV1Api);
  writeFileSync(join(dir, 'hub.kubeconfig'), hub.kubeconfig());
  writeFileSync(join(dir, 'kubeconfig'), spoke.kubeconfig());

  const [port, opsPort, repoPort, repoOpsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  apiAddress = `127.0.0.1:${port}`;
  // Both start at once; the api-server dials repo-server only when a sync resolves a revision.
  const [repo, apiServer] = await Promise.allSettled([
    startServiceProcess(
      'repo-server',
      'services/repo-server/src/main.ts',
      {
        FLOTILLA_REPO_SERVER_PORT: String(repoPort),
        FLOTILLA_REPO_SERVER_OPS_PORT: String(repoOpsPort),
        FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379',
        FLOTILLA_REPO_CACHE_DIR: join(dir, 'repo-cache'),
        FLOTILLA_LOG_LEVEL: 'warn',
      },
      readyzOk(repoOpsPort),
    ),
    startServiceProcess(
      'api-server',
      'services/api-server/src/main.ts',
      {
        FLOTILLA_KUBECONFIG: join(dir, 'hub.kubeconfig'),
        FLOTILLA_NAMESPACE: NS,
        FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379',
        FLOTILLA_REPO_SERVER: `127.0.0.1:${repoPort}`,
        FLOTILLA_API_PORT: String(port),
        FLOTILLA_OPS_PORT: String(opsPort),
        FLOTILLA_LOG_LEVEL: 'warn',
        FLOTILLA_REFRESH_TIMEOUT_SECONDS: '2',
      },
      () => grpcReady(port),
    ),
  ]);
  if (repo.status === 'fulfilled') repoServer = repo.value;
  if (apiServer.status === 'fulfilled') api = apiServer.value;
  for (const started of [repo, apiServer]) if (started.status === 'rejected') throw started.reason;
  env = { HOME: dir, FLOTILLA_CONFIG: join(dir, 'flotilla', 'config'), KUBECONFIG: join(dir, 'kubeconfig') };
});

afterAll(async () => {
  await Promise.all([api?.stop(), repoServer?.stop()]);
  await Promise.all([hub?.stop(), spoke?.stop(), gitServer?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

async function adminPassword(): Promise<string> {
  const secret = await hubCore.readNamespacedSecret({ name: 'argocd-initial-admin-secret', namespace: NS });
  return Buffer.from(secret.data!.password, 'base64').toString('utf8');
}

describe('flotilla against a running api-server', () => {
  it('says which server it cannot reach', async () => {
    const res = await flotilla('--server', '127.0.0.1:1', '--plaintext', 'app', 'list');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^FATA\[\d{4}\] Failed to establish connection to 127\.0\.0\.1:1: .*ECONNREFUSED/m);
  });

  it('notices a server without TLS before sending a password to it', async () => {
    const res = await flotilla('login', apiAddress, '--username', 'admin', '--password', 'whatever');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`^FATA\\[\\d{4}\\] server ${apiAddress} is not configured with TLS: pass --plaintext to connect without it$`, 'm'));
  });

  it('refuses a wrong password and stores nothing', async () => {
    const res = await flotilla('login', apiAddress, '--plaintext', '--username', 'admin', '--password', 'wrong');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^FATA\[\d{4}\] rpc error: code = Unauthenticated desc = /m);
    expect(() => statSync(env.FLOTILLA_CONFIG)).toThrow();
  });

  it('logs in and keeps the context in a 0600 config file', async () => {
    const res = await ok('login', apiAddress, '--plaintext', '--username', 'admin', '--password', await adminPassword());
    expect(res.stdout).toBe(`'admin' logged in successfully\nContext '${apiAddress}' updated\n`);
    expect(statSync(env.FLOTILLA_CONFIG).mode & 0o777).toBe(0o600);
    const config = parse(readFileSync(env.FLOTILLA_CONFIG, 'utf8'));
    expect(config).toMatchObject({ 'current-context': apiAddress, servers: [{ server: apiAddress, 'plain-text': true }], contexts: [{ name: apiAddress, server: apiAddress, user: apiAddress }] });
    expect(config.users[0]['auth-token']).toMatch(/^ey/);
    const contexts = (await ok('context')).stdout.split('\n');
    expect(contexts[0]).toMatch(/^CURRENT +NAME +SERVER$/);
    expect(contexts[1]).toBe(`*        ${apiAddress}  ${apiAddress}`);
  });

  it('adds a cluster the way argocd does: RBAC and token in the target, token in the hub Secret', async () => {
    const res = await ok('cluster', 'add', 'spoke', '--name', 'dev', '--label', 'env=dev', '--annotation', 'team=web', '--yes');
    expect(res.stdout).toBe(`Cluster '${spoke.url}' added\n`);
    expect(res.stderr).toMatch(/^INFO\[\d{4}\] ServiceAccount "argocd-manager" created in namespace "kube-system"$/m);
    expect(res.stderr).toMatch(/^INFO\[\d{4}\] ClusterRoleBinding "argocd-manager-role-binding" created$/m);

    const spokeKc = adminKubeConfig(spoke);
    const spokeCore = spokeKc.makeApiClient(CoreV1Api);
    const rbac = spokeKc.makeApiClient(RbacAuthorizationV1Api);
    await expect(spokeCore.readNamespacedServiceAccount({ name: 'argocd-manager', namespace: 'kube-system' })).resolves.toBeDefined();
    await expect(rbac.readClusterRole({ name: 'argocd-manager-role' })).resolves.toMatchObject({ rules: [{ verbs: ['*'] }, { nonResourceURLs: ['*'] }] });
    await expect(rbac.readClusterRoleBinding({ name: 'argocd-manager-role-binding' })).resolves.toMatchObject({ roleRef: { name: 'argocd-manager-role' } });
    const tokenSecret = await spokeCore.readNamespacedSecret({ name: 'argocd-manager-long-lived-token', namespace: 'kube-system' });
    const saToken = Buffer.from(tokenSecret.data!.token, 'base64').toString('utf8');
    expect(saToken.length).toBeGreaterThan(20);

    const secrets = await hubCore.listNamespacedSecret({ namespace: NS, labelSelector: 'argocd.argoproj.io/secret-type=cluster' });
    expect(secrets.items).toHaveLength(1);
    const data = Object.fromEntries(Object.entries(secrets.items[0].data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
    expect(data).toMatchObject({ name: 'dev', server: spoke.url });
    expect(JSON.parse(data.config)).toEqual({ bearerToken: saToken, tlsClientConfig: { caData: spoke.caData } });
    expect(secrets.items[0].metadata?.labels).toMatchObject({ env: 'dev' });
    expect(secrets.items[0].metadata?.annotations).toMatchObject({ team: 'web' });
    // The token never shows on the terminal.
    expect(res.stdout + res.stderr).not.toContain(saToken);
  });

  it("takes argocd's --flag=false spellings of boolean flags (cluster add --in-cluster=false)", async () => {
    const res = await ok('cluster', 'add', 'spoke', '--name', 'dev', '--label', 'env=dev', '--annotation', 'team=web', '--in-cluster=false', '--upsert=true', '-y');
    expect(res.stdout).toBe(`Cluster '${spoke.url}' added\n`);
    expect((await hubCore.listNamespacedSecret({ namespace: NS, labelSelector: 'argocd.argoproj.io/secret-type=cluster' })).items).toHaveLength(1);
  });

  it('lists and gets clusters without showing their credentials', async () => {
    const list = await ok('cluster', 'list');
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SERVER +NAME +VERSION +STATUS +MESSAGE +PROJECT$/);
    expect(lines.some((l) => l.startsWith(`${spoke.url}  `) && / dev /.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('https://kubernetes.default.svc ') && / in-cluster /.test(l))).toBe(true);
    expect((await ok('cluster', 'list', '-o', 'server')).stdout.split('\n')).toContain(spoke.url);

    const get = await ok('cluster', 'get', 'dev', '-o', 'json');
    const cluster = JSON.parse(get.stdout);
    expect(cluster).toMatchObject({ server: spoke.url, name: 'dev', labels: { env: 'dev' } });
    const secret = (await hubCore.listNamespacedSecret({ namespace: NS, labelSelector: 'argocd.argoproj.io/secret-type=cluster' })).items[0];
    const realToken = JSON.parse(Buffer.from(secret.data!.config, 'base64').toString()).bearerToken as string;
    expect(get.stdout).not.toContain(realToken);
    expect((await ok('cluster', 'get', spoke.url, '-o', 'wide')).stdout).toContain(`  Server URL:            ${spoke.url}\n`);
  });

  it("sets a cluster's labels and annotations by name, and rotates its ServiceAccount token, as argocd cluster set|rotate-auth do", async () => {
    expect((await ok('cluster', 'set', 'dev')).stdout).toBe('Specify the cluster field to be updated.\n');
    const set = await ok('cluster', 'set', 'dev', '--label', 'env=dev', '--label', 'tier=edge', '--annotation', 'team=web');
    expect(set.stdout).toBe("Cluster 'dev' updated.\n");
    expect(JSON.parse((await ok('cluster', 'get', 'dev', '-o', 'json')).stdout)).toMatchObject({ labels: { env: 'dev', tier: 'edge' }, annotations: { team: 'web' } });
    const bad = await flotilla('cluster', 'set', 'dev', '--label', 'novalue');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('label should have key=value format: novalue');

    const tokenOf = async () => {
      const secret = (await hubCore.listNamespacedSecret({ namespace: NS, labelSelector: 'argocd.argoproj.io/secret-type=cluster' })).items[0];
      return JSON.parse(Buffer.from(secret.data!.config, 'base64').toString()).bearerToken as string;
    };
    const before = await tokenOf();
    const rotated = await ok('cluster', 'rotate-auth', 'dev');
    expect(rotated.stdout).toBe("Cluster 'dev' rotated auth\n");
    const after = await tokenOf();
    expect(after).not.toBe(before);
    expect(rotated.stdout + rotated.stderr).not.toContain(after);
    // The token Secret argocd cluster add created is gone: its token no longer works.
    const spokeCore = adminKubeConfig(spoke).makeApiClient(CoreV1Api);
    await expect(spokeCore.readNamespacedSecret({ name: 'argocd-manager-long-lived-token', namespace: 'kube-system' })).rejects.toMatchObject({ code: 404 });
  });

  it('adds, lists, gets and removes repositories and credential templates in argocd columns, never printing a password', async () => {
    expect((await ok('repo', 'add', repoURL, '--name', 'apps')).stdout).toBe(`Repository '${repoURL}' added\n`);
    const list = (await ok('repo', 'list')).stdout.split('\n');
    expect(list[0]).toMatch(/^TYPE +NAME +REPO +INSECURE +OCI +LFS +CREDS +STATUS +MESSAGE +PROJECT$/);
    expect(list[1]).toMatch(new RegExp(`^git +apps +${escapeRegExp(repoURL)} +false +false +false +false`));
    expect(list[0].indexOf('REPO')).toBe(list[1].indexOf(repoURL));
    expect((await ok('repo', 'list', '-o', 'url')).stdout).toBe(`${repoURL}\n`);
    expect(JSON.parse((await ok('repo', 'get', repoURL, '-o', 'json')).stdout)).toMatchObject({ repo: repoURL, name: 'apps', type: 'git' });
    const missing = await flotilla('repo', 'get', `${repoURL}-none`);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain(`repo '${repoURL}-none' not found`);

    const prefix = `${gitServer.url}/`;
    const added = await ok('repocreds', 'add', prefix, '--username', 'bot', '--password', 'tmpl-secret-7');
    expect(added.stdout).toBe(`Repository credentials for '${prefix}' added\n`);
    const creds = await ok('repocreds', 'list');
    expect(creds.stdout).toBe(`URL PATTERN${' '.repeat(prefix.length - 9)}USERNAME  SSH_CREDS  TLS_CREDS\n${prefix}  bot       false      false\n`);
    expect(creds.stdout + added.stdout + added.stderr).not.toContain('tmpl-secret-7');
    expect(JSON.parse((await ok('repocreds', 'list', '-o', 'json')).stdout)).toEqual([{ url: prefix, username: 'bot', type: 'git' }]);
    expect((await ok('repocreds', 'rm', prefix, '-y')).stdout).toBe(`Repository credentials for '${prefix}' removed\n`);
    expect((await ok('repo', 'rm', repoURL, '-y')).stdout).toBe(`Repository '${repoURL}' removed\n`);
    expect((await ok('repo', 'list', '-o', 'url')).stdout).toBe('');
  });

  it('creates an Application from flags, and tells unchanged from updated', async () => {
    const args = ['app', 'create', 'guestbook', '--repo', repoURL, '--path', 'guestbook', '--dest-server', spoke.url, '--dest-namespace', 'default'];
    const more = ['--sync-option', 'CreateNamespace=true', '--label', 'team=web', '--validate=false'];
    expect((await ok(...args, ...more)).stdout).toBe("application 'guestbook' created\n");
    const live = await readApp('guestbook');
    expect(live.spec).toMatchObject({ project: 'default', source: { repoURL, path: 'guestbook' }, destination: { server: spoke.url, namespace: 'default' } });
    expect(live.spec.syncPolicy?.syncOptions).toEqual(['CreateNamespace=true']);
    expect(live.metadata.labels).toMatchObject({ team: 'web' });

    expect((await ok(...args, ...more)).stdout).toBe("application 'guestbook' unchanged\n");
    const conflict = await flotilla(...args, '--revision', 'main', ...more);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(/^FATA\[\d{4}\] rpc error: code = InvalidArgument desc = existing application spec is different, use upsert flag to force update/m);
    expect((await ok(...args, '--revision', 'main', '--upsert', ...more)).stdout).toBe("application 'guestbook' updated\n");
    expect((await readApp('guestbook')).spec.source?.targetRevision).toBe('main');
  });

  it('creates an Application from a manifest file', async () => {
    const file = join(dir, 'api.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata: {name: api, labels: {team: backend}}',
        'spec:',
        '  project: default',
        `  source: {repoURL: "${repoURL}", path: api, targetRevision: HEAD}`,
        `  destination: {name: dev, namespace: api}`,
      ].join('\n'),
    );
    expect((await ok('app', 'create', '-f', file, '--validate=false')).stdout).toBe("application 'api' created\n");
  });

  it('lists Applications in argocd columns, by name, by label and as JSON', async () => {
    const table = (await ok('app', 'list')).stdout.trimEnd().split('\n');
    expect(table[0]).toMatch(/^NAME +CLUSTER +NAMESPACE +PROJECT +STATUS +HEALTH +SYNCPOLICY +CONDITIONS +REPO +PATH +TARGET$/);
    const row = table.find((l) => l.startsWith('argocd/guestbook '))!;
    expect(row.split(/ {2,}/)).toEqual(['argocd/guestbook', spoke.url, 'default', 'default', 'Manual', '<none>', repoURL, 'guestbook', 'main'].filter(Boolean));
    // Columns line up: every row's CLUSTER starts where the header's does.
    const col = table[0].indexOf('CLUSTER');
    expect(table.slice(1).every((l) => l[col - 1] === ' ' && l[col] !== ' ')).toBe(true);

    expect((await ok('app', 'list', '-o', 'name')).stdout.split('\n').filter(Boolean).sort()).toEqual(['argocd/api', 'argocd/guestbook']);
    expect((await ok('app', 'list', '-o', 'name', '-l', 'team=backend')).stdout).toBe('argocd/api\n');
    const json = JSON.parse((await ok('app', 'list', '-o', 'json')).stdout) as Application[];
    expect(json.map((a) => a.metadata.name).sort()).toEqual(['api', 'guestbook']);
  });

  describe('with more output than a pipe holds (1 MiB of Applications)', () => {
    const selector = 'bulk=pipe';
    const names = Array.from({ length: 16 }, (_, i) => `bulk-${i}`);
    beforeAll(async () => {
      const padding = 'x'.repeat(64 * 1024);
      for (const name of names) {
        await hubObjects.create({
          ...appRef(name),
          metadata: { name, namespace: NS, labels: { bulk: 'pipe' }, annotations: { padding } },
          spec: { project: 'default', source: { repoURL, path: 'guestbook' }, destination: { server: spoke.url, namespace: 'default' } },
        } as KubernetesObject);
      }
    });
    afterAll(async () => {
      await Promise.all(names.map((name) => hubObjects.delete(appRef(name)).catch(() => undefined)));
    });

    it('writes all of `app list -o json` into a pipe before exiting', async () => {
      const res = await ok('app', 'list', '-o', 'json', '-l', selector);
      expect(res.stdout.length).toBeGreaterThan(1024 * 1024);
      expect((JSON.parse(res.stdout) as Application[]).map((a) => a.metadata.name).sort()).toEqual([...names].sort());
    });

    it('stops quietly when the reader closes the pipe early, like `| head -c 10`', async () => {
      const res = await runFlotillaIntoHead(['app', 'list', '-o', 'json', '-l', selector], env, 10);
      expect(res.stdout).toBe('[\n  {\n    ');
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
    });
  });

  it('gets an Application summary, and fails like argocd for a missing one', async () => {
    const res = await ok('app', 'get', 'guestbook');
    expect(res.stdout).toContain('Name:               argocd/guestbook\n');
    expect(res.stdout).toContain(`Server:             ${spoke.url}\n`);
    expect(res.stdout).toContain(`- Repo:             ${repoURL}\n`);
    expect(res.stdout).toContain('Sync Policy:        Manual\n');
    expect(JSON.parse((await ok('app', 'get', 'guestbook', '-o', 'json')).stdout).metadata.name).toBe('guestbook');

    const missing = await flotilla('app', 'get', 'missing');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^FATA\[\d{4}\] rpc error: code = NotFound desc = .*"missing" not found/m);
  });

  it('writes a sync operation, and refuses a second while one is running', async () => {
    expect((await ok('app', 'sync', 'guestbook', '--async', '--prune')).stdout).toBe('');
    const live = await readApp('guestbook');
    // The api-server resolved `main` through repo-server to the commit it syncs to.
    expect(live.operation?.sync).toMatchObject({ prune: true, revision: mainSha });
    const again = await flotilla('app', 'sync', 'guestbook', '--async');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/rpc error: code = FailedPrecondition desc = another operation is already in progress/);
    await patchApp('guestbook', { operation: null });
  });

  it('app wait times out with a clear message while the app is not synced', async () => {
    const res = await flotilla('app', 'wait', 'guestbook', '--sync', '--timeout', '2');
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('This is the state of the app after wait timed out:');
    expect(res.stderr).toMatch(/^FATA\[\d{4}\] timed out \(2s\) waiting for app "argocd\/guestbook" to match the expected conditions$/m);
  });

  it('app wait returns once the controller reports Synced and Healthy', async () => {
    const waiting = flotilla('app', 'wait', 'guestbook', '--timeout', '60');
    await new Promise((r) => setTimeout(r, 1500));
    // Stands in for the app-controller: it reports the comparison result on the Application's status.
    await patchApp('guestbook', {
      status: {
        sync: { status: 'Synced', revision: mainSha },
        health: { status: 'Healthy' },
        reconciledAt: new Date().toISOString(),
        resources: [{ group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'default', name: 'guestbook-ui', status: 'Synced', health: { status: 'Healthy' } }],
      },
    });
    const res = await waiting;
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^TIMESTAMP +GROUP +KIND +NAMESPACE +NAME +STATUS +HEALTH +HOOK +MESSAGE/m);
    expect(res.stdout).toContain(`Sync Status:        Synced to main (${mainSha.slice(0, 7)})\n`);
    expect(res.stdout).toMatch(/^apps +Deployment +default +guestbook-ui +Synced +Healthy/m);
  });

  it('app sync watches the operation and exits non-zero when it fails', async () => {
    const syncing = flotilla('app', 'sync', 'guestbook', '--timeout', '60');
    await eventually(async () => expect((await readApp('guestbook')).operation).toBeDefined());
    const startedAt = new Date().toISOString();
    // Stands in for the app-controller running the sync and failing it.
    await patchApp('guestbook', {
      operation: null,
      status: {
        reconciledAt: new Date(Date.now() + 1000).toISOString(),
        operationState: {
          operation: { sync: { revision: 'main' } },
          phase: 'Failed',
          message: 'one or more objects failed to apply, reason: Deployment.apps "guestbook-ui" is invalid',
          startedAt,
          finishedAt: new Date().toISOString(),
          syncResult: {
            revision: mainSha,
            resources: [{ group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'default', name: 'guestbook-ui', status: 'SyncFailed', message: 'is invalid' }],
          },
        },
      },
    });
    const res = await syncing;
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('Phase:              Failed\n');
    expect(res.stdout).toContain('Message:            one or more objects failed to apply, reason: Deployment.apps "guestbook-ui" is invalid\n');
    expect(res.stderr).toMatch(/^FATA\[\d{4}\] Operation has completed with phase: Failed$/m);
  });

  it('app wait follows the watch stream: each change prints as it happens, however briefly it lasts', async () => {
    const resource = (status: string, health: string) => ({ group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'default', name: 'guestbook-ui', status, health: { status: health } });
    const report = (health: string, res: ReturnType<typeof resource>) => patchApp('guestbook', { status: { health: { status: health }, resources: [res] } });
    await report('Progressing', resource('OutOfSync', 'Progressing'));
    const waiting = startFlotilla(['app', 'wait', 'guestbook', '--health', '--timeout', '60'], env);
    await waiting.waitForOutput(/guestbook-ui +OutOfSync +Progressing/);
    // This row can only come from the watch, so the stream is open from here on.
    await report('Progressing', resource('Synced', 'Progressing'));
    await waiting.waitForOutput(/guestbook-ui +Synced +Progressing/);
    // A state that lasts only until the next write: a poll would see the first and the last.
    await report('Progressing', resource('Synced', 'Suspended'));
    await report('Healthy', resource('Synced', 'Healthy'));
    const res = await waiting.done;
    expect(res.code).toBe(0);
    const rows = res.stdout.split('\n').filter((l) => / guestbook-ui +/.test(l) && !l.startsWith('apps ')).map((l) => l.split(/ +/).slice(5, 7).join(' '));
    expect(rows).toEqual(['OutOfSync Progressing', 'Synced Progressing', 'Synced Suspended']);
    // The state that met the condition is the final table's.
    expect(res.stdout).toMatch(/^apps +Deployment +default +guestbook-ui +Synced +Healthy/m);
  });

  it('app logs prints the lines of the pods under a Deployment as argocd does, and follows them', async () => {
    const apps = adminKubeConfig(spoke).makeApiClient(AppsV1Api);
    const core = adminKubeConfig(spoke).makeApiClient(CoreV1Api);
    const annotations = { 'kube-sim.flotilla.dev/logs': 'starting\nlistening', 'kube-sim.flotilla.dev/log-interval-ms': '250' };
    const deployment = await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'logs-web' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'logs-web' } },
          template: { metadata: { labels: { app: 'logs-web' }, annotations }, spec: { containers: [{ name: 'main', image: 'web:1' }] } },
        },
      },
    });
    let pods: Awaited<ReturnType<typeof core.listNamespacedPod>>['items'] = [];
    await eventually(async () => {
      pods = (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=logs-web' })).items.filter((p) => p.status?.phase === 'Running');
      expect(pods).toHaveLength(2);
    }, 30_000);
    const replicaSets = (await apps.listNamespacedReplicaSet({ namespace: 'default' })).items;
    const node = (kind: string, group: string, o: { metadata?: { name?: string; uid?: string; ownerReferences?: { kind: string; name: string; uid: string }[] } }) => ({
      group,
      version: 'v1',
      kind,
      namespace: 'default',
      name: o.metadata?.name,
      uid: o.metadata?.uid,
      parentRefs: (o.metadata?.ownerReferences ?? []).map((r) => ({ kind: r.kind, name: r.name, namespace: 'default', uid: r.uid })),
    });
    // What the app-controller would record as the app's resource tree.
    const redis = new Redis('redis://127.0.0.1:6379');
    const tree = { nodes: [node('Deployment', 'apps', deployment), ...replicaSets.map((rs) => node('ReplicaSet', 'apps', rs)), ...pods.map((p) => node('Pod', '', p))] };
    await redis.set(appTreeKey(NS, 'guestbook'), JSON.stringify(tree), 'EX', 600);
    try {
      const started = await ok('app', 'logs', 'guestbook', '--kind', 'Deployment', '--group', 'apps', '--name', 'logs-web', '--filter', '!TICK');
      expect(started.stdout.split('\n').filter(Boolean).sort()).toEqual(['listening', 'listening', 'starting', 'starting']);
      const tail = await ok('app', 'logs', 'guestbook', '--kind', 'Pod', '--name', pods[0].metadata!.name!, '--tail', '1', '-c', 'main');
      expect(tail.stdout).toMatch(/^tick \d+\n$/);
      const caseSensitive = await ok('app', 'logs', 'guestbook', '--kind', 'Deployment', '--filter', 'TICK', '--match-case');
      expect(caseSensitive.stdout).toBe('');

      const following = startFlotilla(['app', 'logs', 'guestbook', '--kind', 'Deployment', '--name', 'logs-web', '-f', '--tail', '1'], env);
      await following.waitForOutput(/(tick \d+\n[\s\S]*){6}/, 30_000);
      following.stop();
      await following.done;

      const badContainer = await flotilla('app', 'logs', 'guestbook', '--kind', 'Pod', '--name', pods[0].metadata!.name!, '-c', 'nope');
      expect(badContainer.code).toBe(0);
      expect(badContainer.stdout).toMatch(/container nope is not valid for pod/);
      const missing = await flotilla('app', 'logs', 'nope');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/^FATA\[\d{4}\] stream read failed: rpc error: code = NotFound desc = applications.argoproj.io "nope" not found$/m);
    } finally {
      await redis.del(appTreeKey(NS, 'guestbook'));
      await redis.quit();
      await apps.deleteNamespacedDeployment({ name: 'logs-web', namespace: 'default' });
    }
  });

  it('creates and lists ApplicationSets', async () => {
    const file = join(dir, 'appset.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: ApplicationSet',
        'metadata: {name: guestbook-fleet}',
        'spec:',
        '  generators: [{clusters: {selector: {matchLabels: {env: dev}}}}]',
        '  template:',
        "    metadata: {name: '{{name}}-guestbook'}",
        '    spec:',
        '      project: default',
        `      source: {repoURL: "${repoURL}", path: guestbook, targetRevision: HEAD}`,
        "      destination: {server: '{{server}}', namespace: guestbook}",
      ].join('\n'),
    );
    const created = await ok('appset', 'create', file);
    expect(created.stderr).toContain("ApplicationSet 'guestbook-fleet' created\n");
    expect(created.stdout).toContain('Name:               argocd/guestbook-fleet\n');
    const list = (await ok('appset', 'list')).stdout.split('\n');
    expect(list[0]).toMatch(/^NAME +PROJECT +SYNCPOLICY +CONDITIONS +REPO +PATH +TARGET$/);
    expect(list[1]).toMatch(new RegExp(`^argocd/guestbook-fleet +default +nil +\\[.*\\] +${escapeRegExp(repoURL)} +guestbook +HEAD$`));
    expect((await ok('appset', 'delete', 'guestbook-fleet', '-y')).stdout).toBe("applicationset 'guestbook-fleet' deleted\n");
  });

  it('deletes an Application without a prompt off a terminal', async () => {
    expect((await ok('app', 'delete', 'api', '--cascade=false')).stdout).toBe("application 'api' deleted\n");
    await eventually(async () => expect(await hubObjects.read(appRef('api')).then(() => 'present', () => 'gone')).toBe('gone'));
  });

  it('reports client and server versions', async () => {
    const res = await ok('version');
    expect(res.stdout).toMatch(/^flotilla: v\d+\.\d+\.\d+\n {2}NodeVersion: v\d+/);
    expect(res.stdout).toMatch(/^flotilla-server: v?\d+\.\d+\.\d+/m);
  });

  it('logs out: the token is gone and the server refuses the next call', async () => {
    expect((await ok('logout')).stdout).toBe(`Logged out from '${apiAddress}'\n`);
    expect(parse(readFileSync(env.FLOTILLA_CONFIG, 'utf8')).users[0]['auth-token']).toBeUndefined();
    const res = await flotilla('app', 'list');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/rpc error: code = Unauthenticated desc = /);
  });
});

async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
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
