// The contract every ApplicationSet generator implements, as Argo's generators.Generator does: turn one
// generator entry of an ApplicationSet into parameter sets, and expose its inline template override.
import type {
  ApplicationSet,
  ApplicationSetGenerator,
  ApplicationSetTemplate,
  KubeObject,
  LabelSelector,
  Repository,
} from '@flotilla/api-types';
import type { ExecLimits } from '@flotilla/gotemplate';

/** One parameter set: flat `a.b` keys with string values (fasttemplate) or nested maps (goTemplate). */
export type Params = Record<string, unknown>;

/** The generator kinds Argo CD defines, by their key in `spec.generators[]`. */
export type GeneratorKey =
  'list' | 'clusters' | 'git' | 'matrix' | 'merge' | 'scmProvider' | 'pullRequest' | 'clusterDecisionResource' | 'plugin';
export const GENERATOR_KEYS: readonly GeneratorKey[] = [
  'list',
  'clusters',
  'git',
  'matrix',
  'merge',
  'scmProvider',
  'pullRequest',
  'clusterDecisionResource',
  'plugin',
];

/** `git`: directories or files of one repository at one revision. */
export interface GitGeneratorSpec {
  repoURL?: string;
  revision?: string;
  directories?: { path: string; exclude?: boolean }[];
  files?: { path: string; exclude?: boolean }[];
  values?: Record<string, string>;
  pathParamPrefix?: string;
  requeueAfterSeconds?: number;
  template?: ApplicationSetTemplate;
}

/** `merge`: parameter sets of the first child, overridden by the sets of later children that agree on `mergeKeys`. */
export interface MergeGeneratorSpec {
  generators?: GeneratorEntry[];
  mergeKeys?: string[];
  template?: ApplicationSetTemplate;
}

/** `clusterDecisionResource`: clusters listed in the status of duck-typed resources a ConfigMap describes. */
export interface ClusterDecisionResourceSpec {
  configMapRef?: string;
  name?: string;
  labelSelector?: LabelSelector;
  requeueAfterSeconds?: number;
  values?: Record<string, string>;
  template?: ApplicationSetTemplate;
}

/** `plugin`: parameter sets an HTTP plugin answers, configured by a ConfigMap (`baseUrl`, `token`). */
export interface PluginGeneratorSpec {
  configMapRef?: { name?: string };
  input?: { parameters?: Record<string, unknown> };
  values?: Record<string, string>;
  requeueAfterSeconds?: number;
  template?: ApplicationSetTemplate;
}

/** Fields Argo has on generators that api-types does not spell out yet. */
export type GeneratorEntry = ApplicationSetGenerator & {
  clusters?: ApplicationSetGenerator['clusters'] & { flatList?: boolean };
  git?: GitGeneratorSpec;
  merge?: MergeGeneratorSpec;
  clusterDecisionResource?: ClusterDecisionResourceSpec;
  plugin?: PluginGeneratorSpec;
};

/**
 * The ApplicationSet's namespace on the hub, read-only: the Secrets named by `tokenRef`, `basicAuth`,
 * `appSecretName` or a plugin's token, the ConfigMaps of plugins and clusterDecisionResource, and the
 * duck-typed resources clusterDecisionResource lists.
 */
export interface GeneratorHub {
  readonly namespace: string;
  /** A Secret's data, base64-decoded; undefined when there is no such Secret. */
  secretData(name: string): Promise<Record<string, string> | undefined>;
  /** A Secret's data (base64-decoded) with its labels, for reads that must check what the Secret is for; undefined when there is none. */
  secret(name: string): Promise<HubSecret | undefined>;
  /** A ConfigMap's data; undefined when there is no such ConfigMap. */
  configMapData(name: string): Promise<Record<string, string> | undefined>;
  /** Every object of a kind in the namespace, optionally narrowed by a label selector. */
  list(apiVersion: string, kind: string, labelSelector?: string): Promise<KubeObject[]>;
}

/** A Secret as generators see it: its decoded data and its labels. */
export interface HubSecret {
  data: Record<string, string>;
  labels: Record<string, string>;
}

/** What generators may read: the ApplicationSet itself, the hub's cluster Secrets and its repositories. */
export interface GeneratorContext {
  readonly appSet: ApplicationSet;
  /** Secrets labelled `argocd.argoproj.io/secret-type=cluster` in the control-plane namespace. */
  readonly clusterSecrets: readonly KubeObject[];
  /** Renders one string with a parameter set in the ApplicationSet's template mode. */
  readonly renderString: (text: string, params: Params) => string;
  /** Limits for goTemplate rendering (library defaults when absent). */
  readonly templateLimits?: ExecLimits;
  /** The most parameter sets a matrix may combine (unbounded when absent). */
  readonly maxParams?: number;
  /** The repository, with the credentials its Secrets give, that repo-server should read `url` as (project-scoped first). */
  readonly repository: (url: string, project: string) => Promise<Repository>;
  /** The hub namespace of the ApplicationSet; generators that need it fail with a GeneratorError without it. */
  readonly hub?: GeneratorHub;
}

export interface Generator {
  readonly key: GeneratorKey;
  /** The parameter sets for one generator entry; throws (or rejects with) GeneratorError when they cannot be produced. */
  generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Params[] | Promise<Params[]>;
  /** The entry's inline `template`, merged over the ApplicationSet's template. */
  template(entry: GeneratorEntry): Partial<ApplicationSetTemplate> | undefined;
}

/** A generator could not produce parameters; the ApplicationSet gets an ErrorOccurred condition. */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
}

export const useGoTemplate = (appSet: ApplicationSet): boolean => appSet.spec.goTemplate === true;
