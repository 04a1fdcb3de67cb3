// Which host client serves a pullRequest generator entry: the one its provider key names.
import { isPlainObject } from '../json/json-value';
import { GeneratorError } from '../generators/generator.types';
import { gitHubPullRequests, type GitHubPullRequestSpec } from './github/github.pull-requests';
import { gitLabPullRequests, type GitLabPullRequestSpec } from './gitlab/gitlab.pull-requests';
import type { PullRequestService, SecretKeyReader } from './scm.types';

export function pullRequestService(spec: Record<string, unknown>, read: SecretKeyReader): PullRequestService {
  if (isPlainObject(spec.github)) return gitHubPullRequests(spec.github as unknown as GitHubPullRequestSpec, read);
  if (isPlainObject(spec.gitlab)) return gitLabPullRequests(spec.gitlab as unknown as GitLabPullRequestSpec, read);
  throw new GeneratorError('no Pull Request provider implementation configured');
}
