// A multi-destination Application (`spec.destination.servers`, a Flotilla extension): one definition
// that drives an independent reconciliation loop per cluster. The parent is materialised into one
// child Application per server (ordinary Applications: compared, synced, auto-synced and sharded
// like any other); this keeps them in line with the parent, passes its syncs on to them, reports
// their sync and health as its own, and deletes them when the parent goes with a resources finalizer.
import { ConditionType, PARENT_APPLICATION_LABEL, REFRESH_ANNOTATION, type Application, type ApplicationCondition, type OperationState } from '@flotilla/api-types';
import { isAlreadyExists, isConflict } from '@flotilla/platform';
import type { Logger } from 'pino';
import type { ClusterRegistry } from '../clusters/cluster.registry';
import type { ApplicationHubClient } from '../hub/application-hub.client';
import { parentStatusPatch, type DestinationRow } from '../status/destinations-status.builder';
import { jsonEqual, type Json } from '../status/merge-patch';
import { childStep, forwardedOperation, isFinished, parentOperationState, type ChildStep, type DestinationOperation, type DestinationProgress } from '../sync/operation-forwarding.policy';
import { CASCADE_FINALIZERS, childApplication, childPatch, isChildOf, isMultiDestination, planDestinations } from './child-application.builder';
import type { CompareLevel } from './compare-level';

export interface MultiDestinationReconcilerOptions {
  hub: ApplicationHubClient;
  clusters: ClusterRegistry;
  logger: Logger;
}

export interface MultiDestinationPass {
  requeueAfterMs?: number;
  /** The app lists no servers any more: its children are gone and it goes on as a single-destination app. */
  released?: boolean;
}

/** Children are being created, replaced or deleted: look again soon. */
const SETTLE_MS = 1000;
/** A passed-on sync is running in the children (whose changes requeue the parent anyway). */
const FOLLOW_MS = 2000;
/** Someone wrote the same object meanwhile: read it again at once. */
const CONFLICT_MS = 100;

interface Materialised {
  rows: DestinationRow[];
  conditions: ApplicationCondition[];
  settling: boolean;
}

export class MultiDestinationReconciler {
  constructor(private readonly opts: MultiDestinationReconcilerOptions) {}

  /** Handles an app with `destination.servers` (or one that had them, per its status.destinations). */
  async reconcile(parent: Application, level: CompareLevel): Promise<MultiDestinationPass> {
    if (!isMultiDestination(parent)) return this.release(parent);
    if (parent.metadata.deletionTimestamp) return this.finalize(parent);
    let current = parent;
    if (parent.operation) {
      const accepted = await this.acceptOperation(parent);
      if (!accepted) return { requeueAfterMs: CONFLICT_MS };
      current = accepted;
    }
    const { owned, others } = await this.children(current);
    const { rows, conditions, settling } = await this.materialise(current, owned, others);
    const operation = await this.followOperation(current, rows);
    const now = new Date().toISOString();
    const status = parentStatusPatch(current, rows, conditions, now, level !== 'recent') ?? {};
    if (operation.next) status.operationState = operation.next as unknown as Json;
    await this.opts.hub.patchStatus(current, Object.keys(status).length ? status : undefined, current.metadata.annotations?.[REFRESH_ANNOTATION] !== undefined);
    if (settling) return { requeueAfterMs: SETTLE_MS };
    return operation.running ? { requeueAfterMs: FOLLOW_MS } : {};
  }

  /** The children, and other Applications carrying the parent's label that are not its children. */
  private async children(parent: Application): Promise<{ owned: Application[]; others: Application[] }> {
    const labelled = await this.opts.hub.list(parent.metadata.namespace ?? '', `${PARENT_APPLICATION_LABEL}=${parent.metadata.name}`);
    return { owned: labelled.filter((a) => isChildOf(a, parent)), others: labelled.filter((a) => !isChildOf(a, parent)) };
  }

