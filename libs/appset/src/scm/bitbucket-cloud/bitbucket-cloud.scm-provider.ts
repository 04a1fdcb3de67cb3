// scmProvider generator on Bitbucket Cloud: the workspace's repositories the user is a member of, their main
// branch or every branch, and whether a path exists at the branch's commit.
// https://developer.atlassian.com/cloud/bitbucket/rest/api-group-repositories/#api-repositories-workspace-get
import { GeneratorError } from '../../generators/generator.types';
import type { ScmProviderService, ScmRepository, SecretKeyReader } from '../scm.types';
import { encodePath, requiredString, secretRefOf } from '../scm-http';
import { pagesByNext } from '../scm-http.pages';
import { BITBUCKET_CLOUD_API, basicFrom, bitbucketCloudClient, seg } from './bitbucket-cloud.client';

export interface BitbucketCloudScmProviderSpec {
  owner: string;
  user: string;
  appPasswordRef: { secretName: string; key: string };
  allBranches?: boolean;
}

interface BitbucketCloudRepo {
  slug: string;
  uuid: string;
  mainbranch?: { name?: string } | null;
  links?: { clone?: { name: string; href: string }[] };
}

interface BitbucketCloudBranch {
  name: string;
  target: { hash: string };
}

/** `api` is not part of Argo's spec (it always talks to bitbucket.org); specs point it at a fake. */
export function bitbucketCloudScmProvider(
  spec: BitbucketCloudScmProviderSpec,
  read: SecretKeyReader,
  api = BITBUCKET_CLOUD_API,
): ScmProviderService {
  const field = 'scmProvider.bitbucket';
  const owner = requiredString(spec.owner, `${field}.owner`);
  const auth = basicFrom(requiredString(spec.user, `${field}.user`), secretRefOf(spec.appPasswordRef, `${field}.appPasswordRef`), read);
  const client = bitbucketCloudClient(api, auth);
  const repoPath = (repo: ScmRepository) => `/repositories/${seg(owner)}/${seg(repo.repository)}`;

  return {
    async listRepos(cloneProtocol) {
      const protocol = cloneProtocol || 'ssh';
      const repos = await pagesByNext<BitbucketCloudRepo>(client, `/repositories/${seg(owner)}`, { role: 'member', pagelen: 100 });
      return repos.map((repo): ScmRepository => {
        const url = repo.links?.clone?.find((l) => l.name === protocol)?.href;
        if (!url) throw new GeneratorError(`unknown clone protocol for Bitbucket Cloud: ${protocol} (repository ${repo.slug})`);
        return {
          organization: owner,
          repository: repo.slug,
          url,
          branch: repo.mainbranch?.name ?? '',
          sha: '',
          labels: [],
          repositoryId: repo.uuid,
        };
      });
    },

    // Argo asks at the commit once getBranches has filled it in, else at the branch.
    repoHasPath: (repo, path) =>
      client.exists(`${repoPath(repo)}/src/${seg(repo.sha || repo.branch)}/${encodePath(path)}`, { format: 'meta' }),

    async getBranches(repo, allBranches) {
      if (allBranches) {
        const branches = await pagesByNext<BitbucketCloudBranch>(client, `${repoPath(repo)}/refs/branches`, { pagelen: 100 });
        return branches.map((b) => ({ ...repo, branch: b.name, sha: b.target.hash }));
      }
      // A repository with no commits has no main branch, hence nothing to generate. Slashes in a branch name stay
      // path separators, as Bitbucket routes them.
      if (!repo.branch) return [];
      const { body } = await client.getJson<BitbucketCloudBranch>(`${repoPath(repo)}/refs/branches/${encodePath(repo.branch)}`);
      return [{ ...repo, branch: body.name, sha: body.target.hash }];
    },
  };
}
