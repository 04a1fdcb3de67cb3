// The contract every ApplicationSet generator implements, as Argo's generators.Generator does: turn one
// generator entry of an ApplicationSet into parameter sets, and expose its inline template override.
import type { ApplicationSet, ApplicationSetGenerator, ApplicationSetTemplate, KubeObject, Repository } from '@flotilla/api-types';
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

/** Fields Argo has on generators that api-types does not spell out yet. */
export type GeneratorEntry = ApplicationSetGenerator & {
  clusters?: ApplicationSetGenerator['clusters'] & { flatList?: boolean };
  git?: GitGeneratorSpec;
};

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
