// scmProvider generator on GitLab: the projects of a group (its subgroups' too when asked, shared
// projects unless excluded, narrowed by topic), their default branch or every branch, and paths.
// https://docs.gitlab.com/api/groups/#list-projects
import { GeneratorError } from '../../generators/generator.types';
import { optionalSecret, type SecretRef } from '../scm.credentials';
import type { ScmProviderService, ScmRepository, SecretKeyReader } from '../scm.types';
import { type ConfigMapKeyReader, type GitLabApi, gitLabClient, gitLabError, gitLabStatus } from './gitlab.client';

export interface GitLabScmProviderSpec {
  group: string;
  api?: string;
  tokenRef?: SecretRef;
  allBranches?: boolean;
  includeSubgroups?: boolean;
  /** Projects shared with the group; Argo includes them unless this is false. */
  includeSharedProjects?: boolean;
  topic?: string;
  insecure?: boolean;
  caRef?: { configMapName: string; key: string };
}

interface ProjectJson {
  id: number;
  path: string;
  namespace: { full_path: string };
  default_branch?: string;
  topics?: string[];
  ssh_url_to_repo: string;
  http_url_to_repo: string;
}

export function gitLabScmProvider(
  spec: GitLabScmProviderSpec,
  read: SecretKeyReader,
  readConfigMap?: ConfigMapKeyReader,
): ScmProviderService {
  if (!spec.group) throw new GeneratorError('scmProvider.gitlab needs a group');
  let client: Promise<GitLabApi> | undefined;
  let token = '';
  const gitlab = (): Promise<GitLabApi> =>
    (client ??= optionalSecret(read, spec.tokenRef, 'tokenRef').then((t) => {
      token = t;
      return gitLabClient(spec, t, readConfigMap);
    }));
  const call = async <T>(what: string, run: (api: GitLabApi) => Promise<T>): Promise<T> => {
    const api = await gitlab();
    try {
      return await run(api);
    } catch (err) {
      throw gitLabError(err, what, spec.api, token);
    }
  };

  return {
    listRepos: (cloneProtocol) => call(`listing projects of group ${spec.group}`, (api) => groupProjects(api, spec, cloneProtocol)),
    repoHasPath: (repo, path) =>
      call(`reading ${path} of ${repo.organization}/${repo.repository}@${repo.branch}`, (api) => hasPath(api, repo, path)),
    getBranches: (repo, allBranches) =>
      call(`listing branches of ${repo.organization}/${repo.repository}`, (api) => branchesOf(api, repo, allBranches)),
  };
}

async function groupProjects(api: GitLabApi, spec: GitLabScmProviderSpec, cloneProtocol: string | undefined): Promise<ScmRepository[]> {
  const projects = (await api.Groups.allProjects(spec.group, {
    perPage: 100,
    includeSubgroups: spec.includeSubgroups === true,
    withShared: spec.includeSharedProjects !== false,
    ...(spec.topic ? { topic: spec.topic } : {}),
  } as Parameters<typeof api.Groups.allProjects>[1])) as unknown as ProjectJson[];
  return projects.map((p): ScmRepository => ({
    organization: p.namespace.full_path,
    repository: p.path,
    url: cloneUrl(p, cloneProtocol),
    branch: p.default_branch ?? '',
    sha: '',
    labels: p.topics ?? [],
    repositoryId: p.id,
  }));
}

/** A directory lists entries; a file lists none, so it is asked for as a file. */
async function hasPath(api: GitLabApi, repo: ScmRepository, path: string): Promise<boolean> {
  const tree = await api.Repositories.allRepositoryTrees(repo.repositoryId, { path, ref: repo.branch, perPage: 1, maxPages: 1 }).catch(
    (err: unknown) => {
      if (gitLabStatus(err) === 404) return [];
      throw err;
    },
  );
  if (tree.length > 0) return true;
  try {
    await api.RepositoryFiles.show(repo.repositoryId, path, repo.branch);
    return true;
  } catch (err) {
    if (gitLabStatus(err) === 404) return false;
    throw err;
  }
}

type BranchJson = { name: string; commit: { id: string } };

async function branchesOf(api: GitLabApi, repo: ScmRepository, allBranches: boolean): Promise<ScmRepository[]> {
  if (!allBranches) {
    try {
      const branch = (await api.Branches.show(repo.repositoryId, repo.branch)) as unknown as BranchJson;
      return [{ ...repo, branch: branch.name, sha: branch.commit.id }];
    } catch (err) {
      // No default branch yet: an empty project, which yields nothing.
      if (gitLabStatus(err) === 404) return [];
      throw err;
    }
  }
  const branches = (await api.Branches.all(repo.repositoryId, { perPage: 100 })) as unknown as BranchJson[];
  return branches.map((b) => ({ ...repo, branch: b.name, sha: b.commit.id }));
}

function cloneUrl(p: ProjectJson, protocol: string | undefined): string {
  if (protocol === undefined || protocol === '' || protocol === 'ssh') return p.ssh_url_to_repo;
  if (protocol === 'https') return p.http_url_to_repo;
  throw new GeneratorError(`unknown clone protocol for Gitlab ${protocol}`);
}
