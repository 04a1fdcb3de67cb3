// Built-in health evaluations per second on 10,000 objects of each built-in kind, in a mix of the states Argo's
// checks tell apart (rolled out, rolling, failing, paused...), and over all kinds together, through
// assessResourceHealth as the app-controller calls it. The Lua side is bench/health.bench.ts.
// Run: npm run -s bench:health:builtin
import { performance } from 'node:perf_hooks';
import type { KubeObject } from '@flotilla/api-types';
import { assessResourceHealth } from '../libs/engine/src';

export const OBJECTS = 10_000;

const meta = (i: number, extra: object = {}) => ({ name: `obj-${i}`, namespace: 'bench', generation: 2, ...extra });

/** One object of each built-in kind for index i; i picks among the states each check tells apart. */
export const BUILTIN_KINDS: Record<string, (i: number) => KubeObject> = {
  Deployment: (i) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(i),
    spec: { replicas: 3, paused: i % 50 === 0 },
    status: {
      observedGeneration: 2,
      replicas: 3,
      updatedReplicas: i % 7 === 0 ? 1 : 3,
      availableReplicas: i % 5 === 0 ? 2 : 3,
      conditions: [{ type: 'Progressing', status: 'True', reason: i % 11 === 0 ? 'ProgressDeadlineExceeded' : 'NewReplicaSetAvailable' }],
    },
  }),
  StatefulSet: (i) => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(i),
    spec: { replicas: 3, updateStrategy: i % 3 === 0 ? { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } : { type: 'RollingUpdate' } },
    status: { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 2, currentReplicas: 3, updateRevision: 'r2', currentRevision: i % 4 ? 'r2' : 'r1' },
  }),
  DaemonSet: (i) => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta(i),
    spec: { updateStrategy: { type: i % 9 === 0 ? 'OnDelete' : 'RollingUpdate' } },
    status: { observedGeneration: 2, desiredNumberScheduled: 5, updatedNumberScheduled: i % 4 ? 5 : 3, numberAvailable: 5 },
  }),
  ReplicaSet: (i) => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(i),
    spec: { replicas: 2 },
    status: { observedGeneration: 2, availableReplicas: i % 6 ? 2 : 1, conditions: i % 13 ? [] : [{ type: 'ReplicaFailure', status: 'True', message: 'quota' }] },
  }),
  Pod: (i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(i, i % 10 === 0 ? { annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'true' } } : {}),
    spec: { restartPolicy: i % 10 === 0 ? 'Never' : 'Always', containers: [{ name: 'app', image: 'app:1' }, { name: 'sidecar', image: 'proxy:1' }] },
    status: {
      phase: i % 17 === 0 ? 'Pending' : 'Running',
      conditions: [{ type: 'Ready', status: i % 8 ? 'True' : 'False' }],
      containerStatuses: [
        { name: 'app', ready: true, state: i % 19 ? { running: {} } : { waiting: { reason: 'CrashLoopBackOff', message: 'back-off' } } },
        { name: 'sidecar', ready: true, state: { running: {} }, lastState: i % 8 ? {} : { terminated: { exitCode: 1 } } },
      ],
    },
  }),
  Job: (i) => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(i),
    spec: {},
    status: { conditions: [{ type: ['Complete', 'Failed', 'Suspended'][i % 3], status: 'True', message: 'm' }] },
  }),
  PersistentVolumeClaim: (i) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta(i), spec: {}, status: { phase: ['Bound', 'Pending', 'Lost'][i % 3] } }),
  Service: (i) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(i),
    spec: { type: i % 2 ? 'ClusterIP' : 'LoadBalancer' },
    status: { loadBalancer: i % 4 ? {} : { ingress: [{ ip: '203.0.113.1' }] } },
  }),
  Ingress: (i) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta(i), spec: {}, status: { loadBalancer: i % 2 ? {} : { ingress: [{ ip: '203.0.113.2' }] } } }),
  HorizontalPodAutoscaler: (i) =>
    i % 2
      ? {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: meta(i),
          spec: {},
          status: {
            conditions: [
              { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'ok' },
              { type: 'ScalingActive', status: i % 3 ? 'True' : 'False', reason: i % 3 ? 'ValidMetricFound' : 'FailedGetResourceMetric', message: 'm' },
            ],
          },
        }
      : {
          apiVersion: 'autoscaling/v1',
          kind: 'HorizontalPodAutoscaler',
          metadata: meta(i, {
            annotations: { 'autoscaling.alpha.kubernetes.io/conditions': '[{"type":"AbleToScale","status":"True","reason":"SucceededRescale","message":"ok"}]' },
          }),
          spec: {},
          status: {},
        },
  APIService: (i) => ({
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name: `v1.g${i}.example.com` },
    spec: {},
    status: { conditions: [{ type: 'Available', status: i % 5 ? 'True' : 'False', reason: 'Passed', message: 'all checks passed' }] },
  }),
};

export const PASSES = 5;

/**
 * Evaluations per second of assess over objects, after a warm-up pass: the median of PASSES passes (a loaded machine
 * slows single passes down unevenly), printed on one line with the best pass.
 */
export function rate(label: string, objects: KubeObject[], assess: (o: KubeObject) => unknown): number {
  for (const o of objects) assess(o);
  const perSecond: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    for (const o of objects) assess(o);
    perSecond.push((objects.length / (performance.now() - start)) * 1000);
  }
  perSecond.sort((a, b) => a - b);
  const median = perSecond[Math.floor(PASSES / 2)];
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(11);
  console.log(`${label.padEnd(40)} ${fmt(median)} evaluations/s median of ${PASSES} passes over ${objects.length} objects (best ${fmt(perSecond[PASSES - 1]).trim()})`);
  return median;
}

/** How many objects came out in each status, to show the mix the rate was measured on. */
function tally(objects: KubeObject[]): string {
  const counts = new Map<string, number>();
  for (const o of objects) {
    const status = assessResourceHealth(o).health?.status ?? 'none';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => `${status} ${n}`).join(', ');
}

function main(): void {
  const assess = (o: KubeObject) => assessResourceHealth(o);
  for (const [kind, make] of Object.entries(BUILTIN_KINDS)) {
    const objects = Array.from({ length: OBJECTS }, (_, i) => make(i));
    rate(`built-in ${kind}`, objects, assess);
    console.log(`  ${tally(objects)}`);
  }
  const makers = Object.values(BUILTIN_KINDS);
  rate('built-in, all kinds mixed', Array.from({ length: OBJECTS }, (_, i) => makers[i % makers.length](i)), assess);
}

if (require.main === module) main();
