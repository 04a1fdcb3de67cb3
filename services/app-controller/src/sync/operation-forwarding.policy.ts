// A sync asked of a multi-destination Application runs in its children (Flotilla's
// `destination.servers`): the parent passes the operation to each child that is free, follows
// each child's run of it, and finishes once every child has.
import type { Application, ApplicationDestinationStatus, Operation, OperationPhase, OperationState } from '@flotilla/api-types';
import { jsonEqual } from '../status/merge-patch';

/** The `operation.info` entry that tells a child's run of its parent's sync apart from its own syncs. */
export const FORWARDED_INFO = 'Passed on from';

export type DestinationOperation = NonNullable<ApplicationDestinationStatus['operationState']>;

export type ChildStep =
  /** The child is free: pass the operation on now. */
  | { action: 'forward' }
  /** Not yet: the child runs an operation of its own, or is not there. */
  | { action: 'wait'; reason: string }
  /** The parent's operation was terminated while the child runs it. */
  | { action: 'terminate' }
  /** The parent's operation was terminated before the child started it. */
  | { action: 'withdraw' }
  /** The child's run of the operation, as it stands. */
  | { action: 'track'; state: DestinationOperation };

export const isFinished = (phase: OperationPhase): boolean => phase === 'Succeeded' || phase === 'Failed' || phase === 'Error';

const markerOf = (parent: string, state: OperationState): string => `${parent} (sync started ${state.startedAt})`;
const carries = (operation: Operation | undefined, marker: string): boolean => !!operation?.info?.some((i) => i.name === FORWARDED_INFO && i.value === marker);

/** The operation as a child receives it: the parent's, marked with where it came from. */
export function forwardedOperation(parent: string, state: OperationState): Operation {
  const info = [...(state.operation.info ?? []).filter((i) => i.name !== FORWARDED_INFO), { name: FORWARDED_INFO, value: markerOf(parent, state) }];
  return { ...state.operation, info };
}

/**
 * What to do about one child for the parent's running operation. `recorded` is what the parent
 * noted for this destination on earlier passes: present once the operation was passed on.
 */
export function childStep(parent: string, state: OperationState, child: Application | undefined, recorded: DestinationOperation | undefined): ChildStep {
  const marker = markerOf(parent, state);
  const terminating = state.phase === 'Terminating';
  if (recorded && isFinished(recorded.phase)) return { action: 'track', state: recorded };
  if (!child || child.metadata.deletionTimestamp) {
    return terminating ? { action: 'track', state: { phase: 'Failed', message: 'Operation terminated' } } : { action: 'wait', reason: 'has no Application yet' };
  }
  const run = child.status?.operationState;
  if (run && carries(run.operation, marker)) {
    if (terminating && run.phase === 'Running') return { action: 'terminate' };
    return { action: 'track', state: { phase: run.phase, ...(run.message ? { message: run.message } : {}) } };
  }
  if (carries(child.operation, marker)) return terminating ? { action: 'withdraw' } : { action: 'track', state: { phase: 'Running', message: 'waiting to start' } };
  // Passed on, then a later operation (self-heal, a user's) replaced its record before this pass saw the end.
  if (recorded) return { action: 'track', state: outcomeFromHistory(child, state) };
  if (terminating) return { action: 'track', state: { phase: 'Failed', message: 'Operation terminated' } };
  if (child.operation) return { action: 'wait', reason: 'is running an operation of its own' };
  return { action: 'forward' };
}

/** A successful sync leaves a history entry started after the parent's, by the same initiator. */
function outcomeFromHistory(child: Application, state: OperationState): DestinationOperation {
  const synced = (child.status?.history ?? []).some((h) => !!h.deployStartedAt && h.deployStartedAt >= state.startedAt && jsonEqual(h.initiatedBy, state.operation.initiatedBy));
  return synced ? { phase: 'Succeeded', message: 'successfully synced; a later operation has run since' } : { phase: 'Error', message: 'a later operation replaced this sync before its outcome was seen' };
}

export interface DestinationProgress {
  /** How messages name the destination: the cluster's name, or its server. */
  label: string;
  /** Present once the operation was passed on to this destination. */
  record?: DestinationOperation;
  /** Why the operation has not been passed on yet. */
  waiting?: string;
}

/** The parent's operationState from its destinations': finished when all are. */
export function parentOperationState(state: OperationState, destinations: readonly DestinationProgress[], now: string): OperationState {
  const finished = destinations.every((d) => d.record && isFinished(d.record.phase));
  if (finished) {
    if (state.phase === 'Terminating') return { ...state, phase: 'Failed', message: 'Operation terminated', finishedAt: now };
    const failed = destinations.filter((d) => d.record!.phase !== 'Succeeded');
    if (!failed.length) return { ...state, phase: 'Succeeded', message: `successfully synced ${destinations.length} destinations`, finishedAt: now };
    const reasons = failed.map((d) => `${d.label}: ${d.record!.phase}${d.record!.message ? ` (${d.record!.message})` : ''}`);
    return { ...state, phase: 'Failed', message: `sync failed in ${failed.length} of ${destinations.length} destinations: ${reasons.join('; ')}`, finishedAt: now };
  }
  const passed = destinations.filter((d) => d.record).length;
  const waiting = destinations.filter((d) => d.waiting).map((d) => `${d.label} ${d.waiting}`);
  const message = passed === destinations.length ? `sync passed to ${passed} destinations` : `sync passed to ${passed} of ${destinations.length} destinations; waiting: ${waiting.join('; ')}`;
  return { ...state, message };
}
