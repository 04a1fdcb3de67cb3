// Real surroundings for the app-controller's integration specs: a kube-sim hub, a spoke that is
// kube-sim or (FLOTILLA_TEST_CLUSTER=real) the real cluster, a git repository served over HTTP and
// repo-server as its own process — the shared pieces from @flotilla/testing.
import { flotillaCrds, SECRET_TYPE_CLUSTER, SECRET_TYPE_LABEL, type KubeObject } from '@flotilla/api-types';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { bootstrapService, installCrds, kubeClientFromKubeconfig, type KubeClient, type RunningService } from '@flotilla/platform';
import { spokeKind, startGitRepo, startRepoServer, startTestCluster, type GitRepo, type RepoServerProcess, type TestCluster } from '@flotilla/testing';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppControllerConfig } from '../app-controller.config';
import { appControllerModule, SERVICE_NAME } from '../app-controller.module';

export { eventually, freePort, SIM_FAIL, SIM_START_MS, startGitRepo, startRepoServer } from '@flotilla/testing';
export type { GitRepo, RepoServerProcess, TestCluster } from '@flotilla/testing';

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

export interface Clusters {
  hub: KubeSim;
  /** The spoke (cluster Secret `spoke`): kube-sim, or the real cluster under FLOTILLA_TEST_CLUSTER=real. */
  spoke: TestCluster;
  hubKube: KubeClient;
  spokeKube: KubeClient;
  /** A second spoke (cluster Secret `spoke-2`, always kube-sim), with `secondSpoke: true`. */
  spoke2?: TestCluster;
  spoke2Kube?: KubeClient;
  hubKubeconfig: string;
  stop(): Promise<void>;
}

export interface ClustersOptions {
  /** Also start a second spoke cluster, registered as `spoke-2`. */
  secondSpoke?: boolean;
  /** Run against kube-sim whatever FLOTILLA_TEST_CLUSTER says (a spec that needs kube-sim's faults or clock). */
  simOnly?: boolean;
  /** On the real cluster: the namespaces this spec makes there, removed when it stops. */
  ownsNamespace?: (name: string) => boolean;
}

/** A hub with the Argo CRDs, the control-plane namespace and cluster Secrets for the spoke(s) and for a dead server. */
export async function startClusters(dir: string, namespace: string, opts: ClustersOptions = {}): Promise<Clusters> {
  const hub = await startKubeSim({ name: 'hub', tls: false });
  const spoke = await startTestCluster(dir, 'spoke', { kind: opts.simOnly ? 'kube-sim' : spokeKind(), ownsNamespace: opts.ownsNamespace });
  const spoke2 = opts.secondSpoke ? await startTestCluster(dir, 'spoke-2') : undefined;
  const spokes = [spoke, ...(spoke2 ? [spoke2] : [])];
  const hubKubeconfig = join(dir, 'hub.kubeconfig');
  writeFileSync(hubKubeconfig, hub.kubeconfig());
  const hubKube = kubeClientFromKubeconfig(hubKubeconfig);
  await installCrds(hubKube, flotillaCrds());
  await hubKube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  for (const s of spokes) await hubKube.create(clusterSecret(namespace, s.name, s.url, s.secretConfig));
  await hubKube.create(clusterSecret(namespace, 'dead', 'https://127.0.0.1:1', { tlsClientConfig: { insecure: true } }));
  return {
    hub,
    spoke,
    spokeKube: spoke.kube,
    ...(spoke2 ? { spoke2, spoke2Kube: spoke2.kube } : {}),
    hubKube,
    hubKubeconfig,
    async stop() {
      hubKube.close();
      await Promise.all([hub.stop(), ...spokes.map((s) => s.stop())]);
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
export async function startControllerStack(opts: { name: string; namespace: string; prefix: string; env?: Record<string, string>; repoServerEnv?: Record<string, string>; clusters?: ClustersOptions }): Promise<ControllerStack> {
  const dir = mkdtempSync(join(tmpdir(), `${opts.name}-spec-`));
  const clusters = await startClusters(dir, opts.namespace, opts.clusters);
  const git = await startGitRepo(dir);
  const repoServer = await startRepoServer(dir, opts.prefix, opts.repoServerEnv);
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
