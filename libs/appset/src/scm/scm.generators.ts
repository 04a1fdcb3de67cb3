// The generators that read a source-code host (pullRequest, scmProvider), offered wherever terminal
// generators are: at the top level and inside matrix and merge.
import type { Generator } from '../generators/generator.types';
import { PullRequestGenerator } from './pull-request.generator';
import { ScmProviderGenerator } from './scm-provider.generator';

export function scmGenerators(): Generator[] {
  return [new PullRequestGenerator(), new ScmProviderGenerator()];
}
