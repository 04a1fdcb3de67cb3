// When `app wait` (and `app sync` after writing its operation) may stop: argocd's wait conditions.
import type { Application } from '@flotilla/api-types';
import { includeResource, resourceStates, type ResourceFilter } from './app-resources.printer';

export interface WaitFor {
  sync?: boolean;
  health?: boolean;
  operation?: boolean;
  suspended?: boolean;
  degraded?: boolean;
}

/** No flags means all three, as argocd does. */
export const defaultWaitFor = (w: WaitFor): WaitFor => (w.sync || w.health || w.operation || w.suspended || w.degraded ? w : { sync: true, health: true, operation: true });

function statusMatches(watch: WaitFor, health: string, sync: string, operationPending: boolean): boolean {
  const healthChecked = watch.health || watch.suspended || watch.degraded;
  const healthOk =
    !healthChecked || (watch.health && health === 'Healthy') || (watch.suspended && health === 'Suspended') || (watch.degraded && health === 'Degraded');
  const synced = !watch.sync || sync === 'Synced';
  const operational = !watch.operation || !operationPending;
  return Boolean(healthOk) && synced && operational;
}

/**
 * `ready`: the app (or the selected resources) match; `operationInProgress`: an operation is requested,
 * running, or just finished and the controller has not reconciled the app since.
 */
export function waitConditions(app: Application, watch: WaitFor, selected: readonly ResourceFilter[] = []): { ready: boolean; operationInProgress: boolean } {
  const op = app.status?.operationState;
  let operationInProgress = false;
  if (app.operation) operationInProgress = true;
  else if (op && !op.finishedAt) operationInProgress = true;
  else if (op?.finishedAt && !op.operation?.sync?.dryRun) {
    const reconciled = app.status?.reconciledAt ? Date.parse(app.status.reconciledAt) : NaN;
    // A sync's result only shows in status.sync once the controller has compared again.
    if (Number.isNaN(reconciled) || reconciled < Date.parse(op.finishedAt)) operationInProgress = true;
  }
  const pending = Boolean(app.operation);
  if (selected.length > 0) {
    const states = resourceStates(app, selected).filter((s) => includeResource(s, selected));
    return { ready: states.every((s) => statusMatches(watch, s.health, s.status, pending)), operationInProgress };
  }
  return { ready: statusMatches(watch, app.status?.health?.status ?? '', app.status?.sync?.status ?? '', pending), operationInProgress };
}