  /** Creates, updates and deletes children so there is exactly one per listed server. */
  private async materialise(parent: Application, owned: Application[], others: Application[]): Promise<Materialised> {
    const planned = planDestinations(parent, this.opts.clusters.clusters(), owned);
    const wanted = new Set(planned.map((p) => p.application));
    let settling = false;
    for (const child of owned.filter((c) => !wanted.has(c.metadata.name) && !c.metadata.deletionTimestamp)) {
      this.opts.logger.info({ app: parent.metadata.name, child: child.metadata.name }, `${child.spec.destination.server ?? ''} left the servers of ${parent.metadata.name}: deleting ${child.metadata.name}`);
      await this.opts.hub.delete(child);
      settling = true;
    }
    const rows: DestinationRow[] = [];
    const conditions: ApplicationCondition[] = [];
    for (const destination of planned) {
      const child = owned.find((c) => c.metadata.name === destination.application);
      const problem = (message: string): void => {
        rows.push({ ...destination, problem: message });
        conditions.push({ type: ConditionType.InvalidSpecError, message: `destination ${destination.server}: ${message}` });
      };
      if (child?.metadata.deletionTimestamp) {
        rows.push({ ...destination, child, problem: `Application ${child.metadata.name} is being deleted; it is created again once it is gone` });
        settling = true;
      } else if (child) {
        settling = (await this.update(parent, destination, child)) || settling;
        rows.push({ ...destination, child });
      } else if (others.some((a) => a.metadata.name === destination.application)) {
        problem(`an Application named ${destination.application} exists and does not belong to ${parent.metadata.name}`);
      } else {
        const created = await this.create(parent, destination);
        if (created) problem(created);
        else rows.push({ ...destination });
      }
    }
    return { rows, conditions, settling };
  }

  /** Brings a child in line with the parent; true when it changed meanwhile and must be looked at again. */
  private async update(parent: Application, destination: DestinationRow, child: Application): Promise<boolean> {
    const patch = childPatch(parent, destination, child);
    if (!patch) return false;
    try {
      await this.opts.hub.patchIfUnchanged(child, patch);
      return false;
    } catch (err) {
      if (isConflict(err)) return true;
      throw err;
    }
  }

  /** Creates a child; answers what went wrong when it cannot be created. */
  private async create(parent: Application, destination: DestinationRow): Promise<string | undefined> {
    try {
      await this.opts.hub.create(childApplication(parent, destination));
      this.opts.logger.info({ app: parent.metadata.name, child: destination.application }, `created ${destination.application} to deploy ${parent.metadata.name} to ${destination.server}`);
      return undefined;
    } catch (err) {
      if (isAlreadyExists(err)) {
        // Ours after all, only without the label (someone removed it): the update puts it back.
        const existing = await this.opts.hub.get(parent.metadata.namespace ?? '', destination.application);
        if (existing && isChildOf(existing, parent)) {
          await this.update(parent, destination, existing);
          return undefined;
        }
        return `an Application named ${destination.application} exists and does not belong to ${parent.metadata.name}`;
      }
      return `creating Application ${destination.application} failed: ${(err as Error).message}`;
    }
  }

  /**
   * Takes the sync asked of the parent: it becomes the parent's running operationState (to pass on
   * to the children) and leaves `operation`, in one write that fails if the app changed meanwhile.
   */
  private async acceptOperation(parent: Application): Promise<Application | undefined> {
    const count = parent.spec.destination.servers?.length ?? 0;
    const state: OperationState = { operation: parent.operation!, phase: 'Running', message: `sync passed to ${count} destinations`, startedAt: new Date().toISOString() };
    // Per-destination results belong to the previous operation.
    const destinations = parent.status?.destinations?.map(({ operationState: _previous, ...d }) => d);
    try {
      await this.opts.hub.patchIfUnchanged(parent, { operation: null, status: { operationState: state as unknown as Json, ...(destinations ? { destinations: destinations as unknown as Json } : {}) } });
    } catch (err) {
      if (isConflict(err)) return undefined;
      throw err;
    }
    this.opts.logger.info({ app: parent.metadata.name }, `passing the sync of ${parent.metadata.name} on to ${count} destinations`);
    const { operation: _taken, ...rest } = parent;
    return { ...rest, status: { ...parent.status, operationState: state, ...(destinations ? { destinations } : {}) } };
  }

