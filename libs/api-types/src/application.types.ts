// argoproj.io/v1alpha1 Application, with the fields Flotilla reads and writes.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/application.yaml
import type { KubeObject, ObjectMeta } from './kube-object.types';

export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';

export interface Application {
  apiVersion: typeof ARGO_API_VERSION;
  kind: 'Application';
  metadata: ObjectMeta & { name: string };
  spec: ApplicationSpec;
  status?: ApplicationStatus;
  operation?: Operation;
}

export interface ApplicationSpec {
  project: string;
  source?: ApplicationSource;
  sources?: ApplicationSource[];
  destination: ApplicationDestination;
  syncPolicy?: SyncPolicy;
  ignoreDifferences?: ResourceIgnoreDifferences[];
  info?: { name: string; value: string }[];
  revisionHistoryLimit?: number;
}

export interface ApplicationSource {
  repoURL: string;
  path?: string;
  targetRevision?: string;
  chart?: string;
  ref?: string;
  name?: string;
  directory?: { recurse?: boolean; include?: string; exclude?: string; jsonnet?: unknown };
  helm?: Record<string, unknown>;
  kustomize?: Record<string, unknown>;
  plugin?: Record<string, unknown>;
}

export interface ApplicationDestination {
  server?: string;
  name?: string;
  namespace?: string;
  /**
   * Flotilla extension (not in Argo CD): deploy to every listed cluster API URL. The controller
   * turns the Application into one child Application per server (labelled PARENT_APPLICATION_LABEL,
   * owned by it) and reports each in `status.destinations`. Excludes `server` and `name`.
   */
  servers?: string[];
}

/** Flotilla extension: on an Application materialised for one of its parent's `destination.servers`. */
export const PARENT_APPLICATION_LABEL = 'flotilla.dev/parent-application';

/**
 * Flotilla extension: one row of `status.destinations`, for one entry of `spec.destination.servers`:
 * the child Application deploying there and what it reports.
 */
export interface ApplicationDestinationStatus {
  server: string;
  /** The cluster's name, when a cluster Secret (or in-cluster) has this server. */
  name?: string;
  namespace?: string;
  /** The child Application that deploys to this server. */
  application: string;
  sync: { status: SyncStatusCode; revision?: string; revisions?: string[] };
  health: HealthStatus;
  /** This destination's part in the parent's most recent sync operation. */
  operationState?: { phase: OperationPhase; message?: string };
}

export interface SyncPolicy {
  automated?: { prune?: boolean; selfHeal?: boolean; allowEmpty?: boolean; enabled?: boolean };
  syncOptions?: string[];
  retry?: RetryStrategy;
  managedNamespaceMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
}

export interface RetryStrategy {
  limit?: number;
  backoff?: { duration?: string; factor?: number; maxDuration?: string };
}

export interface ResourceIgnoreDifferences {
  group?: string;
  kind: string;
  name?: string;
  namespace?: string;
  jsonPointers?: string[];
  jqPathExpressions?: string[];
  managedFieldsManagers?: string[];
}

export type SyncStatusCode = 'Synced' | 'OutOfSync' | 'Unknown';
export type HealthStatusCode = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';
export type OperationPhase = 'Running' | 'Terminating' | 'Failed' | 'Error' | 'Succeeded';
export type ResultCode = 'Synced' | 'SyncFailed' | 'Pruned' | 'PruneSkipped';
export type SyncPhase = 'PreSync' | 'Sync' | 'PostSync' | 'SyncFail' | 'PostDelete';

export interface HealthStatus {
  status: HealthStatusCode;
  message?: string;
}

/** One row of `status.resources`. */
export interface ResourceStatus {
  group?: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
  status?: SyncStatusCode;
  health?: HealthStatus;
  hook?: boolean;
  requiresPruning?: boolean;
  syncWave?: number;
}

export interface ApplicationCondition {
  type: string;
  message: string;
  lastTransitionTime?: string;
}

export interface SyncOperationResource {
  group?: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface SyncOperation {
  revision?: string;
  revisions?: string[];
  prune?: boolean;
  dryRun?: boolean;
  syncOptions?: string[];
  resources?: SyncOperationResource[];
  source?: ApplicationSource;
  sources?: ApplicationSource[];
  syncStrategy?: { apply?: { force?: boolean }; hook?: { force?: boolean } };
}

export interface Operation {
  sync?: SyncOperation;
  initiatedBy?: { username?: string; automated?: boolean };
  info?: { name: string; value: string }[];
  retry?: RetryStrategy;
}

export interface ResourceResult {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  status?: ResultCode;
  message?: string;
  hookType?: SyncPhase;
  hookPhase?: OperationPhase | 'Pending';
  syncPhase?: SyncPhase;
}

export interface OperationState {
  operation: Operation;
  phase: OperationPhase;
  message?: string;
  syncResult?: { resources?: ResourceResult[]; revision: string; revisions?: string[]; source?: ApplicationSource; sources?: ApplicationSource[] };
  startedAt: string;
  finishedAt?: string;
  retryCount?: number;
}

export interface RevisionHistory {
  id: number;
  revision?: string;
  revisions?: string[];
  deployedAt: string;
  deployStartedAt?: string;
  source?: ApplicationSource;
  sources?: ApplicationSource[];
  initiatedBy?: { username?: string; automated?: boolean };
}

export interface ApplicationStatus {
  resources?: ResourceStatus[];
  sync?: { status: SyncStatusCode; comparedTo?: { source?: ApplicationSource; sources?: ApplicationSource[]; destination: ApplicationDestination }; revision?: string; revisions?: string[] };
  health?: HealthStatus & { lastTransitionTime?: string };
  history?: RevisionHistory[];
  conditions?: ApplicationCondition[];
  reconciledAt?: string;
  operationState?: OperationState;
  observedAt?: string;
  sourceType?: string;
  sourceTypes?: string[];
  summary?: { externalURLs?: string[]; images?: string[] };
  resourceHealthSource?: string;
  controllerNamespace?: string;
  /** Flotilla extension: one entry per `spec.destination.servers` entry (see ApplicationDestinationStatus). */
  destinations?: ApplicationDestinationStatus[];
}

/** Argo's condition types (ApplicationConditionType). */
export const ConditionType = {
  ComparisonError: 'ComparisonError',
  InvalidSpecError: 'InvalidSpecError',
  SyncError: 'SyncError',
  UnknownError: 'UnknownError',
  SharedResourceWarning: 'SharedResourceWarning',
  OrphanedResourceWarning: 'OrphanedResourceWarning',
  RepeatedResourceWarning: 'RepeatedResourceWarning',
  DeletionError: 'DeletionError',
  /** Flotilla's: git could not be reached, and the app was compared with its last good render. */
  StaleManifestsWarning: 'StaleManifestsWarning',
} as const;

export const isApplication = (obj: KubeObject): obj is KubeObject & Application => obj.apiVersion === ARGO_API_VERSION && obj.kind === 'Application';
