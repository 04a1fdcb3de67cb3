// argoproj.io/v1alpha1 ApplicationSet: generators yield parameter sets; the template becomes one
// Application per set. https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/
import type { ApplicationSpec } from './application.types';
import type { ObjectMeta } from './kube-object.types';

export interface ApplicationSet {
  apiVersion: 'argoproj.io/v1alpha1';
  kind: 'ApplicationSet';
  metadata: ObjectMeta & { name: string };
  spec: ApplicationSetSpec;
  status?: ApplicationSetStatus;
}

export interface ApplicationSetSpec {
  goTemplate?: boolean;
  goTemplateOptions?: string[];
  generators: ApplicationSetGenerator[];
  template: ApplicationSetTemplate;
  syncPolicy?: { preserveResourcesOnDeletion?: boolean; applicationsSync?: 'create-only' | 'create-update' | 'create-delete' | 'sync' };
  strategy?: ApplicationSetStrategy;
  templatePatch?: string;
  ignoreApplicationDifferences?: { name?: string; jsonPointers?: string[]; jqPathExpressions?: string[] }[];
}

/** How changed Applications are synced: all at once (by their own sync policy) or step by step (RollingSync). */
export interface ApplicationSetStrategy {
  type?: 'AllAtOnce' | 'RollingSync';
  rollingSync?: { steps?: ApplicationSetRolloutStep[] };
  /**
   * How the Applications go when the ApplicationSet is deleted (case-insensitive, as in Argo). AllAtOnce (default):
   * together, by Kubernetes GC. Reverse, with a RollingSync that has steps: step by step, last step first, each
   * step's Applications gone before the next step's are deleted; a finalizer holds the ApplicationSet until then.
   */
  deletionOrder?: 'AllAtOnce' | 'Reverse';
}

export interface ApplicationSetRolloutStep {
  /** All must hold for an Application (by its labels) to belong to the step. */
  matchExpressions?: { key: string; operator: 'In' | 'NotIn'; values?: string[] }[];
  /** How many of the step's Applications may be updating at once: a count or a percent ("25%"); default all. */
  maxUpdate?: number | string;
}

export interface ApplicationSetTemplate {
  metadata: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] };
  spec: ApplicationSpec;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface ApplicationSetGenerator {
  list?: { elements?: Record<string, unknown>[]; elementsYaml?: string; template?: ApplicationSetTemplate };
  clusters?: { selector?: LabelSelector; values?: Record<string, string>; template?: ApplicationSetTemplate };
  git?: Record<string, unknown>;
  matrix?: Record<string, unknown>;
  merge?: Record<string, unknown>;
  scmProvider?: Record<string, unknown>;
  pullRequest?: Record<string, unknown>;
  clusterDecisionResource?: Record<string, unknown>;
  plugin?: Record<string, unknown>;
  selector?: LabelSelector;
}

export interface ApplicationSetStatus {
  conditions?: { type: string; status: 'True' | 'False' | 'Unknown'; message: string; reason: string; lastTransitionTime?: string }[];
  resources?: { group?: string; version?: string; kind?: string; name: string; namespace?: string; status?: string; health?: { status: string } }[];
  /** RollingSync progress, one entry per generated Application. */
  applicationStatus?: ApplicationSetApplicationStatus[];
}

export type ApplicationSetApplicationStatusCode = 'Waiting' | 'Pending' | 'Progressing' | 'Healthy';

export interface ApplicationSetApplicationStatus {
  application: string;
  status: ApplicationSetApplicationStatusCode;
  message: string;
  /** 1-based step number as a string ("-1" when no step selects the Application), as Argo writes it. */
  step: string;
  lastTransitionTime?: string;
  targetRevisions?: string[];
}
