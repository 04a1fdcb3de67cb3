// scmProvider generator on Bitbucket Server: the repositories of a project with their default branch (those
// without one, i.e. empty, are skipped as in Argo), every branch on request, and whether a path exists.
// https://developer.atlassian.com/server/bitbucket/rest/v906/api-group-project/
import { GeneratorError } from '../../generators/generator.types';
import type { ScmProviderService, ScmRepository, SecretKeyReader } from '../scm.types';
import { ScmHttpError, encodePath, requiredString, type ScmHttpClient } from '../scm-http';
import { pagesByStart } from '../scm-http.pages';
import { bitbucketServerClient, seg, type BitbucketServerConnection, type ConfigMapKeyReader } from './bitbucket-server.client';

export interface BitbucketServerScmProviderSpec extends BitbucketServerConnection {
  project: string;
  allBranches?: boolean;
}

interface BitbucketServerRepo {
  id: number;
  name: string;
  slug: string;
  project: { key: string };
  links?: { clone?: { name: string; href: string }[] };
}

interface BitbucketServerBranch {
  displayId: string;
  latestCommit: string;
}

export function bitbucketServerScmProvider(
  spec: BitbucketServerScmProviderSpec,
  read: SecretKeyReader,
  readConfigMap?: ConfigMapKeyReader,
): ScmProviderService {
  const project = requiredString(spec.project, 'scmProvider.bitbucketServer.project');
  const client = bitbucketServerClient(spec, read, 'scmProvider.bitbucketServer', readConfigMap);
  // The generator's `repository` is the display name (as Argo's), but the API addresses repositories by slug.
  const slugs = new Map<string | number, string>();
  const repoPath = (repo: ScmRepository) =>
    `/api/1.0/projects/${seg(repo.organization)}/repos/${seg(slugs.get(repo.repositoryId) ?? repo.repository)}`;

  return {
    async listRepos(cloneProtocol) {
      const linkName =
        cloneProtocol === undefined || cloneProtocol === '' || cloneProtocol === 'ssh'
          ? 'ssh'
          : cloneProtocol === 'https'
            ? 'http'
            : undefined;
      if (!linkName) throw new GeneratorError(`unknown clone protocol for Bitbucket Server: ${cloneProtocol}`);
      const repos = await pagesByStart<BitbucketServerRepo>(client, `/api/1.0/projects/${seg(project)}/repos`);
      const out: ScmRepository[] = [];
      for (const repo of repos) {
        slugs.set(repo.id, repo.slug);
        const listed: ScmRepository = {
          organization: repo.project.key,
          repository: repo.name,
          url: repo.links?.clone?.find((l) => l.name === linkName)?.href ?? '',
          branch: '',
          sha: '',
          labels: [],
          repositoryId: repo.id,
        };
        const branch = await defaultBranch(client, repoPath(listed));
        if (branch) out.push({ ...listed, branch: branch.displayId, sha: branch.latestCommit });
      }
      return out;
    },

    repoHasPath: (repo, path) => client.exists(`${repoPath(repo)}/browse/${encodePath(path)}`, { at: repo.branch, limit: 100, type: true }),

    async getBranches(repo, allBranches) {
      if (!allBranches) {
        const branch = await defaultBranch(client, repoPath(repo));
        return branch ? [{ ...repo, branch: branch.displayId, sha: branch.latestCommit }] : [];
      }
      const branches = await pagesByStart<BitbucketServerBranch>(client, `${repoPath(repo)}/branches`);
      return branches.map((b) => ({ ...repo, branch: b.displayId, sha: b.latestCommit }));
    },
  };
}

/** The repository's default branch, or undefined for an empty repository (404 or an empty answer). */
async function defaultBranch(client: ScmHttpClient, repoPath: string): Promise<BitbucketServerBranch | undefined> {
  try {
    const { body } = await client.getJson<BitbucketServerBranch | undefined>(`${repoPath}/branches/default`);
    return body?.displayId ? body : undefined;
  } catch (err) {
    if (err instanceof ScmHttpError && err.status === 404) return undefined;
    throw err;
  }
}
