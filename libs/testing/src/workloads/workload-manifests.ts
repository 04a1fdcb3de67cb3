// Workloads that behave the same on kube-sim and on the real cluster: kube-sim reads its
// annotations (how long a pod takes to be Ready, which container fails) and ignores the rest; the
// real kubelet runs the e2e image's command and probes and ignores the annotations.

/** kube-sim's pod annotations: how long a pod stays ContainerCreating, and what fails (`job`, `image-pull`, …). */
export const SIM_START_MS = 'kube-sim.flotilla.dev/start-ms';
export const SIM_FAIL = 'kube-sim.flotilla.dev/fail';

/**
 * The image every e2e workload runs: `e2e/images/e2e-app.Dockerfile`, built with podman from
 * localhost/node-base:20 and loaded into the real cluster by `npm run e2e:real` (nothing can be pulled there).
 */
export const E2E_IMAGE = 'flotilla-e2e:1';

export interface ServingPod {
  /** Time from start to Ready (the web server listens only then). */
  readyAfterMs?: number;
  /** Extra pod annotations. */
  annotations?: Record<string, string>;
}

export interface RunToCompletionPod {
  /** How long the container runs before it exits. */
  runMs?: number;
  /** Exit 1 instead of 0 (kube-sim: the Job fails). */
  fail?: boolean;
  annotations?: Record<string, string>;
}

const json = (v: unknown): string => JSON.stringify(v);

/** A pod template serving HTTP on port 80, Ready after `readyAfterMs`; stops at once on SIGTERM. */
export function servingPodTemplate(labels: Record<string, string>, pod: ServingPod = {}): object {
  const annotations = { ...(pod.readyAfterMs ? { [SIM_START_MS]: String(pod.readyAfterMs) } : {}), ...pod.annotations };
  return {
    metadata: { labels, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: {
      terminationGracePeriodSeconds: 2,
      containers: [
        {
          name: 'main',
          image: E2E_IMAGE,
          imagePullPolicy: 'Never',
          env: [{ name: 'READY_AFTER_MS', value: String(pod.readyAfterMs ?? 0) }],
          ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
          readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 1 },
        },
      ],
    },
  };
}

/** A pod template for a Job: runs `runMs`, then exits 0 (or 1 with `fail`). */
export function runToCompletionPodTemplate(pod: RunToCompletionPod = {}): object {
  const annotations = { ...(pod.fail ? { [SIM_FAIL]: 'job' } : {}), ...(pod.runMs ? { [SIM_START_MS]: String(pod.runMs) } : {}), ...pod.annotations };
  const seconds = Math.max(0, Math.round((pod.runMs ?? 1000) / 1000));
  return {
    metadata: Object.keys(annotations).length ? { annotations } : {},
    spec: {
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 2,
      containers: [{ name: 'main', image: E2E_IMAGE, imagePullPolicy: 'Never', command: ['sh', '-c', `sleep ${seconds}; exit ${pod.fail ? 1 : 0}`] }],
    },
  };
}

export interface DeploymentOptions extends ServingPod {
  name: string;
  replicas?: number;
  /** Deployment annotations (sync waves, hooks…). */
  metadataAnnotations?: Record<string, string>;
}

/** A Deployment of the e2e web server, as YAML for a git repository. */
export function deploymentYaml(o: DeploymentOptions): string {
  const meta = { name: o.name, ...(o.metadataAnnotations ? { annotations: o.metadataAnnotations } : {}) };
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: ${json(meta)}`,
    'spec:',
    `  replicas: ${o.replicas ?? 1}`,
    `  selector: { matchLabels: { app: ${o.name} } }`,
    `  template: ${json(servingPodTemplate({ app: o.name }, o))}`,
    '',
  ].join('\n');
}

export interface JobOptions extends RunToCompletionPod {
  name: string;
  /** Job annotations, e.g. argocd.argoproj.io/hook. */
  metadataAnnotations?: Record<string, string>;
}

/** A Job that runs the e2e image's shell once, as YAML for a git repository. */
export function jobYaml(o: JobOptions): string {
  const meta = { name: o.name, ...(o.metadataAnnotations ? { annotations: o.metadataAnnotations } : {}) };
  return ['apiVersion: batch/v1', 'kind: Job', `metadata: ${json(meta)}`, 'spec:', '  backoffLimit: 0', `  template: ${json(runToCompletionPodTemplate(o))}`, ''].join('\n');
}
