import { renderKubeconfig, startKubeSim, type ClusterAccess, type KubeSim, type WorkloadTiming } from '@flotilla/kube-sim';
import { kubeClientFromKubeconfig, type KubeClient } from '@flotilla/platform';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realClusterAccess } from './real-cluster';

/** kube-sim (fast, in this process) or the real single-node cluster of ../shared/realcluster. */
export type ClusterKind = 'kube-sim' | 'real';

/** The kind of spoke the specs run against: `FLOTILLA_TEST_CLUSTER=real` selects the real cluster (npm run e2e:real). */
export function spokeKind(): ClusterKind {
  const kind = process.env.FLOTILLA_TEST_CLUSTER || 'kube-sim';
  if (kind !== 'kube-sim' && kind !== 'real') throw new Error(`FLOTILLA_TEST_CLUSTER must be kube-sim or real, not ${JSON.stringify(kind)}`);
  return kind;
}

/** What a cluster Secret's `config` holds to reach a cluster (Argo's ClusterConfig). */
export interface ClusterSecretConfig {
  bearerToken?: string;
  tlsClientConfig: { caData?: string; certData?: string; keyData?: string; insecure?: boolean };
}

export interface TestCluster {
  readonly name: string;
  readonly kind: ClusterKind;
  /** The API server's URL, as a destination's `server`. */
  readonly url: string;
  readonly access: ClusterAccess;
  /** A kubeconfig file whose current context is this cluster. */
  readonly kubeconfigPath: string;
  readonly kube: KubeClient;
  readonly secretConfig: ClusterSecretConfig;
  /** The simulator behind a kube-sim cluster, for faults and direct state; absent on the real cluster. */
  readonly sim?: KubeSim;
  /** Closes the client; stops kube-sim, or on the real cluster deletes the namespaces the spec owns. */
  stop(): Promise<void>;
}

export interface TestClusterOptions {
  kind?: ClusterKind;
  /** kube-sim's workload clock (pods Ready, Jobs done). */
  timing?: Partial<WorkloadTiming>;
  /** kube-sim over plain HTTP (default HTTPS). */
  tls?: boolean;
  /** Real cluster: which namespaces this spec made and must remove when it stops (the cluster is shared across runs). */
  ownsNamespace?: (name: string) => boolean;
}

function secretConfigOf(access: ClusterAccess): ClusterSecretConfig {
  return {
    ...(access.token ? { bearerToken: access.token } : {}),
    tlsClientConfig: {
      ...(access.caData ? { caData: access.caData } : {}),
      ...(access.clientCertificateData ? { certData: access.clientCertificateData, keyData: access.clientKeyData } : {}),
      ...(access.insecure ? { insecure: true } : {}),
    },
  };
}

/** A cluster named `name` of the chosen kind, with its kubeconfig written to `<dir>/<name>.kubeconfig`. */
export async function startTestCluster(dir: string, name: string, opts: TestClusterOptions = {}): Promise<TestCluster> {
  const kind = opts.kind ?? 'kube-sim';
  const sim = kind === 'kube-sim' ? await startKubeSim({ name, timing: opts.timing ?? { podStartMs: 100, nodes: 1 }, ...(opts.tls === false ? { tls: false } : {}) }) : undefined;
  const access = sim ? sim.access() : realClusterAccess(name);
  const kubeconfigPath = join(dir, `${name}.kubeconfig`);
  writeFileSync(kubeconfigPath, renderKubeconfig([access]), { mode: 0o600 });
  const kube = kubeClientFromKubeconfig(kubeconfigPath);
  if (!sim) {
    await kube.list('v1', 'Namespace').catch((err: Error) => {
      kube.close();
      throw new Error(`the real cluster at ${access.url} does not answer (${err.message}): start it with '../shared/realcluster/realcluster.sh start' or run 'npm run e2e:real'`);
    });
  }
  return {
    name,
    kind,
    url: access.url,
    access,
    kubeconfigPath,
    kube,
    secretConfig: secretConfigOf(access),
    ...(sim ? { sim } : {}),
    async stop() {
      if (!sim && opts.ownsNamespace) await deleteNamespaces(kube, opts.ownsNamespace);
      kube.close();
      await sim?.stop();
    },
  };
}

/** Deletes (without waiting for them to go) the namespaces a spec made on the shared real cluster. */
async function deleteNamespaces(kube: KubeClient, owns: (name: string) => boolean): Promise<void> {
  const { items } = await kube.list('v1', 'Namespace');
  for (const ns of items.filter((n) => owns(n.metadata?.name ?? ''))) await kube.delete(ns).catch(() => undefined);
}
