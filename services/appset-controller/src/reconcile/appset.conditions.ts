// status.conditions as Argo's ApplicationSet controller writes them: ParametersGenerated always, and
// ErrorOccurred / ResourcesUpToDate as mirror images of each other.
import type { ApplicationSetStatus } from '@flotilla/api-types';

export type AppSetCondition = NonNullable<ApplicationSetStatus['conditions']>[number];

export const ConditionType = {
  ErrorOccurred: 'ErrorOccurred',
  ParametersGenerated: 'ParametersGenerated',
  ResourcesUpToDate: 'ResourcesUpToDate',
  RolloutProgressing: 'RolloutProgressing',
  InvalidRolloutConfig: 'InvalidRolloutConfig',
} as const;

export const Reason = {
  ErrorOccurred: 'ErrorOccurred',
  ApplicationSetUpToDate: 'ApplicationSetUpToDate',
  ParametersGenerated: 'ParametersGenerated',
  UpdateApplicationError: 'UpdateApplicationError',
  CreateApplicationError: 'CreateApplicationError',
  DeleteApplicationError: 'DeleteApplicationError',
  ApplicationValidationError: 'ApplicationValidationError',
  ApplicationSetModified: 'ApplicationSetModified',
  ApplicationSetRolloutComplete: 'ApplicationSetRolloutComplete',
  InvalidRolloutConfig: 'InvalidRolloutConfig',
} as const;

export const ROLLOUT_STARTED_MESSAGE = 'ApplicationSet Rollout Rollout started';
export const ROLLOUT_COMPLETE_MESSAGE = 'ApplicationSet Rollout Rollout complete';

export const UP_TO_DATE_MESSAGE = 'All applications have been generated successfully';

/** The outcome of one reconcile, as the one condition it reports. */
export type Outcome = { kind: 'error'; reason: string; message: string; parametersGenerated: boolean } | { kind: 'upToDate' };

/**
 * Next status.conditions from the current ones; unchanged conditions keep their transition time.
 * `rollout` is the RolloutProgressing condition of a RollingSync; without one it is removed.
 */
export function nextConditions(
  current: readonly AppSetCondition[],
  outcome: Outcome,
  now: string,
  rollout?: AppSetCondition,
): AppSetCondition[] {
  const fresh = [...outcomeConditions(outcome), ...(rollout ? [rollout] : [])];
  const evaluated = new Set<string>(Object.values(ConditionType));
  const kept = current.filter((c) => !evaluated.has(c.type));
  const updated = fresh.map((c) => {
    const prev = current.find((p) => p.type === c.type);
    const same = prev && prev.status === c.status && prev.reason === c.reason && prev.message === c.message;
    return same ? prev : { ...c, lastTransitionTime: now };
  });
  return [...kept, ...updated].sort(byTypeStatusReasonMessage);
}

function outcomeConditions(outcome: Outcome): AppSetCondition[] {
  if (outcome.kind === 'upToDate') {
    return [
      {
        type: ConditionType.ParametersGenerated,
        status: 'True',
        reason: Reason.ParametersGenerated,
        message: 'Successfully generated parameters for all Applications',
      },
      { type: ConditionType.ResourcesUpToDate, status: 'True', reason: Reason.ApplicationSetUpToDate, message: UP_TO_DATE_MESSAGE },
      { type: ConditionType.ErrorOccurred, status: 'False', reason: Reason.ApplicationSetUpToDate, message: UP_TO_DATE_MESSAGE },
    ];
  }
  const params: AppSetCondition = outcome.parametersGenerated
    ? {
        type: ConditionType.ParametersGenerated,
        status: 'True',
        reason: Reason.ParametersGenerated,
        message: 'Successfully generated parameters for all Applications',
      }
    : { type: ConditionType.ParametersGenerated, status: 'False', reason: Reason.ErrorOccurred, message: outcome.message };
  return [
    params,
    { type: ConditionType.ErrorOccurred, status: 'True', reason: outcome.reason, message: outcome.message },
    { type: ConditionType.ResourcesUpToDate, status: 'False', reason: Reason.ErrorOccurred, message: outcome.message },
  ];
}

/**
 * RolloutProgressing as Argo sets it: True once any Application is not Healthy in its rollout, False
 * ("complete") when all are again; absent until a rollout ever ran. A rollout held up by a failing
 * Application says so in the message.
 */
export function rolloutCondition(
  current: readonly AppSetCondition[],
  statuses: readonly { status: string }[],
  stopped: string | undefined,
): AppSetCondition | undefined {
  const progressing = statuses.some((s) => s.status !== 'Healthy');
  const previous = current.find((c) => c.type === ConditionType.RolloutProgressing);
  if (progressing) {
    const message = stopped ? `ApplicationSet Rollout ${stopped}` : ROLLOUT_STARTED_MESSAGE;
    return { type: ConditionType.RolloutProgressing, status: 'True', reason: Reason.ApplicationSetModified, message };
  }
  if (!previous) return undefined;
  return {
    type: ConditionType.RolloutProgressing,
    status: 'False',
    reason: Reason.ApplicationSetRolloutComplete,
    message: ROLLOUT_COMPLETE_MESSAGE,
  };
}

/** Whether writing `next` would change what users see (transition times aside). */
export const conditionsChanged = (prev: readonly AppSetCondition[], next: readonly AppSetCondition[]): boolean =>
  prev.length !== next.length ||
  next.some(
    (c, i) => c.type !== prev[i].type || c.status !== prev[i].status || c.reason !== prev[i].reason || c.message !== prev[i].message,
  );

const byTypeStatusReasonMessage = (a: AppSetCondition, b: AppSetCondition): number =>
  cmp(a.type, b.type) || cmp(a.status, b.status) || cmp(a.reason, b.reason) || cmp(a.message, b.message);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
