// core/Pod (gitops-engine pkg/health/health_pod.go). Pods that restart only on failure or never are taken for
// hooks with a finite life unless argocd.argoproj.io/ignore-restart-policy is "true" on a pod that is no hook.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asNumber, asRecords, asString, getIn, type JsonRecord } from '../object/json-value';
import { isHook } from '../sync/hook';
import { conditionOf, health, textOf } from './health-check';
import { requireVersion } from './served-versions';

export const IGNORE_RESTART_POLICY_ANNOTATION = 'argocd.argoproj.io/ignore-restart-policy';

const isBadWait = (reason: string): boolean => reason.startsWith('Err') || reason.endsWith('Error') || reason.endsWith('BackOff');

/** Long-running pods stuck in CrashLoopBackOff, ImagePullBackOff, ErrImagePull… are Degraded. */
function waitingErrors(statuses: JsonRecord[]): string[] | undefined {
  const bad = statuses.map((s) => getIn(s, 'state', 'waiting')).filter((w) => isBadWait(asString(getIn(w, 'reason')) ?? ''));
  return bad.length ? bad.map((w) => asString(getIn(w, 'message')) ?? '') : undefined;
}

function failMessage(ctr: JsonRecord): string {
  const term = getIn(ctr, 'state', 'terminated');
  if (term === undefined) return '';
  const message = asString(getIn(term, 'message'));
  if (message) return message;
  if (getIn(term, 'reason') === 'OOMKilled') return 'OOMKilled';
  const code = asNumber(getIn(term, 'exitCode')) ?? 0;
  return code !== 0 ? `container "${asString(ctr.name) ?? ''}" failed with exit code ${code}` : '';
}

function runningHealth(longRunning: boolean, statuses: JsonRecord[], obj: KubeObject, message: string): HealthStatus {
  // Pods that run to completion (hooks) are never Healthy while running.
  if (!longRunning) return health('Progressing', message);
  if (textOf(conditionOf(obj, 'Ready'), 'status') === 'True') return health('Healthy', message);
  const crashed = statuses.some((s) => getIn(s, 'lastState', 'terminated') !== undefined);
  return health(crashed ? 'Degraded' : 'Progressing', message);
}

export function podHealth(obj: KubeObject): HealthStatus {
  requireVersion(obj, 'Pod', ['v1']);
  const restartPolicy = asString(getIn(obj, 'spec', 'restartPolicy')) ?? 'Always';
  const longRunning = restartPolicy === 'Always' || (obj.metadata?.annotations?.[IGNORE_RESTART_POLICY_ANNOTATION] === 'true' && !isHook(obj));
  const statuses = asRecords(getIn(obj, 'status', 'containerStatuses'));
  const message = asString(getIn(obj, 'status', 'message')) ?? '';
  // Not for hook pods: a pull error there would fail the hook early and rerun it after the sync.
  const errors = longRunning ? waitingErrors(statuses) : undefined;
  if (errors) return health('Degraded', errors.join(', '));
  switch (asString(getIn(obj, 'status', 'phase'))) {
    case 'Pending':
      return health('Progressing', message);
    case 'Succeeded':
      return health('Healthy', message);
    case 'Failed': {
      if (message) return health('Degraded', message);
      const all = [...asRecords(getIn(obj, 'status', 'initContainerStatuses')), ...statuses];
      return health(
        'Degraded',
        all.map(failMessage).find((m) => m !== ''),
      );
    }
    case 'Running':
      return runningHealth(longRunning, statuses, obj, message);
    default:
      return health('Unknown', message);
  }
}
