// The services an `app …` command talks to, as processes: api-server and repo-server (and, when
// asked, the app-controller) against a kube-sim hub and spoke, a git repository served over HTTP and
// the shared Redis; `flotilla` logged in as admin. For the CLI's app specs.
import { KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import { startGitRepo, type GitRepo, type RepoFile } from '@flotilla/testing';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminKubeConfig, freePort, prepareHub, readyzOk, runFlotilla, startServiceProcess, type CliResult, type ServiceProcess } from './flotilla-cli.harness';

export interface AppStack {
  dir: string;
  namespace: string;
  hub: KubeSim;
  spoke: KubeSim;
  repo: GitRepo;
  /** Objects on the hub (Applications, Secrets) and on the spoke (what apps deploy), as admin. */
  hubObjects: KubernetesObjectApi;
  spokeObjects: KubernetesObjectApi;
  /** The environment `flotilla` runs with (its config, logged in). */
  env: Record<string, string>;
  flotilla(args: string[], extraEnv?: Record<string, string>): Promise<CliResult>;
  /** Like flotilla(), failing with the services' logs when the command does not exit 0. */
  ok(args: string[], extraEnv?: Record<string, string>): Promise<CliResult>;
  /** The Application as stored on the hub. */
  application(name: string): Promise<KubernetesObject & { spec: Record<string, unknown> }>;
  logs(): string;
  stop(): Promise<void>;
}

/** Starts the stack with `files` committed to the repository's main branch. */
export async function startAppStack(opts: { name: string; files: Record<string, RepoFile>; controller?: boolean }): Promise<AppStack> {
  const namespace = `${opts.name}-${randomBytes(3).toString('hex')}`;
  const prefix = `spec-${namespace}`;
  const dir = mkdtempSync(join(tmpdir(), `flotilla-${opts.name}-`));
  const [hub, spoke, repo] = await Promise.all([startKubeSim({ name: 'hub' }), startKubeSim({ name: 'spoke' }), startGitRepo(dir, 'apps')]);
  repo.commit(opts.files, 'apps');
  await prepareHub(hub, namespace);
  const hubObjects = KubernetesObjectApi.makeApiClient(adminKubeConfig(hub));
  const spokeObjects = KubernetesObjectApi.makeApiClient(adminKubeConfig(spoke));
  const access = spoke.access();
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  await hubObjects.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'cluster-spoke', namespace, labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
    data: { name: b64('spoke'), server: b64(access.url), config: b64(JSON.stringify({ bearerToken: access.token, tlsClientConfig: { caData: access.caData } })) },
  } as KubernetesObject);
  writeFileSync(join(dir, 'hub.kubeconfig'), hub.kubeconfig());

  const [apiPort, apiOps, repoPort, repoOps, controllerOps] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const common = { FLOTILLA_KUBECONFIG: join(dir, 'hub.kubeconfig'), FLOTILLA_NAMESPACE: namespace, FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379', FLOTILLA_QUEUE_PREFIX: prefix, FLOTILLA_LOG_LEVEL: 'warn' };
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
    ...(opts.controller
      ? [
          startServiceProcess(
            'app-controller',
            'services/app-controller/src/main.ts',
            { ...common, FLOTILLA_REPO_SERVER: `127.0.0.1:${repoPort}`, FLOTILLA_OPS_PORT: String(controllerOps), FLOTILLA_APP_RESYNC_SECONDS: '60' },
            readyzOk(controllerOps),
          ),
        ]
      : []),
  ]);
  const services: ServiceProcess[] = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));

  const stop = async (): Promise<void> => {
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all([hub.stop(), spoke.stop(), repo.stop()]);
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = [
      ...(await redis.keys(`${prefix}:*`)),
      ...(await redis.keys(`flotilla:app:${namespace}/*`)),
      ...(await redis.keys(`flotilla:session:${namespace}:*`)),
      `${prefix}:cluster:${access.url}:info`,
    ];
    await redis.del(...keys);
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }

  const env = { HOME: dir, FLOTILLA_CONFIG: join(dir, 'flotilla', 'config') };
  const logs = (): string => services.map((s) => s.output().slice(-2000)).join('\n---\n');
  const flotilla = (args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> => runFlotilla(args, { ...env, ...extraEnv });
  const ok = async (args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> => {
    const res = await flotilla(args, extraEnv);
    if (res.code !== 0) throw new Error(`flotilla ${args.join(' ')} exited ${res.code}\nstdout: ${res.stdout}\nstderr: ${res.stderr}\nservices:\n${logs()}`);
    return res;
  };
  const secret = await hubObjects.read<KubernetesObject & { data: Record<string, string> }>({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'argocd-initial-admin-secret', namespace } });
  await ok(['login', `127.0.0.1:${apiPort}`, '--plaintext', '--username', 'admin', '--password', Buffer.from(secret.data.password, 'base64').toString('utf8')]);
  return {
    dir,
    namespace,
    hub,
    spoke,
    repo,
    hubObjects,
    spokeObjects,
    env,
    flotilla,
    ok,
    application: (name) => hubObjects.read<KubernetesObject & { spec: Record<string, unknown> }>({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name, namespace } }),
    logs,
    stop,
  };
}
