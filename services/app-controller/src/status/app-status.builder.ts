// What the controller writes to an Application's status after a comparison (Argo's
// appcontroller.go processAppRefreshQueueItem + persistAppStatus), and the patch that writes it.
import type { Application, ApplicationCondition, ApplicationStatus, HealthStatus, ResourceStatus, SyncStatusCode } from '@flotilla/api-types';
import type { AppSources } from '../reconcile/manifest.source';
import type { CompareResult } from '@flotilla/engine';
import { createMergePatch, type Json } from './merge-patch';

/** The status fields a comparison owns; operationState and history belong to syncs. */
const COMPARISON_FIELDS = ['sync', 'health', 'resources', 'summary', 'conditions', 'sourceType', 'sourceTypes'] as const;
type ComparisonFields = Pick<ApplicationStatus, (typeof COMPARISON_FIELDS)[number]>;

export interface ComparisonOutcome {
  app: Application;
  /** What was rendered; the app's own sources when absent. */
  sources?: AppSources;
  /** The revisions compared (commit SHAs), one per source, when rendering succeeded. */
  revisions?: string[];
  sourceTypes?: string[];
  /** Absent when the comparison could not run; sync and health are then Unknown. */
  compare?: CompareResult;
  /** Errors and warnings found on the way (ComparisonError, InvalidSpecError, SyncError, ...). */
  conditions: ApplicationCondition[];
}

/** The conditions found, each once, keeping the transition time of those already recorded. */
export function conditionsWithTimes(found: ApplicationCondition[], current: ApplicationCondition[] | undefined, now: string): ApplicationCondition[] {
  const seen = new Set<string>();
  const out: ApplicationCondition[] = [];
  for (const c of found) {
    const id = `${c.type}\n${c.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const previous = (Array.isArray(current) ? current : []).find((p) => p.type === c.type && p.message === c.message);
    out.push({ type: c.type, message: c.message, lastTransitionTime: previous?.lastTransitionTime ?? now });
  }
  return out;
}

/** The comparison-owned part of the status. */
export function comparisonStatus(outcome: ComparisonOutcome, now: string): ComparisonFields {
  const { app, compare } = outcome;
  const current = app.status ?? {};
  const multi = outcome.sources ? outcome.sources.multi : !!app.spec.sources?.length;
  const sources = outcome.sources?.sources ?? (multi ? app.spec.sources : app.spec.source ? [app.spec.source] : []);
  const compared = multi ? { sources } : sources?.[0] ? { source: sources[0] } : {};
  const revisions = outcome.revisions?.length ? (multi ? { revisions: outcome.revisions } : { revision: outcome.revisions[0] }) : {};
  const types = outcome.sourceTypes?.length ? outcome.sourceTypes : multi ? current.sourceTypes : current.sourceType ? [current.sourceType] : undefined;
  const sourceTypes = !types?.length ? {} : multi ? { sourceTypes: types } : { sourceType: types[0] };
  const syncStatus: SyncStatusCode = compare ? compare.syncStatus : 'Unknown';
  const health: HealthStatus = compare ? compare.health : { status: 'Unknown' };
  const resources: ResourceStatus[] | undefined = compare ? compare.resources : current.resources;
  const summary = compare
    ? {
        ...(compare.summary.externalURLs.length ? { externalURLs: compare.summary.externalURLs } : {}),
        ...(compare.summary.images.length ? { images: compare.summary.images } : {}),
      }
    : current.summary;
  const conditions = conditionsWithTimes([...outcome.conditions, ...(compare?.conditions ?? [])], current.conditions, now);
  return {
    sync: { status: syncStatus, comparedTo: { ...compared, destination: app.spec.destination }, ...revisions },
    health,
    ...(resources?.length ? { resources } : {}),
    ...(summary && Object.keys(summary).length ? { summary } : {}),
    ...(conditions.length ? { conditions } : {}),
    ...sourceTypes,
  };
}

/**
 * The status merge patch, or undefined when nothing a user could see changed. A full comparison
 * (against the latest revision) always records reconciledAt, as Argo does; otherwise timestamps
 * move only along with a real change, so churn in live objects causes no write storm.
 */
export function statusPatch(outcome: ComparisonOutcome, now: string, fullComparison: boolean): Record<string, Json> | undefined {
  const next = comparisonStatus(outcome, now);
  const current = outcome.app.status ?? {};
  const before = Object.fromEntries(COMPARISON_FIELDS.map((f) => [f, current[f]]));
  const diff = createMergePatch(before, next) as Record<string, Json> | undefined;
  if (!diff && !fullComparison) return undefined;
  return { ...(diff ?? {}), observedAt: now, ...(fullComparison ? { reconciledAt: now } : {}) };
}

/**
 * The status of an Application whose spec cannot be read: sync and health Unknown, and conditions
 * that say why. Undefined when it already reads so, so a periodic resync writes nothing.
 */
export function invalidSpecPatch(app: Application, conditions: ApplicationCondition[], now: string): Record<string, Json> | undefined {
  const current: Partial<ApplicationStatus> = typeof app.status === 'object' && app.status !== null ? app.status : {};
  const before = { sync: current.sync, health: current.health, conditions: current.conditions };
  const next = { sync: { status: 'Unknown' }, health: { status: 'Unknown' }, conditions: conditionsWithTimes(conditions, current.conditions, now) };
  const diff = createMergePatch(before, next) as Record<string, Json> | undefined;
  return diff && { ...diff, observedAt: now, reconciledAt: now };
}
