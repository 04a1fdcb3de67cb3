// Real surroundings for the app-controller's integration spec: kube-sim hub and spoke, a git
// repository served over HTTP, and repo-server as its own process.
import { flotillaCrds, SECRET_TYPE_CLUSTER, SECRET_TYPE_LABEL, type KubeObject } from '@flotilla/api-types';
import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { bootstrapService, installCrds, kubeClientFromKubeconfig, type KubeClient, type RunningService } from '@flotilla/platform';
import { Redis } from 'ioredis';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadAppControllerConfig } from '../app-controller.config';
import { appControllerModule, SERVICE_NAME } from '../app-controller.module';

export const ROOT = join(__dirname, '..', '..', '..', '..');
const REPO_SERVER_MAIN = join(ROOT, 'services', 'repo-server', 'src', 'main.ts');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** kube-sim's pod annotations: how long a pod stays ContainerCreating, and a container to fail. */
export const SIM_START_MS = 'kube-sim.flotilla.dev/start-ms';
export const SIM_FAIL = 'kube-sim.flotilla.dev/fail';

/** A PreSync hook Job named migrate whose pod carries `podAnnotations` (e.g. held for minutes, or failing). */
export const preSyncJob = (podAnnotations: string): string => `apiVersion: batch/v1
kind: Job
metadata: { name: migrate, annotations: { argocd.argoproj.io/hook: PreSync } }
spec:
  backoffLimit: 0
  template:
    metadata: { annotations: { ${podAnnotations} } }
    spec: { restartPolicy: Never, containers: [{ name: main, image: busybox }] }
`;

/** Polls until `check` passes (it throws while not yet), or rethrows its last failure. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

export interface Clusters {
  hub: KubeSim;
  spoke: KubeSim;
  hubKube: KubeClient;
  spokeKube: KubeClient;
  /** A second spoke (cluster Secret `spoke-2`), with `secondSpoke: true`. */
  spoke2?: KubeSim;
  spoke2Kube?: KubeClient;
  hubKubeconfig: string;
  stop(): Promise<void>;
}

export interface ClustersOptions {
  /** Also start a second spoke cluster, registered as `spoke-2`. */
  secondSpoke?: boolean;
}

async function startSpoke(dir: string, name: string): Promise<{ sim: KubeSim; kube: KubeClient }> {
  const sim = await startKubeSim({ name, timing: { podStartMs: 100, nodes: 1 } });
  writeFileSync(join(dir, `${name}.kubeconfig`), sim.kubeconfig());
  return { sim, kube: kubeClientFromKubeconfig(join(dir, `${name}.kubeconfig`)) };
}

/** A hub with the Argo CRDs, the control-plane namespace and cluster Secrets for the spoke(s) and for a dead server. */
export async function startClusters(dir: string, namespace: string, opts: ClustersOptions = {}): Promise<Clusters> {
  const hub = await startKubeSim({ name: 'hub', tls: false });
  const spokes = [await startSpoke(dir, 'spoke'), ...(opts.secondSpoke ? [await startSpoke(dir, 'spoke-2')] : [])];
  const hubKubeconfig = join(dir, 'hub.kubeconfig');
  writeFileSync(hubKubeconfig, hub.kubeconfig());
  const hubKube = kubeClientFromKubeconfig(hubKubeconfig);
  await installCrds(hubKube, flotillaCrds());
  await hubKube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  for (const [i, spoke] of spokes.entries()) {
    const access = spoke.sim.access();
    await hubKube.create(clusterSecret(namespace, i === 0 ? 'spoke' : 'spoke-2', access.url, { bearerToken: access.token, tlsClientConfig: { caData: access.caData } }));
  }
  await hubKube.create(clusterSecret(namespace, 'dead', 'https://127.0.0.1:1', { tlsClientConfig: { insecure: true } }));
  const [first, second] = spokes;
  return {
    hub,
    spoke: first.sim,
    spokeKube: first.kube,
    ...(second ? { spoke2: second.sim, spoke2Kube: second.kube } : {}),
    hubKube,
    hubKubeconfig,
    async stop() {
      hubKube.close();
      for (const s of spokes) s.kube.close();
      await Promise.all([hub.stop(), ...spokes.map((s) => s.sim.stop())]);
    },
  };
}

export function clusterSecret(namespace: string, name: string, server: string, config: object): KubeObject {
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `cluster-${name}`, namespace, labels: { [SECRET_TYPE_LABEL]: SECRET_TYPE_CLUSTER } },
    data: { name: b64(name), server: b64(server), config: b64(JSON.stringify(config)) },
  };
}

export interface GitRepo {
  url: string;
  /** Writes (or, with `null`, deletes; with `{ symlink }`, links) files, commits and pushes; returns the new commit SHA. */
  commit(files: Record<string, string | null | { symlink: string }>, message: string): string;
  stop(): Promise<void>;
}

