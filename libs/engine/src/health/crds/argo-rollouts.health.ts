// Argo Rollouts (argoproj.io): Rollout, AnalysisRun and Experiment, read as the Rollouts docs describe
// their status and as Argo CD's built-in checks surface it, so existing dashboards read the same.
import type { HealthStatus, HealthStatusCode, KubeObject } from '@flotilla/api-types';
import { asArray, asNumber, asString, getIn, isRecord } from '../../object/json-value';
import { health, type HealthCheck } from '../health-check';
import { field, statusConditions } from './conditions';

const GROUP = 'argoproj.io';
const NOT_OBSERVED = 'Waiting for rollout spec update to be observed';

/** A generation written as a number or as a numeric string (Rollouts before v0.10 wrote a hash there). */
const generationOf = (v: unknown): number | undefined => {
  if (typeof v === 'number') return asNumber(v);
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return undefined;
};

/**
 * Whether the controller has seen the current spec. A status.observedGeneration that is not a number
 * (a v0.9 pod-template hash) or is ahead of metadata.generation says nothing, so counts as observed.
 * A Rollout pointing at a workload (spec.workloadRef) must also have seen the workload's generation.
 */
function specObserved(obj: KubeObject): boolean {
  const observed = generationOf(getIn(obj, 'status', 'observedGeneration'));
  const generation = obj.metadata?.generation ?? 0;
  if (observed !== undefined && observed < generation) return false;
  const workloadGeneration = obj.metadata?.annotations?.['rollout.argoproj.io/workload-generation'];
  if (getIn(obj, 'spec', 'workloadRef') !== undefined && workloadGeneration !== undefined) {
    return generationOf(workloadGeneration) === generationOf(getIn(obj, 'status', 'workloadObservedGeneration'));
  }
  return true;
}

const PHASES: Record<string, HealthStatusCode> = {
  Healthy: 'Healthy',
  Progressing: 'Progressing',
  Degraded: 'Degraded',
  Paused: 'Suspended',
};

/** argoproj.io/Rollout. */
export function rolloutHealth(obj: KubeObject): HealthStatus {
  const status = getIn(obj, 'status');
  if (!isRecord(status) || status.observedGeneration === undefined || !specObserved(obj)) return health('Progressing', NOT_OBSERVED);

  // Rollouts v1.0 and later assess themselves into status.phase/message; Paused is Argo's Suspended.
  const phase = asString(status.phase);
  if (phase !== undefined) {
    const message = asString(status.message);
    return PHASES[phase] ? health(PHASES[phase], message) : health('Unknown', message ?? `Unknown rollout phase "${phase}"`);
  }

  // Older controllers: read the conditions, pause state and replica counts ourselves.
  for (const c of statusConditions(obj)) {
    const type = field(c, 'type');
    const reason = field(c, 'reason');
    if (type === 'InvalidSpec') return health('Degraded', field(c, 'message'));
    if (type === 'Progressing' && (reason === 'RolloutAborted' || reason === 'ProgressDeadlineExceeded'))
      return health('Degraded', field(c, 'message'));
  }
  if (asArray(status.pauseConditions).length > 0 || getIn(obj, 'spec', 'paused') === true) return health('Suspended', 'Rollout is paused');
  const podHash = asString(status.currentPodHash);
  if (podHash === undefined) return health('Progressing', 'Waiting for rollout to finish: status has not been reconciled.');

  const wanted = asNumber(getIn(obj, 'spec', 'replicas')) ?? 1;
  const replicas = asNumber(status.replicas) ?? 0;
  const updated = asNumber(status.updatedReplicas) ?? 0;
  const available = asNumber(status.availableReplicas) ?? 0;
  if (updated < wanted) return health('Progressing', 'Waiting for roll out to finish: More replicas need to be updated');
  if (available < updated) return health('Progressing', 'Waiting for roll out to finish: updated replicas are still becoming available');

  // status.canary.stableRS is where v0.7 kept it.
  const stable = asString(status.stableRS) ?? asString(getIn(status, 'canary', 'stableRS')) ?? '';
  if (getIn(obj, 'spec', 'strategy', 'blueGreen') !== undefined) {
    if (asString(getIn(status, 'blueGreen', 'activeSelector')) !== podHash) return health('Progressing', 'active service cutover pending');
    if (stable !== '' && stable !== podHash) return health('Progressing', 'waiting for analysis to complete');
  } else if (getIn(obj, 'spec', 'strategy', 'canary') !== undefined) {
    if (replicas > updated) return health('Progressing', 'Waiting for roll out to finish: old replicas are pending termination');
    if (stable !== podHash) return health('Progressing', 'Waiting for rollout to finish steps');
  }
  return health('Healthy');
}

/** A check by status.phase, for the run-to-completion kinds; `pending` while no phase has been written. */
const byPhase =
  (phases: Record<string, [HealthStatusCode, string, boolean?]>, pending: string): HealthCheck =>
  (obj) => {
    const status = getIn(obj, 'status');
    const phase = asString(getIn(status, 'phase'));
    if (!isRecord(status) || phase === undefined) return health('Progressing', pending);
    const entry = phases[phase];
    if (!entry) return health('Unknown', asString(status.message) ?? `Unknown phase "${phase}"`);
    const [code, fallback, preferOwn] = entry;
    return health(code, preferOwn ? (asString(status.message) ?? fallback) : fallback);
  };

/** argoproj.io/AnalysisRun: Inconclusive needs a person to judge it, so it is Unknown, as in Argo CD. */
export const analysisRunHealth = byPhase(
  {
    Pending: ['Progressing', 'Analysis run is running'],
    Running: ['Progressing', 'Analysis run is running'],
    Successful: ['Healthy', 'Analysis run completed successfully', true],
    Failed: ['Degraded', 'Analysis run failed', true],
    Error: ['Degraded', 'Analysis run had an error', true],
    Inconclusive: ['Unknown', 'Analysis run was inconclusive', true],
  },
  'Waiting for analysis run to finish: status has not been reconciled.',
);

/** argoproj.io/Experiment. */
export const experimentHealth = byPhase(
  {
    Pending: ['Progressing', 'Experiment is pending'],
    Running: ['Progressing', 'Experiment is running'],
    Successful: ['Healthy', 'Experiment is successful'],
    Failed: ['Degraded', 'Experiment has failed'],
    Error: ['Degraded', 'Experiment had an error'],
  },
  'Waiting for experiment to finish: status has not been reconciled.',
);

export const argoRolloutsHealthChecks: Record<string, HealthCheck> = {
  [`${GROUP}/Rollout`]: rolloutHealth,
  [`${GROUP}/AnalysisRun`]: analysisRunHealth,
  [`${GROUP}/Experiment`]: experimentHealth,
};
