// Progressive sync (strategy.type: RollingSync), as a pure state machine after Argo's: generated
// Applications are grouped into steps by their labels; each Application's rollout status moves
// Waiting → Pending → Progressing → Healthy; a step's Applications are synced (by writing `operation`)
// only once every Application of the steps before it is Synced and Healthy.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Progressive-Syncs/
import type {
  Application,
  ApplicationSet,
  ApplicationSetApplicationStatus as AppRolloutStatus,
  ApplicationSetRolloutStep,
  Operation,
} from '@flotilla/api-types';

export const ROLLING_SYNC_USERNAME = 'applicationset-controller';
export const ROLLING_SYNC_REASON = 'ApplicationSet RollingSync triggered a sync of this Application resource.';

export const Message = {
  Defaulted: 'No Application status found, defaulting status to Waiting.',
  PendingChanges: 'Application has pending changes, setting status to Waiting.',
  SyncSucceeded: 'Application resource completed a sync successfully, updating status from Pending to Progressing.',
  BecameProgressing: 'Application resource became Progressing, updating status from Pending to Progressing.',
  AlreadyHealthy: 'Application resource is already Healthy, updating status from Waiting to Healthy.',
  BecameHealthy: 'Application resource became Healthy, updating status from Progressing to Healthy.',
  MovedToPending: 'Application moved to Pending status, watching for the Application resource to start Progressing.',
} as const;

/** Whether the ApplicationSet rolls its Applications out step by step. */
export const rollingSyncEnabled = (appSet: ApplicationSet): boolean =>
  appSet.spec.strategy?.type === 'RollingSync' && (appSet.spec.strategy.rollingSync?.steps?.length ?? 0) > 0;

/** What is wrong with spec.strategy, if anything: a user error worth a condition rather than a guess. */
export function strategyProblem(appSet: ApplicationSet): string | undefined {
  const strategy = appSet.spec.strategy;
  if (!strategy) return undefined;
  const type = strategy.type ?? 'AllAtOnce';
  if (type !== 'AllAtOnce' && type !== 'RollingSync')
    return `spec.strategy.type: ${JSON.stringify(type)} is not one of AllAtOnce, RollingSync`;
  // Argo reads the order case-insensitively; anything else is a typo better named than read as AllAtOnce.
  const order = strategy.deletionOrder as unknown;
  if (order !== undefined && (typeof order !== 'string' || !['allatonce', 'reverse'].includes(order.toLowerCase())))
    return `spec.strategy.deletionOrder: ${JSON.stringify(order)} is not one of AllAtOnce, Reverse`;
  if (type !== 'RollingSync') return undefined;
  const steps = strategy.rollingSync?.steps;
  if (!Array.isArray(steps) || steps.length === 0) return 'spec.strategy.rollingSync.steps: a RollingSync strategy needs at least one step';
  for (const [i, step] of steps.entries()) {
    const at = `spec.strategy.rollingSync.steps[${i}]`;
    for (const [j, e] of (step.matchExpressions ?? []).entries()) {
      if (!e || typeof e.key !== 'string' || !e.key) return `${at}.matchExpressions[${j}].key is required`;
      if (e.operator !== 'In' && e.operator !== 'NotIn')
        return `${at}.matchExpressions[${j}].operator: ${JSON.stringify(e.operator)} is not supported (use In or NotIn)`;
    }
    if (step.maxUpdate !== undefined && maxUpdateOf(step.maxUpdate, 1) === undefined)
      return `${at}.maxUpdate: ${JSON.stringify(step.maxUpdate)} is neither a whole number nor a percentage such as "25%"`;
  }
  return undefined;
}

/** The step (0-based) of every generated Application a step selects: the first one that does. */
export function stepsOf(
  steps: readonly ApplicationSetRolloutStep[],
  generated: readonly Application[],
): { members: string[][]; stepOf: Map<string, number> } {
  const members = steps.map((): string[] => []);
  const stepOf = new Map<string, number>();
  for (const app of generated) {
    steps.forEach((step, i) => {
      if (!selects(step, app.metadata.labels ?? {})) return;
      members[i].push(app.metadata.name);
      if (!stepOf.has(app.metadata.name)) stepOf.set(app.metadata.name, i);
    });
  }
  return { members, stepOf };
}

/** All expressions must hold; an absent label satisfies NotIn but not In. */
function selects(step: ApplicationSetRolloutStep, labels: Record<string, string>): boolean {
  return (step.matchExpressions ?? []).every((e) => {
    const value = labels[e.key];
    if (value === undefined) return e.operator !== 'In';
    const listed = (e.values ?? []).includes(value);
    return e.operator === 'In' ? listed : !listed;
  });
}

/** How many of `total` may update at once; undefined for a malformed value. Percentages round down, but never to 0 unless "0%". */
export function maxUpdateOf(maxUpdate: number | string | undefined, total: number): number | undefined {
  if (maxUpdate === undefined) return total;
  if (typeof maxUpdate === 'number') return Number.isInteger(maxUpdate) && maxUpdate >= 0 ? maxUpdate : undefined;
  const m = /^(\d+)%$/.exec(maxUpdate);
  if (!m) return undefined;
  const scaled = Math.floor((Number(m[1]) * total) / 100);
  return Number(m[1]) > 0 && scaled < 1 ? 1 : scaled;
}

