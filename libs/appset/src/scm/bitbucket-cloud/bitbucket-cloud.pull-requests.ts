// pullRequest generator on Bitbucket Cloud: the open pull requests of one repository (the API's default
// state), following `next` to the last page.
// https://developer.atlassian.com/cloud/bitbucket/rest/api-group-pullrequests/#api-repositories-workspace-repo-slug-pullrequests-get
import type { PullRequest, PullRequestService, SecretKeyReader } from '../scm.types';
import { ScmRepositoryNotFoundError } from '../scm.types';
import { ScmHttpError, requiredString, secretRefOf, type ScmAuth } from '../scm-http';
import { pagesByNext } from '../scm-http.pages';
import { basicFrom, bitbucketCloudClient, seg } from './bitbucket-cloud.client';

export interface BitbucketCloudPullRequestSpec {
  owner: string;
  repo: string;
  api?: string;
  basicAuth?: { username: string; passwordRef: { secretName: string; key: string } };
  bearerToken?: { tokenRef: { secretName: string; key: string } };
}

interface BitbucketCloudPull {
  id: number;
  title: string;
  source: { branch: { name: string }; commit: { hash: string } };
  destination: { branch: { name: string } };
  author?: { nickname?: string };
}

export function bitbucketCloudPullRequests(spec: BitbucketCloudPullRequestSpec, read: SecretKeyReader): PullRequestService {
  const field = 'pullRequest.bitbucket';
  const owner = requiredString(spec.owner, `${field}.owner`);
  const repo = requiredString(spec.repo, `${field}.repo`);
  // A bearer token wins over basic auth when both are given, as in Argo.
  let auth: () => Promise<ScmAuth> = () => Promise.resolve({ kind: 'none' });
  if (spec.bearerToken) {
    const ref = secretRefOf(spec.bearerToken.tokenRef, `${field}.bearerToken.tokenRef`);
    auth = async () => ({ kind: 'bearer', token: await read(ref) });
  } else if (spec.basicAuth) {
    auth = basicFrom(
      requiredString(spec.basicAuth.username, `${field}.basicAuth.username`),
      secretRefOf(spec.basicAuth.passwordRef, `${field}.basicAuth.passwordRef`),
      read,
    );
  }
  const client = bitbucketCloudClient(spec.api, auth);
  return {
    async list(): Promise<PullRequest[]> {
      let pulls: BitbucketCloudPull[];
      try {
        pulls = await pagesByNext<BitbucketCloudPull>(client, `/repositories/${seg(owner)}/${seg(repo)}/pullrequests`, { pagelen: 50 });
      } catch (err) {
        if (err instanceof ScmHttpError && err.status === 404) {
          throw new ScmRepositoryNotFoundError(`Bitbucket Cloud repository ${owner}/${repo} not found: ${err.message}`);
        }
        throw err;
      }
      return pulls.map((pull) => ({
        number: pull.id,
        title: pull.title,
        branch: pull.source.branch.name,
        targetBranch: pull.destination.branch.name,
        headSha: pull.source.commit.hash,
        // Bitbucket Cloud pull requests have no labels.
        labels: [],
        author: pull.author?.nickname ?? '',
      }));
    },
  };
}
