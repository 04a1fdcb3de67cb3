// pullRequest generator on Bitbucket Server: the open pull requests of one repository (the API's default
// state), 100 a page. https://developer.atlassian.com/server/bitbucket/rest/v906/api-group-pull-requests/
import type { PullRequest, PullRequestService, SecretKeyReader } from '../scm.types';
import { ScmRepositoryNotFoundError } from '../scm.types';
import { ScmHttpError, requiredString } from '../scm-http';
import { pagesByStart } from '../scm-http.pages';
import { bitbucketServerClient, seg, type BitbucketServerConnection, type ConfigMapKeyReader } from './bitbucket-server.client';

export interface BitbucketServerPullRequestSpec extends BitbucketServerConnection {
  project: string;
  repo: string;
}

interface BitbucketServerPull {
  id: number;
  title: string;
  fromRef: { displayId: string; latestCommit: string };
  toRef: { displayId: string };
  author?: { user?: { name?: string } };
}

export function bitbucketServerPullRequests(
  spec: BitbucketServerPullRequestSpec,
  read: SecretKeyReader,
  readConfigMap?: ConfigMapKeyReader,
): PullRequestService {
  const project = requiredString(spec.project, 'pullRequest.bitbucketServer.project');
  const repo = requiredString(spec.repo, 'pullRequest.bitbucketServer.repo');
  const client = bitbucketServerClient(spec, read, 'pullRequest.bitbucketServer', readConfigMap);
  return {
    async list(): Promise<PullRequest[]> {
      let pulls: BitbucketServerPull[];
      try {
        pulls = await pagesByStart<BitbucketServerPull>(client, `/api/1.0/projects/${seg(project)}/repos/${seg(repo)}/pull-requests`);
      } catch (err) {
        if (err instanceof ScmHttpError && err.status === 404) {
          throw new ScmRepositoryNotFoundError(`Bitbucket Server repository ${project}/${repo} not found: ${err.message}`);
        }
        throw err;
      }
      return pulls.map((pull) => ({
        number: pull.id,
        title: pull.title,
        branch: pull.fromRef.displayId,
        targetBranch: pull.toRef.displayId,
        // latestCommit is not in Atlassian's reference, but every Bitbucket Server sends it.
        headSha: pull.fromRef.latestCommit,
        // Bitbucket Server pull requests have no labels.
        labels: [],
        author: pull.author?.user?.name ?? '',
      }));
    },
  };
}
