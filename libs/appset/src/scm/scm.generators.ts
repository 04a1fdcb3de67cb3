// The generators that read a source-code host (pullRequest, scmProvider), offered wherever terminal
// generators are: at the top level and inside matrix and merge.
import type { Generator } from '../generators/generator.types';
import { PullRequestGenerator } from './pull-request.generator';
import { ScmProviderGenerator } from './scm-provider.generator';
import type { ScmSafetyOptions } from './scm.safety';

/** @param safety the operator's SCM safety settings (Argo's permissive defaults when absent). */
export function scmGenerators(safety: ScmSafetyOptions = {}): Generator[] {
  return [new PullRequestGenerator(safety), new ScmProviderGenerator(safety)];
}
