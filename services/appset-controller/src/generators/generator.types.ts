// The contract every ApplicationSet generator implements, as Argo's generators.Generator does: turn one
// generator entry of an ApplicationSet into parameter sets, and expose its inline template override.
import type { ApplicationSet, ApplicationSetGenerator, ApplicationSetTemplate, KubeObject } from '@flotilla/api-types';

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

/** Fields Argo has on generators that api-types does not spell out yet. */
export type GeneratorEntry = ApplicationSetGenerator & {
  clusters?: ApplicationSetGenerator['clusters'] & { flatList?: boolean };
};

/** What generators may read: the ApplicationSet itself and the hub's cluster Secrets. */
export interface GeneratorContext {
  readonly appSet: ApplicationSet;
  /** Secrets labelled `argocd.argoproj.io/secret-type=cluster` in the control-plane namespace. */
  readonly clusterSecrets: readonly KubeObject[];
  /** Renders one string with a parameter set in the ApplicationSet's template mode. */
  readonly renderString: (text: string, params: Params) => string;
}

export interface Generator {
  readonly key: GeneratorKey;
  /** The parameter sets for one generator entry; throws GeneratorError when they cannot be produced. */
  generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Params[];
  /** The entry's inline `template`, merged over the ApplicationSet's template. */
  template(entry: GeneratorEntry): Partial<ApplicationSetTemplate> | undefined;
}

/** A generator could not produce parameters; the ApplicationSet gets an ErrorOccurred condition. */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
}

export const useGoTemplate = (appSet: ApplicationSet): boolean => appSet.spec.goTemplate === true;
