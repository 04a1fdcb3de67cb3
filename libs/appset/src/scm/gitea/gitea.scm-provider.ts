// scmProvider generator on Gitea: the repositories of an organisation (repository labels as labels), their
// default branch or every branch, and whether a path exists on a branch.
// https://gitea.com/api/swagger#/organization/orgListRepos
import { GeneratorError } from '../../generators/generator.types';
import type { ScmProviderService, ScmRepository, SecretKeyReader } from '../scm.types';
import { ScmHttpError, encodePath, requiredString } from '../scm-http';
import { pagesByLink } from '../scm-http.pages';
import { GITEA_PAGE, giteaClient, seg } from './gitea.client';

export interface GiteaScmProviderSpec {
  owner: string;
  api: string;
  tokenRef?: { secretName: string; key: string };
  allBranches?: boolean;
  insecure?: boolean;
  excludeArchivedRepos?: boolean;
}

interface GiteaRepo {
  id: number;
  name: string;
  ssh_url: string;
  html_url: string;
  default_branch: string;
  archived?: boolean;
}

interface GiteaBranch {
  name: string;
  commit: { id: string };
}

export function giteaScmProvider(spec: GiteaScmProviderSpec, read: SecretKeyReader): ScmProviderService {
  const owner = requiredString(spec.owner, 'scmProvider.gitea.owner');
  const client = giteaClient(spec, read, 'scmProvider.gitea');
  const repoPath = (repo: ScmRepository) => `/repos/${seg(repo.organization)}/${seg(repo.repository)}`;

  return {
    async listRepos(cloneProtocol) {
      if (cloneProtocol && cloneProtocol !== 'ssh' && cloneProtocol !== 'https') {
        throw new GeneratorError(`unknown clone protocol for Gitea: ${cloneProtocol}`);
      }
      const repos = await pagesByLink<GiteaRepo>(client, `/orgs/${seg(owner)}/repos`, { page: 1, limit: GITEA_PAGE });
      const out: ScmRepository[] = [];
      for (const repo of repos) {
        if (spec.excludeArchivedRepos === true && repo.archived === true) continue;
        const labels = await pagesByLink<{ name: string }>(client, `/repos/${seg(owner)}/${seg(repo.name)}/labels`, {
          page: 1,
          limit: GITEA_PAGE,
        });
        out.push({
          organization: owner,
          repository: repo.name,
          // Argo clones over https from the repository's web URL, which Gitea also serves git on.
          url: cloneProtocol === 'https' ? repo.html_url : repo.ssh_url,
          branch: repo.default_branch,
          sha: '',
          labels: labels.map((l) => l.name),
          repositoryId: repo.id,
        });
      }
      return out;
    },

    // A file answers an object and a directory an array: both mean the path exists.
    repoHasPath: (repo, path) => client.exists(`${repoPath(repo)}/contents/${encodePath(path)}`, { ref: repo.branch }),

    async getBranches(repo, allBranches) {
      if (allBranches) {
        const branches = await pagesByLink<GiteaBranch>(client, `${repoPath(repo)}/branches`, { page: 1, limit: GITEA_PAGE });
        return branches.map((b) => ({ ...repo, branch: b.name, sha: b.commit.id }));
      }
      try {
        const { body } = await client.getJson<GiteaBranch>(`${repoPath(repo)}/branches/${encodePath(repo.branch)}`);
        return [{ ...repo, branch: repo.branch, sha: body.commit.id }];
      } catch (err) {
        if (err instanceof ScmHttpError && err.status === 404) {
          throw new GeneratorError(
            `default branch "${repo.branch}" of Gitea repository ${repo.organization}/${repo.repository} not found (404): check the repository`,
          );
        }
        throw err;
      }
    },
  };
}
