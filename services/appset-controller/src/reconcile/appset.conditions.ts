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
} as const;

export const UP_TO_DATE_MESSAGE = 'All applications have been generated successfully';

/** The outcome of one reconcile, as the one condition it reports. */
export type Outcome = { kind: 'error'; reason: string; message: string; parametersGenerated: boolean } | { kind: 'upToDate' };

/** Next status.conditions from the current ones; unchanged conditions keep their transition time. */
export function nextConditions(current: readonly AppSetCondition[], outcome: Outcome, now: string): AppSetCondition[] {
  const fresh = outcomeConditions(outcome);
  // We never run progressive syncs, so rollout conditions are evaluated too, i.e. removed.
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

/** Whether writing `next` would change what users see (transition times aside). */
export const conditionsChanged = (prev: readonly AppSetCondition[], next: readonly AppSetCondition[]): boolean =>
  prev.length !== next.length ||
  next.some(
    (c, i) => c.type !== prev[i].type || c.status !== prev[i].status || c.reason !== prev[i].reason || c.message !== prev[i].message,
  );

const byTypeStatusReasonMessage = (a: AppSetCondition, b: AppSetCondition): number =>
  cmp(a.type, b.type) || cmp(a.status, b.status) || cmp(a.reason, b.reason) || cmp(a.message, b.message);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
