// Real surroundings for the appset-controller's specs: the running service against a kube-sim hub
// (CRDs installed) and real Redis, a git repository served over HTTP, and repo-server as its own
// process (the shared pieces from @flotilla/testing).
import 'reflect-metadata';
import { flotillaCrds, type KubeObject } from '@flotilla/api-types';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { bootstrapService, kubeClientFromKubeconfig, type KubeClient, type RunningService } from '@flotilla/platform';
import { polling, REDIS_URL, startGitRepo as startSharedGitRepo, startServiceProcess, type GitRepo, type Poll, type PollOptions, type ServiceProcess } from '@flotilla/testing';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppSetControllerConfig } from '../appset-controller.config';
import { appSetControllerModule } from '../appset-controller.module';

const MAIN = join(__dirname, '..', 'main.ts');

/** The control-plane namespace the stack creates (with the default AppProject). */
export const NS = 'argocd';
export { freePort, polling, REDIS_URL, startRepoServer } from '@flotilla/testing';
export type { GitRepo, Poll as Eventually, PollOptions, RepoServerProcess, ServiceProcess } from '@flotilla/testing';

/** Probes every 100 ms for up to 20 s by default. */
export const eventually: Poll = polling();

/** The spec's config repository: `config.git` over HTTP. */
export const startGitRepo = (dir: string): Promise<GitRepo> => startSharedGitRepo(dir, 'config');

export interface AppSetControllerStackContext {
  kube: KubeClient;
  dir: string;
  kubeconfig: string;
  prefix: string;
  /** Runs `stop` when the stack stops: after the service, before kube-sim (last registered first). */
  onStop(stop: () => Promise<void>): void;
}

export interface AppSetControllerStackOptions {
  /** Names kube-sim (`<name>-hub`), the temp dir (`<name>-…`) and the Redis prefix (`flotilla-test-<name>-…`). */
  name: string;
  /** Config variables on top of the common ones; a function is read after `beforeStart`. */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Runs once the namespace, CRDs and default AppProject exist, before the service starts. */
  beforeStart?: (ctx: AppSetControllerStackContext) => Promise<void>;
  /** How to wait for the CRDs to be served. */
  poll?: PollOptions;
}

export interface AppSetControllerStack {
  sim: KubeSim;
  kube: KubeClient;
  service: RunningService;
  dir: string;
  kubeconfig: string;
  prefix: string;
  /** Starts one more replica of the service, with the same config (plus `env`), sharing the work with the others. */
  addReplica(env?: Record<string, string>): Promise<RunningService>;
  /** Starts one more replica as its own process (main.ts), which a spec can SIGKILL as a pod dying. */
  addReplicaProcess(env?: Record<string, string>): Promise<ServiceProcess>;
  /** Stops the service, every added replica, whatever `beforeStart` registered and kube-sim, removes the temp dir and the prefix's Redis keys. */
  stop(): Promise<void>;
}

/**
 * kube-sim as the hub with the `argocd` Namespace, the CRDs (served) and the default AppProject, then
 * the appset-controller bootstrapped against it and real Redis under a fresh queue prefix.
 */
export async function startAppSetControllerStack(opts: AppSetControllerStackOptions): Promise<AppSetControllerStack> {
  const prefix = `flotilla-test-${opts.name}-${process.pid}-${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), `${opts.name}-`));
  const kubeconfig = join(dir, 'kubeconfig');
  const stops: (() => Promise<void>)[] = [];
  let sim: KubeSim | undefined;
  let service: RunningService | undefined;
  const replicas: RunningService[] = [];
  const processes: ServiceProcess[] = [];
  const stop = async (): Promise<void> => {
    const running: { stop(): Promise<void> }[] = [...(service ? [service] : []), ...replicas, ...processes];
    await Promise.all(running.map((s) => s.stop().catch(() => undefined)));
    for (const s of stops.reverse()) await s();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  };
  try {
    sim = await startKubeSim({ name: `${opts.name}-hub` });
    writeFileSync(kubeconfig, sim.kubeconfig());
    const kube = kubeClientFromKubeconfig(kubeconfig);
    await kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
    for (const crd of flotillaCrds()) await kube.create(crd as unknown as KubeObject);
    await polling(opts.poll)(() => kube.list('argoproj.io/v1alpha1', 'AppProject', { namespace: NS }).then(() => true, () => false), Boolean, 'the CRDs to be served');
    await kube.create({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'default', namespace: NS }, spec: {} });
    await opts.beforeStart?.({ kube, dir, kubeconfig, prefix, onStop: (s) => void stops.push(s) });
    const env = {
      FLOTILLA_KUBECONFIG: kubeconfig,
      FLOTILLA_REDIS_URL: REDIS_URL,
      FLOTILLA_QUEUE_PREFIX: prefix,
      FLOTILLA_OPS_PORT: '0',
      FLOTILLA_LOG_LEVEL: process.env.SPEC_LOG_LEVEL ?? 'silent',
      FLOTILLA_APPSET_LEASE_SECONDS: '3',
      ...(typeof opts.env === 'function' ? opts.env() : opts.env),
    };
    const boot = (more: Record<string, string> = {}): Promise<RunningService> =>
      bootstrapService({ name: 'appset-controller', module: appSetControllerModule(loadAppSetControllerConfig({ ...env, ...more })), opsPort: 0, handleSignals: false });
    service = await boot();
    const addReplica = async (more?: Record<string, string>): Promise<RunningService> => {
      const replica = await boot(more);
      replicas.push(replica);
      return replica;
    };
    const addReplicaProcess = async (more?: Record<string, string>): Promise<ServiceProcess> => {
      const child = await startServiceProcess(MAIN, { ...env, ...more });
      processes.push(child);
      return child;
    };
    return { sim, kube, service, dir, kubeconfig, prefix, addReplica, addReplicaProcess, stop };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}
