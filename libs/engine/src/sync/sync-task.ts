// One thing a sync does to one resource, and the phase and wave it happens in.
import type { KubeObject, ResourceRef, SyncPhase } from '@flotilla/api-types';
import type { HookDeletePolicy } from './hook';
import type { SyncOptions } from './sync-options';

/**
 * create: not live yet. apply: live differs. none: in sync (Argo still applies it unless ApplyOutOfSyncOnly).
 * prune: live but no longer desired. hook: a hook resource to create and wait for.
 */
export type SyncAction = 'create' | 'apply' | 'none' | 'prune' | 'hook';

export interface SyncTask {
  key: string;
  ref: ResourceRef;
  phase: SyncPhase;
  wave: number;
  action: SyncAction;
  desired?: KubeObject;
  live?: KubeObject;
  /** Effective options: the app's, overridden by the resource's sync-options annotation. */
  options: SyncOptions;
  /** Hooks only: when to delete the hook resource. */
  deletePolicies?: HookDeletePolicy[];
  /**
   * Its kind is not served yet, but a CRD in this sync (or SkipDryRunOnMissingResource=true) says it
   * will be by its turn: a dry run leaves it out, as gitops-engine's skipDryRun.
   */
  skipDryRun?: boolean;
}

/** A resource the sync leaves alone on purpose, with Argo's result message. */
export interface SkippedTask {
  key: string;
  ref: ResourceRef;
  live?: KubeObject;
  desired?: KubeObject;
  /** `PruneSkipped` for prunes that were not allowed; undefined for Skip hooks. */
  result?: 'PruneSkipped';
  message: string;
}

/** Tasks that run together; the controller waits for a step to complete before the next. */
export interface SyncStep {
  phase: SyncPhase;
  wave: number;
  tasks: SyncTask[];
}
