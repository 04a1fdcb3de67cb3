// scmProvider generator on GitHub: the repositories of an organisation (topics as labels), their
// default branch or every branch, and whether a path exists on a branch.
// https://docs.github.com/en/rest/repos/repos#list-organization-repositories
import type { Octokit } from '@octokit/rest';
import { GeneratorError } from '../../generators/generator.types';
import type { SecretRef } from '../scm.credentials';
import type { ScmProviderService, ScmRepository, SecretKeyReader } from '../scm.types';
import { gitHubAuth } from './github.auth';
import { gitHubApiBase, gitHubClient, gitHubError } from './github.client';

export interface GitHubScmProviderSpec {
  organization: string;
  api?: string;
  tokenRef?: SecretRef;
  appSecretName?: string;
  allBranches?: boolean;
}

export function gitHubScmProvider(spec: GitHubScmProviderSpec, read: SecretKeyReader): ScmProviderService {
  if (!spec.organization) throw new GeneratorError('scmProvider.github needs an organization');
  const base = gitHubApiBase(spec.api);
  let client: Promise<Octokit> | undefined;
  const octokit = (): Promise<Octokit> => (client ??= gitHubAuth(spec, read).then((auth) => gitHubClient(spec.api, auth)));
  const call = async <T>(what: string, run: (o: Octokit) => Promise<T>): Promise<T> => {
    const o = await octokit();
    try {
      return await run(o);
    } catch (err) {
      throw gitHubError(err, what, base);
    }
  };

  return {
    listRepos: (cloneProtocol) =>
      call(`listing repositories of ${spec.organization}`, async (o) => {
        const repos = await o.paginate(o.rest.repos.listForOrg, { org: spec.organization, per_page: 100 });
        return repos.map((repo): ScmRepository => ({
          organization: repo.owner.login,
          repository: repo.name,
          url: cloneUrl(repo, cloneProtocol),
          branch: repo.default_branch ?? '',
          sha: '',
          labels: repo.topics ?? [],
          repositoryId: repo.id,
        }));
      }),

    repoHasPath: (repo, path) =>
      call(`reading ${path} of ${repo.organization}/${repo.repository}@${repo.branch}`, async (o) => {
        try {
          // The path goes in literally, slashes kept (as go-github does): octokit would send them as %2F, which GitHub refuses for some tokens.
          const literal = path.split('/').filter(Boolean).map(encodeURIComponent).join('/');
          await o.request(`GET /repos/{owner}/{repo}/contents/${literal}`, {
            owner: repo.organization,
            repo: repo.repository,
            ref: repo.branch,
          });
          return true;
        } catch (err) {
          if ((err as { status?: number }).status === 404) return false;
          throw err;
        }
      }),

    getBranches: (repo, allBranches) =>
      call(`listing branches of ${repo.organization}/${repo.repository}`, async (o) => {
        if (!allBranches) {
          try {
            const { data } = await o.rest.repos.getBranch({ owner: repo.organization, repo: repo.repository, branch: repo.branch });
            return [{ ...repo, branch: data.name, sha: data.commit.sha }];
          } catch (err) {
            // No default branch yet: an empty repository, which yields nothing (as in Argo).
            if ((err as { status?: number }).status === 404) return [];
            throw err;
          }
        }
        const branches = await o.paginate(o.rest.repos.listBranches, { owner: repo.organization, repo: repo.repository, per_page: 100 });
        return branches.map((b) => ({ ...repo, branch: b.name, sha: b.commit.sha }));
      }),
  };
}

/** ssh unless `https` is asked for, as Argo; any other protocol is an error naming it. */
function cloneUrl(repo: { ssh_url?: string; clone_url?: string }, protocol: string | undefined): string {
  if (protocol === undefined || protocol === '' || protocol === 'ssh') return repo.ssh_url ?? '';
  if (protocol === 'https') return repo.clone_url ?? '';
  throw new GeneratorError(`unknown clone protocol for GitHub ${protocol}`);
}
