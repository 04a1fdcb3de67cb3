// What a deleting ApplicationSet does to its Applications, as in Argo: under a policy that forbids
// deleting, it lets them go (Kubernetes GC then keeps them); with deletionOrder: Reverse it deletes them
// step by step, last step first, before letting itself go; otherwise Kubernetes GC deletes them all at
// once through their ownerReferences once the ApplicationSet is gone.
import type { ApplicationSet } from '@flotilla/api-types';
import type { Logger } from 'pino';
import type { AppSetHub } from '../hub/appset-hub.port';
import { allowsDelete, isOwnedBy, policyOf } from './application.plan';
import { Outcome, Reason } from './appset.conditions';
import {
  hasReverseDeletionFinalizer,
  nextReverseDeletion,
  REVERSE_DELETION_FINALIZER,
  reverseDeletionEnabled,
} from './reverse-deletion.plan';
import { strategyProblem } from './rolling-sync.plan';

export interface DeletionResult {
  /** `error` asks for a retry (an API call failed); `success` waits for the next event (an Application going, say). */
  result: 'success' | 'error';
  /** A problem worth a condition on the ApplicationSet while it waits. */
  problem?: Outcome;
}

const problem = (reason: string, message: string): Outcome => ({ kind: 'error', reason, message, parametersGenerated: true });

export async function reconcileDeletion(hub: AppSetHub, appSet: ApplicationSet, log: Logger, now: Date): Promise<DeletionResult> {
  if (!allowsDelete(policyOf(appSet))) {
    const owned = (await hub.listApplications()).filter((a) => isOwnedBy(a, appSet));
    for (const app of owned) await hub.patchApplication(app.metadata.name, { metadata: { ownerReferences: null } });
    log.info(`released ${owned.length} applications: the applicationsSync policy does not allow deleting them`);
  } else if (reverseDeletionEnabled(appSet) && hasReverseDeletionFinalizer(appSet)) {
    const waiting = await deleteNextStep(hub, appSet, log, now);
    if (waiting) return waiting;
  }
  // Argo lets its finalizer go here whatever the order, so an ApplicationSet that no longer asks for Reverse is not held.
  await hub.setAppSetFinalizer(appSet, REVERSE_DELETION_FINALIZER, false);
  if (hasReverseDeletionFinalizer(appSet)) log.info('removed the finalizer: the ApplicationSet may go');
  return { result: 'success' };
}

/** Deletes the Applications of the last step that has any; undefined once every step is gone. */
async function deleteNextStep(hub: AppSetHub, appSet: ApplicationSet, log: Logger, now: Date): Promise<DeletionResult | undefined> {
  const badStrategy = strategyProblem(appSet);
  if (badStrategy) {
    // The steps cannot be trusted to order anything: deleting nothing until the spec is fixed is the safe side.
    log.error(`reverse deletion waits: invalid rollout strategy: ${badStrategy}`);
    return {
      result: 'success',
      problem: problem(Reason.InvalidRolloutConfig, `${badStrategy}; Applications are deleted in reverse order once it is fixed`),
    };
  }
  const owned = (await hub.listApplications()).filter((a) => isOwnedBy(a, appSet));
  const next = nextReverseDeletion(appSet, owned, now);
  if (next.kind === 'done') {
    log.info('reverse deletion complete');
    return undefined;
  }
  const failures = new Map<string, string>();
  for (const name of next.toDelete) {
    try {
      await hub.deleteApplication(name);
      log.info({ application: name, step: next.step }, 'reverse deletion: deleted application');
    } catch (err) {
      const message = (err as Error).message;
      log.error({ application: name, step: next.step }, `reverse deletion: failed to delete Application: ${message}`);
      failures.set(name, message);
    }
  }
  const [first] = [...failures.keys()].sort();
  if (first !== undefined) return { result: 'error', problem: problem(Reason.DeleteApplicationError, failures.get(first) ?? '') };
  if (next.deleting.length) log.info({ step: next.step, applications: next.deleting }, 'reverse deletion: waiting for applications to go');
  if (next.stuck) {
    log.warn(next.stuck);
    return { result: 'success', problem: problem(Reason.DeleteApplicationError, next.stuck) };
  }
  return { result: 'success' };
}
