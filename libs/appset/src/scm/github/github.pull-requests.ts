// pullRequest generator on GitHub: the open pull requests of one repository that carry every label
// the spec names, through every page of the REST API.
// https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
import { GeneratorError } from '../../generators/generator.types';
import type { SecretRef } from '../scm.credentials';
import { type PullRequest, type PullRequestService, ScmRepositoryNotFoundError, type SecretKeyReader } from '../scm.types';
import { gitHubAuth } from './github.auth';
import { gitHubApiBase, gitHubClient, gitHubError } from './github.client';

export interface GitHubPullRequestSpec {
  owner: string;
  repo: string;
  api?: string;
  tokenRef?: SecretRef;
  appSecretName?: string;
  labels?: string[];
}

export function gitHubPullRequests(spec: GitHubPullRequestSpec, read: SecretKeyReader): PullRequestService {
  if (!spec.owner || !spec.repo) throw new GeneratorError('pullRequest.github needs owner and repo');
  const wanted = spec.labels ?? [];
  return {
    async list(): Promise<PullRequest[]> {
      const octokit = gitHubClient(spec.api, await gitHubAuth(spec, read));
      const what = `listing pull requests of ${spec.owner}/${spec.repo}`;
      try {
        const pulls = await octokit.paginate(octokit.rest.pulls.list, { owner: spec.owner, repo: spec.repo, state: 'open', per_page: 100 });
        return pulls
          .map((pull): PullRequest => ({
            number: pull.number,
            title: pull.title,
            branch: pull.head.ref,
            targetBranch: pull.base.ref,
            headSha: pull.head.sha,
            labels: pull.labels.map((l) => l.name ?? '').filter(Boolean),
            author: pull.user?.login ?? '',
          }))
          .filter((pull) => wanted.every((label) => pull.labels.includes(label)));
      } catch (err) {
        const base = gitHubApiBase(spec.api);
        if ((err as { status?: number }).status === 404)
          throw new ScmRepositoryNotFoundError(
            `repository ${spec.owner}/${spec.repo} not found on ${base} (404), or the credentials cannot see it`,
          );
        throw gitHubError(err, what, base);
      }
    },
  };
}
