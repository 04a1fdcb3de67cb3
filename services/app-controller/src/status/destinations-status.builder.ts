// The status of a multi-destination Application (Flotilla's `destination.servers`): one row per
// destination from its child Application, and sync and health summed up over them.
import type { Application, ApplicationCondition, ApplicationDestinationStatus, ApplicationStatus, HealthStatus, SyncStatusCode } from '@flotilla/api-types';
import { aggregateHealth } from '@flotilla/engine';
import type { PlannedDestination } from '../reconcile/child-application.builder';
import type { DestinationOperation } from '../sync/operation-forwarding.policy';
import { conditionsWithTimes } from './app-status.builder';
import { createMergePatch, jsonEqual, type Json } from './merge-patch';

/** The status fields the parent's reconciliation owns; a parent has no resources of its own. */
const PARENT_FIELDS = ['sync', 'health', 'destinations', 'conditions', 'resources', 'summary', 'sourceType', 'sourceTypes'] as const;
type ParentFields = Pick<ApplicationStatus, (typeof PARENT_FIELDS)[number]>;

export interface DestinationRow extends PlannedDestination {
  /** The child Application, when it exists and belongs to the parent. */
  child?: Application;
  /** Why the destination has no working child (its name is taken, creating it failed). */
  problem?: string;
  /** This destination's part in the parent's current or last sync operation. */
  operationState?: DestinationOperation;
}

const UNKNOWN: HealthStatus = { status: 'Unknown' };

export function destinationStatus(parent: Application, row: DestinationRow): ApplicationDestinationStatus {
  const sync = row.child?.status?.sync;
  const health = row.child?.status?.health;
  const namespace = parent.spec.destination.namespace;
  return {
    server: row.server,
    ...(row.clusterName ? { name: row.clusterName } : {}),
    ...(namespace ? { namespace } : {}),
    application: row.application,
    sync: sync ? { status: sync.status, ...(sync.revision ? { revision: sync.revision } : {}), ...(sync.revisions?.length ? { revisions: sync.revisions } : {}) } : { status: 'Unknown' },
    health: row.problem ? { status: 'Unknown', message: row.problem } : health ? { status: health.status, ...(health.message ? { message: health.message } : {}) } : UNKNOWN,
    ...(row.operationState ? { operationState: row.operationState } : {}),
  };
}

/** OutOfSync if any destination is, else Unknown if any is (or has no child yet), else Synced. */
export function combinedSyncStatus(destinations: readonly ApplicationDestinationStatus[]): SyncStatusCode {
  if (destinations.some((d) => d.sync.status === 'OutOfSync')) return 'OutOfSync';
  if (destinations.some((d) => d.sync.status === 'Unknown')) return 'Unknown';
  return 'Synced';
}

/** The revision(s) every destination reports, when they all agree. */
function sharedRevisions(destinations: readonly ApplicationDestinationStatus[]): { revision?: string; revisions?: string[] } {
  const [first, ...rest] = destinations;
  if (!first) return {};
  if (first.sync.revisions?.length) return rest.every((d) => jsonEqual(d.sync.revisions, first.sync.revisions)) ? { revisions: first.sync.revisions } : {};
  return first.sync.revision && rest.every((d) => d.sync.revision === first.sync.revision) ? { revision: first.sync.revision } : {};
}

/** The status fields of a parent from its destinations. */
export function parentStatus(parent: Application, rows: readonly DestinationRow[], conditions: ApplicationCondition[], now: string): ParentFields {
  const destinations = rows.map((r) => destinationStatus(parent, r));
  const { source, sources } = parent.spec;
  const compared = sources?.length ? { sources } : source ? { source } : {};
  const found = conditionsWithTimes(conditions, parent.status?.conditions, now);
  return {
    sync: { status: combinedSyncStatus(destinations), comparedTo: { ...compared, destination: parent.spec.destination }, ...sharedRevisions(destinations) },
    health: aggregateHealth(destinations.map((d) => ({ health: d.health }))),
    destinations,
    ...(found.length ? { conditions: found } : {}),
  };
}

/**
 * The parent's status merge patch, or undefined when nothing changed. As for any Application, a
 * full pass (resync, refresh) records reconciledAt; otherwise only a real change is written.
 */
export function parentStatusPatch(parent: Application, rows: readonly DestinationRow[], conditions: ApplicationCondition[], now: string, fullPass: boolean): Record<string, Json> | undefined {
  const next = parentStatus(parent, rows, conditions, now);
  const current = parent.status ?? {};
  const before = Object.fromEntries(PARENT_FIELDS.map((f) => [f, current[f]]));
  const diff = createMergePatch(before, next) as Record<string, Json> | undefined;
  if (!diff && !fullPass) return undefined;
  return { ...(diff ?? {}), observedAt: now, ...(fullPass ? { reconciledAt: now } : {}) };
}