export async function startGitRepo(dir: string): Promise<GitRepo> {
  const root = join(dir, 'git');
  const bare = join(root, 'app.git');
  const work = join(dir, 'work');
  const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();
  mkdirSync(bare, { recursive: true });
  git(bare, 'init', '--bare', '-b', 'main');
  mkdirSync(work);
  git(work, 'init', '-b', 'main');
  git(work, 'remote', 'add', 'origin', bare);
  const server: GitHttpServer = await startGitHttpServer({ root });
  return {
    url: `${server.url}/app.git`,
    commit(files, message) {
      for (const [path, content] of Object.entries(files)) {
        const file = join(work, path);
        if (content === null) {
          if (existsSync(file)) rmSync(file);
        } else if (typeof content === 'object') {
          mkdirSync(dirname(file), { recursive: true });
          symlinkSync(content.symlink, file);
        } else {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, content);
        }
      }
      git(work, 'add', '-A');
      git(work, 'commit', '-m', message);
      git(work, 'push', 'origin', 'main');
      return git(work, 'rev-parse', 'HEAD');
    },
    stop: () => server.stop(),
  };
}

export interface RepoServerProcess {
  address: string;
  logs(): string;
  stop(): Promise<void>;
}

/** repo-server's own main.ts as a child process, ready once /readyz answers. */
export async function startRepoServer(dir: string, queuePrefix: string): Promise<RepoServerProcess> {
  const deadline = Date.now() + 60_000;
  // Another engineer may still be writing repo-server's entry point: wait for it to appear.
  while (!existsSync(REPO_SERVER_MAIN)) {
    if (Date.now() > deadline) throw new Error(`${REPO_SERVER_MAIN} does not exist`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const [port, opsPort] = [await freePort(), await freePort()];
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', REPO_SERVER_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      FLOTILLA_REPO_SERVER_PORT: String(port),
      FLOTILLA_REPO_SERVER_OPS_PORT: String(opsPort),
      FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379',
      FLOTILLA_QUEUE_PREFIX: queuePrefix,
      FLOTILLA_REPO_CACHE_DIR: mkdtempSync(join(dir, 'repo-cache-')),
      FLOTILLA_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`repo-server exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`http://127.0.0.1:${opsPort}/readyz`).then((r) => r.ok, () => false)) return { address: `127.0.0.1:${port}`, logs: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`repo-server not ready within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Everything an app-controller integration spec runs against, with the controller in-process. */
export interface ControllerStack {
  dir: string;
  clusters: Clusters;
  git: GitRepo;
  repoServer: RepoServerProcess;
  controller: RunningService;
  redis: Redis;
  /** Starts one more controller replica in this process (stopped with the stack). */
  startReplica(env?: Record<string, string>): Promise<RunningService>;
  /** Stops all of it and removes the spec's Redis keys and files. */
  stop(): Promise<void>;
}

/**
 * kube-sim hub and spoke, a git repository over HTTP, repo-server as a process and the
 * app-controller in this process, namespaced by `namespace` and the Redis `prefix`.
 */
export async function startControllerStack(opts: { name: string; namespace: string; prefix: string; env?: Record<string, string>; clusters?: ClustersOptions }): Promise<ControllerStack> {
  const dir = mkdtempSync(join(tmpdir(), `${opts.name}-spec-`));
  const clusters = await startClusters(dir, opts.namespace, opts.clusters);
  const git = await startGitRepo(dir);
  const repoServer = await startRepoServer(dir, opts.prefix);
  const startController = (env: Record<string, string> = {}): Promise<RunningService> => {
    const config = loadAppControllerConfig({
      FLOTILLA_KUBECONFIG: clusters.hubKubeconfig,
      FLOTILLA_NAMESPACE: opts.namespace,
      FLOTILLA_REPO_SERVER: repoServer.address,
      FLOTILLA_QUEUE_PREFIX: opts.prefix,
      FLOTILLA_APP_RESYNC_SECONDS: '2',
      FLOTILLA_LOG_LEVEL: process.env.SPEC_LOG_LEVEL ?? 'silent',
      ...opts.env,
      ...env,
    });
    return bootstrapService({ name: SERVICE_NAME, module: appControllerModule(config), opsPort: 0, host: '127.0.0.1', handleSignals: false });
  };
  const controller = await startController();
  const replicas: RunningService[] = [];
  const redis = new Redis('redis://127.0.0.1:6379');
  return {
    dir,
    clusters,
    git,
    repoServer,
    controller,
    redis,
    async startReplica(env) {
      const replica = await startController(env);
      replicas.push(replica);
      return replica;
    },
    async stop() {
      for (const replica of replicas) await replica.stop();
      await controller.stop();
      await repoServer.stop();
      await git.stop();
      await clusters.stop();
      const keys = [...(await redis.keys(`${opts.prefix}:*`)), ...(await redis.keys(`flotilla:app:${opts.namespace}/*`))];
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
