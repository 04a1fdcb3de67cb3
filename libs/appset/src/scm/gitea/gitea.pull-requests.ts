// pullRequest generator on Gitea: the open pull requests of one repository, keeping those that carry every
// label the spec lists. https://gitea.com/api/swagger#/repository/repoListPullRequests
import type { PullRequest, PullRequestService, SecretKeyReader } from '../scm.types';
import { ScmRepositoryNotFoundError } from '../scm.types';
import { ScmHttpError, requiredString, stringList } from '../scm-http';
import { pagesByLink } from '../scm-http.pages';
import { GITEA_PAGE, giteaClient, seg } from './gitea.client';

export interface GiteaPullRequestSpec {
  owner: string;
  repo: string;
  api: string;
  tokenRef?: { secretName: string; key: string };
  insecure?: boolean;
  labels?: string[];
}

interface GiteaPull {
  number: number;
  title: string;
  head: { ref: string; sha: string };
  base: { ref: string };
  labels?: { name: string }[] | null;
  user?: { login?: string } | null;
}

export function giteaPullRequests(spec: GiteaPullRequestSpec, read: SecretKeyReader): PullRequestService {
  const owner = requiredString(spec.owner, 'pullRequest.gitea.owner');
  const repo = requiredString(spec.repo, 'pullRequest.gitea.repo');
  const client = giteaClient(spec, read, 'pullRequest.gitea');
  const wanted = stringList(spec.labels, 'pullRequest.gitea.labels');
  return {
    async list(): Promise<PullRequest[]> {
      let pulls: GiteaPull[];
      try {
        pulls = await pagesByLink<GiteaPull>(client, `/repos/${seg(owner)}/${seg(repo)}/pulls`, {
          state: 'open',
          page: 1,
          limit: GITEA_PAGE,
        });
      } catch (err) {
        if (err instanceof ScmHttpError && err.status === 404)
          throw new ScmRepositoryNotFoundError(`Gitea repository ${owner}/${repo} not found: ${err.message}`);
        throw err;
      }
      return pulls
        .map((pull) => ({ pull, labels: (pull.labels ?? []).map((l) => l.name) }))
        .filter(({ labels }) => wanted.every((label) => labels.includes(label)))
        .map(({ pull, labels }) => ({
          number: pull.number,
          title: pull.title,
          branch: pull.head.ref,
          targetBranch: pull.base.ref,
          headSha: pull.head.sha,
          labels,
          author: pull.user?.login ?? '',
        }));
    },
  };
}
