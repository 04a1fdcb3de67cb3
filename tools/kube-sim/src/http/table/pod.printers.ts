import { KubeObject } from '../../store/kube-object';
import { humanDuration, since, timestampMs } from './human-duration';
import { AGE_COLUMN, at, col, int, KindPrinter, list, NAME_COLUMN, PrintContext, str, TableRowCondition } from './printer-kit';

/** Running tally over container statuses, as kube's printPod keeps it. */
interface Tally {
  reason: string;
  restarts: number;
  lastRestart: number;
  ready: number;
  total: number;
}

const lastTermination = (s: unknown): number => timestampMs(at(s, 'lastState', 'terminated', 'finishedAt')) ?? 0;

/** Sidecars (init containers with restartPolicy Always) count as regular containers once started. */
function sidecarNames(pod: KubeObject): Set<string> | undefined {
  let names: Set<string> | undefined;
  for (const c of list(at(pod, 'spec', 'initContainers'))) {
    if (at(c, 'restartPolicy') === 'Always') (names ??= new Set()).add(str(at(c, 'name')));
  }
  return names;
}

const terminatedReason = (term: unknown, prefix: string): string => {
  const reason = str(at(term, 'reason'));
  if (reason) return prefix + reason;
  const signal = int(at(term, 'signal'));
  return signal ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${int(at(term, 'exitCode'))}`;
};

/** Walks init containers; returns true while the pod is still initializing (reason becomes `Init:...`). */
function tallyInitContainers(pod: KubeObject, t: Tally, sidecars: Set<string> | undefined, sidecar: Tally): boolean {
  const statuses = list(at(pod, 'status', 'initContainerStatuses'));
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i];
    const isSidecar = sidecars?.has(str(at(s, 'name'))) ?? false;
    const restarts = int(at(s, 'restartCount'));
    t.restarts += restarts;
    t.lastRestart = Math.max(t.lastRestart, lastTermination(s));
    if (isSidecar) {
      sidecar.restarts += restarts;
      sidecar.lastRestart = Math.max(sidecar.lastRestart, lastTermination(s));
    }
    const term = at(s, 'state', 'terminated');
    const waiting = str(at(s, 'state', 'waiting', 'reason'));
    if (term && int(at(term, 'exitCode')) === 0) continue;
    if (isSidecar && at(s, 'started') === true) {
      if (at(s, 'ready') === true) t.ready++;
      continue;
    }
    if (term) t.reason = terminatedReason(term, 'Init:');
    else if (waiting && waiting !== 'PodInitializing') t.reason = `Init:${waiting}`;
    else t.reason = `Init:${i}/${list(at(pod, 'spec', 'initContainers')).length}`;
    return true;
  }
  return false;
}

const hasCondition = (pod: KubeObject, type: string): boolean =>
  list(at(pod, 'status', 'conditions')).some((c) => at(c, 'type') === type && at(c, 'status') === 'True');

/** Regular containers, last to first, so the first container's waiting/terminated reason wins. */
function tallyContainers(pod: KubeObject, t: Tally): void {
  const statuses = list(at(pod, 'status', 'containerStatuses'));
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const s = statuses[i];
    t.restarts += int(at(s, 'restartCount'));
    t.lastRestart = Math.max(t.lastRestart, lastTermination(s));
    const waiting = str(at(s, 'state', 'waiting', 'reason'));
    const term = at(s, 'state', 'terminated');
    if (waiting) t.reason = waiting;
    else if (term) t.reason = terminatedReason(term, '');
    else if (at(s, 'ready') === true && at(s, 'state', 'running')) {
      hasRunning = true;
      t.ready++;
    }
  }
  if (t.reason === 'Completed' && hasRunning) t.reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
}

/** kube's printPod status logic: the STATUS, READY and RESTARTS kubectl shows. */
export function podSummary(pod: KubeObject): Tally {
  const phase = str(at(pod, 'status', 'phase'));
  const t: Tally = { reason: str(at(pod, 'status', 'reason'), phase), restarts: 0, lastRestart: 0, ready: 0, total: 0 };
  const gated = list(at(pod, 'status', 'conditions')).some(
    (c) => at(c, 'type') === 'PodScheduled' && at(c, 'reason') === 'SchedulingGated',
  );
  if (gated) t.reason = 'SchedulingGated';
  const sidecars = sidecarNames(pod);
  const sidecar: Tally = { reason: '', restarts: 0, lastRestart: 0, ready: 0, total: 0 };
  const initializing = tallyInitContainers(pod, t, sidecars, sidecar);
  if (!initializing || hasCondition(pod, 'Initialized')) {
    t.restarts = sidecar.restarts;
    t.lastRestart = sidecar.lastRestart;
    tallyContainers(pod, t);
  }
  const deleting = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  if (deleting && at(pod, 'status', 'reason') === 'NodeLost') t.reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') t.reason = 'Terminating';
  t.total = list(at(pod, 'spec', 'containers')).length + (sidecars?.size ?? 0);
  return t;
}

function readinessGates(pod: KubeObject): string {
  const gates = list(at(pod, 'spec', 'readinessGates'));
  if (!gates.length) return '<none>';
  const conditions = list(at(pod, 'status', 'conditions'));
  let passed = 0;
  for (const g of gates) {
    const c = conditions.find((x) => at(x, 'type') === at(g, 'conditionType'));
    if (c && at(c, 'status') === 'True') passed++;
  }
  return `${passed}/${gates.length}`;
}

function podCells(pod: KubeObject, { now }: PrintContext): unknown[] {
  const s = podSummary(pod);
  const restarts = s.restarts !== 0 && s.lastRestart ? `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)` : String(s.restarts);
  const ip = str(at(pod, 'status', 'podIPs', 0, 'ip')) || str(at(pod, 'status', 'podIP'), '<none>');
  return [
    pod.metadata.name,
    `${s.ready}/${s.total}`,
    s.reason,
    restarts,
    since(pod.metadata.creationTimestamp, now),
    ip,
    str(at(pod, 'spec', 'nodeName'), '<none>'),
    str(at(pod, 'status', 'nominatedNodeName'), '<none>'),
    readinessGates(pod),
  ];
}

const SUCCEEDED: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
];
const FAILED: TableRowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];

export const podPrinters: Record<string, KindPrinter> = {
  Pod: {
    columns: [
      NAME_COLUMN,
      col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
      col('Status', 'string', 'The aggregate status of the containers in this pod.'),
      col(
        'Restarts',
        'string',
        'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      ),
      AGE_COLUMN,
      col('IP', 'string', 'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', 1),
      col('Node', 'string', 'NodeName indicates in which node this pod is scheduled.', 1),
      col('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods on the node.', 1),
      col('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness.', 1),
    ],
    cells: podCells,
    conditions: (pod) => {
      const phase = at(pod, 'status', 'phase');
      return phase === 'Succeeded' ? SUCCEEDED : phase === 'Failed' ? FAILED : undefined;
    },
  },
};