const stepLabel = (stepOf: ReadonlyMap<string, number>, name: string): string => String((stepOf.get(name) ?? -2) + 1);
const revisionsOf = (app: Application): string[] =>
  app.status?.sync?.revisions?.length ? [...app.status.sync.revisions] : app.status?.sync?.revision ? [app.status.sync.revision] : [];
const syncedRevisions = (app: Application): string[] => {
  const result = app.status?.operationState?.syncResult;
  return result?.revisions?.length ? [...result.revisions] : result?.revision ? [result.revision] : [];
};
const sameList = (a: readonly string[] = [], b: readonly string[] = []): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
const phaseOf = (app: Application): string => app.status?.operationState?.phase ?? '';
const failedPhase = (app: Application): boolean => phaseOf(app) === 'Failed' || phaseOf(app) === 'Error';

/** Synced (or not known to be out of sync), Healthy, and no sync running or failed. */
export function isApplicationHealthy(app: Application): boolean {
  const phase = phaseOf(app);
  return app.status?.health?.status === 'Healthy' && app.status?.sync?.status !== 'OutOfSync' && (phase === 'Succeeded' || phase === '');
}

/** A sync this rollout started that finished as Failed/Error: it is not started again for the same revisions. */
function syncFailedSince(app: Application, status: AppRolloutStatus): boolean {
  if (!failedPhase(app)) return false;
  const finished = app.status?.operationState?.finishedAt ?? app.status?.operationState?.startedAt ?? '';
  return !status.lastTransitionTime || finished >= status.lastTransitionTime;
}

/** Why an Application holds its step up when something is wrong with it, or undefined when it is merely on its way. */
export function blockingProblem(app: Application, status: AppRolloutStatus | undefined): string | undefined {
  const name = app.metadata.name;
  const failedRun = status?.status === 'Progressing' && failedPhase(app) && app.status?.sync?.status === 'OutOfSync';
  if ((status?.status === 'Pending' && syncFailedSince(app, status)) || failedRun) {
    const message = app.status?.operationState?.message;
    return `Application ${name} failed to sync (${phaseOf(app)})${message ? `: ${message}` : ''}`;
  }
  const health = app.status?.health;
  if (
    health &&
    ['Degraded', 'Missing', 'Unknown'].includes(health.status) &&
    app.status?.sync?.status !== 'OutOfSync' &&
    phaseOf(app) !== 'Running'
  ) {
    return `Application ${name} is ${health.status}${health.message ? `: ${health.message}` : ''}`;
  }
  return undefined;
}

/** The status entries after looking at the live Applications (Argo's updateApplicationSetApplicationStatus). */
export function observeStatuses(
  previous: readonly AppRolloutStatus[],
  live: readonly Application[],
  stepOf: ReadonlyMap<string, number>,
  now: string,
): AppRolloutStatus[] {
  return live.map((app) => {
    const name = app.metadata.name;
    const found = previous.find((s) => s.application === name);
    const s: AppRolloutStatus = found
      ? { ...found, targetRevisions: found.targetRevisions?.length ? found.targetRevisions : revisionsOf(app) }
      : {
          application: name,
          status: 'Waiting',
          message: Message.Defaulted,
          step: stepLabel(stepOf, name),
          lastTransitionTime: now,
          targetRevisions: revisionsOf(app),
        };
    const move = (status: AppRolloutStatus['status'], message: string): void => {
      Object.assign(s, { status, message, step: stepLabel(stepOf, name), lastTransitionTime: now });
    };
    const outdated = app.status?.sync?.status === 'OutOfSync';
    // A sync of the revision being rolled out that failed is no pending change: starting it again and
    // again would hide the failure. It waits for a new revision or the user.
    const failedHere = s.status === 'Progressing' && failedPhase(app) && sameList(s.targetRevisions, revisionsOf(app));
    if (outdated && s.status !== 'Waiting' && s.status !== 'Pending' && !failedHere) {
      move('Waiting', Message.PendingChanges);
      s.targetRevisions = revisionsOf(app);
    }
    // A newer revision arrived before this one was synced: that is the one to wait for. A failed sync
    // waits for the user, unless such a revision arrives: then it is rolled out afresh.
    if (s.status === 'Pending' && outdated && !sameList(s.targetRevisions, revisionsOf(app))) {
      if (syncFailedSince(app, s)) move('Waiting', Message.PendingChanges);
      s.targetRevisions = revisionsOf(app);
    }
    if (s.status === 'Pending') {
      if (phaseOf(app) === 'Succeeded') {
        if (sameList(s.targetRevisions, syncedRevisions(app))) move('Progressing', Message.SyncSucceeded);
      } else if (phaseOf(app) === 'Running' || app.status?.health?.status === 'Progressing') {
        move('Progressing', Message.BecameProgressing);
      }
    }
    if (s.status === 'Waiting' && isApplicationHealthy(app)) move('Healthy', Message.AlreadyHealthy);
    if (s.status === 'Progressing' && isApplicationHealthy(app)) move('Healthy', Message.BecameHealthy);
    return s;
  });
}

