// helm and kubectl (the workspace's .tools/bin) run against the charts/flotilla chart and a kube-sim hub.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KubeSim, startKubeSim } from '@flotilla/kube-sim';

export const CHART = resolve(__dirname, '../../charts/flotilla');
export const CI_VALUES = join(CHART, 'ci');
const TOOLS = resolve(__dirname, '../../.tools/bin');
const SEEDS = resolve(__dirname, '../../../shared/seeds');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** A kube-sim hub with the namespace the chart installs into, and helm/kubectl pointed at it. */
export interface ChartHub {
  readonly sim: KubeSim;
  readonly namespace: string;
  helm(args: string[]): Promise<RunResult>;
  kubectl(args: string[], stdin?: string): Promise<RunResult>;
  /** `helm template` of the chart; fails with helm's stderr. */
  template(release: string, valueArgs: string[]): Promise<K8sObject[]>;
  /** The NOTES of `helm install --dry-run=server`, which renders them against the hub. */
  notes(release: string, valueArgs: string[]): Promise<string>;
  file(name: string, content: string): string;
  stop(): Promise<void>;
}

export async function startChartHub(opts: { kubeVersion?: string } = {}): Promise<ChartHub> {
  const sim = await startKubeSim({ name: 'hub', ...(opts.kubeVersion ? { kubeVersion: opts.kubeVersion } : {}) });
  const dir = mkdtempSync(join(tmpdir(), 'flotilla-chart-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, sim.kubeconfig(), { mode: 0o600 });
  const env = {
    ...process.env,
    PATH: `${TOOLS}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    KUBECONFIG: kubeconfig,
    HOME: dir,
    KUBECACHEDIR: join(dir, 'kube-cache'),
  };
  const run = (tool: string, args: string[], stdin?: string): Promise<RunResult> =>
    new Promise((done) => {
      const child = execFile(join(TOOLS, tool), args, { env, timeout: 30_000, maxBuffer: 32 << 20 }, (err, stdout, stderr) =>
        done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
      );
      if (stdin !== undefined) child.stdin?.end(stdin);
    });
  const namespace = 'argocd';
  const created = await run('kubectl', ['create', 'namespace', namespace]);
  if (created.code !== 0) throw new Error(`kubectl create namespace: ${created.stderr}`);

  const ok = async (tool: string, args: string[]): Promise<string> => {
    const r = await run(tool, args);
    if (r.code !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
    return r.stdout;
  };
  return {
    sim,
    namespace,
    helm: (args) => run('helm', args),
    kubectl: (args, stdin) => run('kubectl', args, stdin),
    template: async (release, valueArgs) =>
      manifests(await ok('helm', ['template', release, CHART, '--namespace', namespace, ...valueArgs])),
    notes: async (release, valueArgs) => {
      const out = await ok('helm', ['install', release, CHART, '--namespace', namespace, '--dry-run=server', ...valueArgs]);
      return out.slice(out.indexOf('NOTES:'));
    },
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    stop: async () => {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function manifests(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

/** The lines NOTES.txt lists under "not used by this chart". */
export function unusedKeys(notes: string): string[] {
  const section = notes.split('These values are not used by this chart')[1];
  if (!section) return [];
  const keys: string[] = [];
  for (const line of section.split('\n').slice(1)) {
    if (!line.startsWith('  - ')) break;
    keys.push(line.slice(4));
  }
  return keys;
}

/** The values file of seed 000, as its article prints it (`# centralized-argocd-values.yaml`). */
export function seed000Values(): string {
  const text = readFileSync(join(SEEDS, '000_876609f039cb1b52.txt'), 'utf8');
  const block = text.match(/```yaml\n(# centralized-argocd-values\.yaml\n[\s\S]*?)```/);
  if (!block) throw new Error('seed 000 has no centralized-argocd-values.yaml block');
  return block[1];
}

/** The `--set` arguments of seed 001's `helm install argocd argo/argo-cd` (HA install). */
export function seed001SetArgs(): string[] {
  const text = readFileSync(join(SEEDS, '001_74177c1f40d806e6.txt'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('helm install argocd argo/argo-cd'));
  if (start < 0) throw new Error('seed 001 has no helm install line');
  const args: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const set = line.match(/^--set (\S+)/);
    if (set) args.push('--set', set[1]);
    else if (!line.startsWith('--')) break;
  }
  return args;
}

export type PodSpec = {
  containers: Container[];
  volumes?: { name: string; emptyDir?: object; configMap?: { name: string; optional?: boolean } }[];
  securityContext?: object;
  serviceAccountName?: string;
  nodeSelector?: Record<string, string>;
};
type KeyRef = { name: string; key: string; optional?: boolean };
export type Container = {
  name: string;
  command?: string[];
  image: string;
  env?: {
    name: string;
    value?: string;
    valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef; fieldRef?: { fieldPath: string } };
  }[];
  ports?: { name: string; containerPort: number }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  securityContext?: { readOnlyRootFilesystem?: boolean };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  resources?: object;
};

export function podSpec(o: K8sObject): PodSpec {
  return (o.spec as { template: { spec: PodSpec } }).template.spec;
}

export function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name} among ${objects.map((x) => `${x.kind}/${x.metadata.name}`).join(', ')}`);
  return o;
}

/**
 * The environment a container starts with, resolved as the kubelet does: configMapKeyRef and
 * secretKeyRef from the rendered objects (an optional missing key leaves the variable unset), fieldRef
 * from the pod, and $(VAR) references to variables defined earlier in the list.
 */
export function containerEnv(objects: K8sObject[], container: Container, pod: { name: string; namespace: string }): Record<string, string> {
  const env: Record<string, string> = {};
  const dataOf = (kind: string, name: string, key: string): string | undefined => {
    const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
    if (!o) return undefined;
    if (kind === 'ConfigMap') return (o.data as Record<string, string> | undefined)?.[key];
    const stringData = (o.stringData as Record<string, string> | undefined)?.[key];
    const data = (o.data as Record<string, string> | undefined)?.[key];
    return stringData ?? (data === undefined ? undefined : Buffer.from(data, 'base64').toString());
  };
  for (const e of container.env ?? []) {
    let value: string | undefined;
    const from = e.valueFrom;
    if (from?.configMapKeyRef) value = dataOf('ConfigMap', from.configMapKeyRef.name, from.configMapKeyRef.key);
    else if (from?.secretKeyRef) value = dataOf('Secret', from.secretKeyRef.name, from.secretKeyRef.key);
    else if (from?.fieldRef) value = { 'metadata.namespace': pod.namespace, 'metadata.name': pod.name }[from.fieldRef.fieldPath];
    else value = (e.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (ref, name: string) => env[name] ?? ref);
    const ref = from?.configMapKeyRef ?? from?.secretKeyRef;
    if (value === undefined && ref && !ref.optional)
      throw new Error(`${container.name}: ${e.name} refers to ${ref.name}/${ref.key}, which the chart does not render`);
    if (value !== undefined) env[e.name] = value;
  }
  return env;
}
