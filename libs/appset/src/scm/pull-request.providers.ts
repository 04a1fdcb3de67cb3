// Which host client serves a pullRequest generator entry: the one its provider key names.
import { isPlainObject } from '../json/json-value';
import { GeneratorError } from '../generators/generator.types';
import { azureDevOpsPullRequests, type AzureDevOpsPullRequestSpec } from './azure-devops/azure-devops.pull-requests';
import { bitbucketCloudPullRequests, type BitbucketCloudPullRequestSpec } from './bitbucket-cloud/bitbucket-cloud.pull-requests';
import { bitbucketServerPullRequests, type BitbucketServerPullRequestSpec } from './bitbucket-server/bitbucket-server.pull-requests';
import { giteaPullRequests, type GiteaPullRequestSpec } from './gitea/gitea.pull-requests';
import { gitHubPullRequests, type GitHubPullRequestSpec } from './github/github.pull-requests';
import { gitLabPullRequests, type GitLabPullRequestSpec } from './gitlab/gitlab.pull-requests';
import type { ScmReaders } from './scm.readers';
import type { PullRequestService } from './scm.types';

/** The provider blocks a pullRequest entry may hold, in the order dispatch tries them. */
export const PULL_REQUEST_PROVIDER_KEYS = ['github', 'gitlab', 'gitea', 'bitbucketServer', 'bitbucket', 'azuredevops'] as const;

export function pullRequestService(spec: Record<string, unknown>, read: ScmReaders): PullRequestService {
  const provider = <T>(key: string): T | undefined => (isPlainObject(spec[key]) ? (spec[key] as T) : undefined);
  const github = provider<GitHubPullRequestSpec>('github');
  if (github) return gitHubPullRequests(github, read.secret);
  const gitlab = provider<GitLabPullRequestSpec>('gitlab');
  if (gitlab) return gitLabPullRequests(gitlab, read.secret, read.configMap);
  const gitea = provider<GiteaPullRequestSpec>('gitea');
  if (gitea) return giteaPullRequests(gitea, read.secret);
  const bitbucketServer = provider<BitbucketServerPullRequestSpec>('bitbucketServer');
  if (bitbucketServer) return bitbucketServerPullRequests(bitbucketServer, read.secret, read.configMap);
  const bitbucket = provider<BitbucketCloudPullRequestSpec>('bitbucket');
  if (bitbucket) return bitbucketCloudPullRequests(bitbucket, read.secret);
  const azureDevOps = provider<AzureDevOpsPullRequestSpec>('azuredevops');
  if (azureDevOps) return azureDevOpsPullRequests(azureDevOps, read.secret);
  throw new GeneratorError('no Pull Request provider implementation configured');
}
