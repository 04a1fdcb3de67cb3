// Which host client serves an scmProvider generator entry: the one its provider key names.
import { isPlainObject } from '../json/json-value';
import { GeneratorError } from '../generators/generator.types';
import { gitHubScmProvider, type GitHubScmProviderSpec } from './github/github.scm-provider';
import { gitLabScmProvider, type GitLabScmProviderSpec } from './gitlab/gitlab.scm-provider';
import type { ScmProviderService, SecretKeyReader } from './scm.types';

export interface ScmProviderChoice {
  service: ScmProviderService;
  allBranches: boolean;
}

export function scmProviderService(spec: Record<string, unknown>, read: SecretKeyReader): ScmProviderChoice {
  const allBranches = (provider: unknown): boolean => isPlainObject(provider) && provider.allBranches === true;
  if (isPlainObject(spec.github))
    return { service: gitHubScmProvider(spec.github as unknown as GitHubScmProviderSpec, read), allBranches: allBranches(spec.github) };
  if (isPlainObject(spec.gitlab))
    return { service: gitLabScmProvider(spec.gitlab as unknown as GitLabScmProviderSpec, read), allBranches: allBranches(spec.gitlab) };
  throw new GeneratorError('no SCM provider implementation configured');
}