/** Which Applications may sync now: every step up to and including the first one not yet Healthy throughout. */
export function syncableApplications(
  members: readonly string[][],
  statuses: readonly AppRolloutStatus[],
  live: ReadonlyMap<string, Application>,
): { syncable: Set<string>; haltedAt?: number } {
  const syncable = new Set<string>();
  for (const [i, names] of members.entries()) {
    for (const name of names) syncable.add(name);
    const done = names.every((name) => {
      const app = live.get(name);
      const status = statuses.find((s) => s.application === name);
      return app !== undefined && status?.status === 'Healthy' && isApplicationHealthy(app);
    });
    if (!done) return { syncable, haltedAt: i };
  }
  return { syncable };
}

/** Waiting Applications of syncable steps become Pending, at most maxUpdate updating per step (Argo's …StatusProgress). */
export function promoteStatuses(
  statuses: readonly AppRolloutStatus[],
  steps: readonly ApplicationSetRolloutStep[],
  stepOf: ReadonlyMap<string, number>,
  syncable: ReadonlySet<string>,
  now: string,
): AppRolloutStatus[] {
  const total = steps.map(() => 0);
  const updating = steps.map(() => 0);
  for (const s of statuses) {
    const step = stepOf.get(s.application);
    if (step === undefined) continue;
    total[step]++;
    if (s.status === 'Pending' || s.status === 'Progressing') updating[step]++;
  }
  return statuses.map((s) => {
    const step = stepOf.get(s.application);
    if (s.status !== 'Waiting' || step === undefined || !syncable.has(s.application)) return s;
    const allowed = maxUpdateOf(steps[step].maxUpdate, total[step]) ?? total[step];
    if (updating[step] >= allowed) return s;
    updating[step]++;
    return { ...s, status: 'Pending', message: Message.MovedToPending, step: String(step + 1), lastTransitionTime: now };
  });
}

/** The generated Application as RollingSync writes it: no auto-sync, and a sync operation when its turn has come. */
export function rolloutApplication(desired: Application, sync: boolean): Application {
  const spec = structuredClone(desired.spec);
  const prune = spec.syncPolicy?.automated?.prune === true;
  if (spec.syncPolicy?.automated) delete spec.syncPolicy.automated;
  const out: Application = { ...desired, spec };
  if (!sync) return out;
  const operation: Operation = {
    initiatedBy: { username: ROLLING_SYNC_USERNAME, automated: true },
    info: [{ name: 'Reason', value: ROLLING_SYNC_REASON }],
    sync: {},
  };
  if (spec.syncPolicy) {
    if (spec.syncPolicy.retry) operation.retry = spec.syncPolicy.retry;
    if (spec.syncPolicy.syncOptions) operation.sync = { ...operation.sync, syncOptions: spec.syncPolicy.syncOptions };
    operation.sync = { ...operation.sync, prune };
  }
  return { ...out, operation };
}

export interface RolloutPlan {
  applicationStatus: AppRolloutStatus[];
  /** Generated Applications to write a sync operation on in this reconcile. */
  toSync: Set<string>;
  /** Why the rollout cannot go on (an Application of the step it waits at is failing), if it cannot. */
  stopped?: string;
}

/**
 * One reconcile of a RollingSync: statuses from the live Applications, then promotion within the
 * steps that may sync. `live` holds the Applications the ApplicationSet owns now.
 */
export function planRollout(
  appSet: ApplicationSet,
  generated: readonly Application[],
  live: readonly Application[],
  now: string,
): RolloutPlan {
  const steps = appSet.spec.strategy?.rollingSync?.steps ?? [];
  const { members, stepOf } = stepsOf(steps, generated);
  const liveByName = new Map(live.map((a) => [a.metadata.name, a]));
  const observed = observeStatuses(appSet.status?.applicationStatus ?? [], live, stepOf, now);
  const { syncable, haltedAt } = syncableApplications(members, observed, liveByName);
  const applicationStatus = promoteStatuses(observed, steps, stepOf, syncable, now);
  const toSync = new Set<string>();
  for (const s of applicationStatus) {
    const app = liveByName.get(s.application);
    // Only Pending Applications sync (maxUpdate decided that), once each per revision when the sync fails.
    if (!app || s.status !== 'Pending' || !syncable.has(s.application) || app.status?.sync?.status !== 'OutOfSync') continue;
    if (!syncFailedSince(app, s)) toSync.add(s.application);
  }
  let stopped: string | undefined;
  if (haltedAt !== undefined) {
    const problems = members[haltedAt]
      .map((name) => liveByName.get(name))
      .filter((app): app is Application => app !== undefined)
      .map((app) =>
        blockingProblem(
          app,
          applicationStatus.find((s) => s.application === app.metadata.name),
        ),
      )
      .filter((p): p is string => p !== undefined);
    if (problems.length > 0) stopped = `stopped at step ${haltedAt + 1}: ${problems.join('; ')}`;
  }
  return { applicationStatus, toSync, stopped };
}