  /** Passes a running sync on to the children that are free and follows their runs of it; fills each row's operationState. */
  private async followOperation(parent: Application, rows: DestinationRow[]): Promise<{ next?: OperationState; running: boolean }> {
    const state = parent.status?.operationState;
    const recorded = (server: string): DestinationOperation | undefined => parent.status?.destinations?.find((d) => d.server === server)?.operationState;
    if (!state || isFinished(state.phase)) {
      for (const row of rows) row.operationState = recorded(row.server);
      return { running: false };
    }
    const progress: DestinationProgress[] = [];
    for (const row of rows) {
      const step = childStep(parent.metadata.name, state, row.child, recorded(row.server));
      const outcome = await this.takeStep(parent, state, row, step);
      row.operationState = outcome.record;
      progress.push({ label: row.clusterName ?? row.server, ...outcome });
    }
    const next = parentOperationState(state, progress, new Date().toISOString());
    if (isFinished(next.phase)) this.opts.logger.info({ app: parent.metadata.name, phase: next.phase }, `sync of ${parent.metadata.name} ${next.phase.toLowerCase()}: ${next.message ?? ''}`);
    return { ...(jsonEqual(next, state) ? {} : { next }), running: !isFinished(next.phase) };
  }

  private async takeStep(parent: Application, state: OperationState, row: DestinationRow, step: ChildStep): Promise<{ record?: DestinationOperation; waiting?: string }> {
    const child = row.child!;
    try {
      switch (step.action) {
        case 'track':
          return { record: step.state };
        case 'wait':
          return { waiting: step.reason };
        case 'forward':
          await this.opts.hub.patchIfUnchanged(child, { operation: forwardedOperation(parent.metadata.name, state) as unknown as Json });
          return { record: { phase: 'Running', message: 'sync passed on' } };
        case 'terminate':
          await this.opts.hub.patchIfUnchanged(child, { status: { operationState: { phase: 'Terminating' } } });
          return { record: { phase: 'Terminating' } };
        case 'withdraw':
          await this.opts.hub.patchIfUnchanged(child, { operation: null });
          return { record: { phase: 'Failed', message: 'Operation terminated' } };
      }
    } catch (err) {
      // The child changed since it was read (it may have started a sync of its own): next pass decides again.
      if (isConflict(err)) return { waiting: 'changed meanwhile' };
      throw err;
    }
  }

  /**
   * Deletion with a resources finalizer: delete the children (each removing its resources from its
   * cluster through its own finalizer), wait until they are gone, then let the parent go. Without
   * one the children go by their ownerReference and, having no finalizer, leave resources in place.
   */
  private async finalize(parent: Application): Promise<MultiDestinationPass> {
    const finalizer = CASCADE_FINALIZERS.find((f) => parent.metadata.finalizers?.includes(f));
    if (!finalizer) return {};
    const { owned } = await this.children(parent);
    for (const child of owned.filter((c) => !c.metadata.deletionTimestamp)) {
      if (!CASCADE_FINALIZERS.some((f) => child.metadata.finalizers?.includes(f))) {
        try {
          await this.opts.hub.patchIfUnchanged(child, { metadata: { finalizers: [...(child.metadata.finalizers ?? []), finalizer] } });
        } catch (err) {
          if (isConflict(err)) return { requeueAfterMs: CONFLICT_MS };
          throw err;
        }
      }
      await this.opts.hub.delete(child);
    }
    if (owned.length) return { requeueAfterMs: SETTLE_MS };
    await this.opts.hub.removeFinalizer(parent, finalizer);
    this.opts.logger.info({ app: parent.metadata.name }, `the children of ${parent.metadata.name} are gone: removed ${finalizer}`);
    return {};
  }

  /** `servers` was removed from the app: its children go (with their finalizers, their resources too). */
  private async release(parent: Application): Promise<MultiDestinationPass> {
    const { owned } = await this.children(parent);
    for (const child of owned.filter((c) => !c.metadata.deletionTimestamp)) await this.opts.hub.delete(child);
    await this.opts.hub.patchStatus(parent, { destinations: null }, false);
    return { released: true };
  }
}
