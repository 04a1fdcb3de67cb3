// scmProvider generator on Azure DevOps: the Git repositories of a team project, their default branch or every
// branch with its head commit, and whether a path exists on a branch.
// https://learn.microsoft.com/en-us/rest/api/azure/devops/git/repositories/list
import type { ScmProviderService, ScmRepository, SecretKeyReader } from '../scm.types';
import { requiredString, secretRefOf } from '../scm-http';
import { API_VERSION, azureDevOpsClient, azureTypeKey, patAuth, seg } from './azure-devops.client';

export interface AzureDevOpsScmProviderSpec {
  organization: string;
  teamProject: string;
  api?: string;
  accessTokenRef: { secretName: string; key: string };
  allBranches?: boolean;
}

interface AzureRepo {
  id?: string;
  name?: string;
  defaultBranch?: string;
  remoteUrl?: string;
}

interface AzureBranchStats {
  name?: string;
  commit?: { commitId?: string };
}

export function azureDevOpsScmProvider(spec: AzureDevOpsScmProviderSpec, read: SecretKeyReader): ScmProviderService {
  const field = 'scmProvider.azureDevOps';
  const organization = requiredString(spec.organization, `${field}.organization`);
  const project = requiredString(spec.teamProject, `${field}.teamProject`);
  const ref = secretRefOf(spec.accessTokenRef, `${field}.accessTokenRef`);
  const client = azureDevOpsClient(spec.api, organization, async () => {
    const token = await read(ref);
    if (!token)
      throw new Error(`${field}.accessTokenRef: no access token provided (key "${ref.key}" of secret "${ref.secretName}" is empty)`);
    return patAuth(token);
  });
  const git = `/${seg(project)}/_apis/git/repositories`;
  const version = { 'api-version': API_VERSION };

  return {
    // Azure DevOps answers one clone URL (remoteUrl, https) whatever the protocol asked for, as in Argo.
    async listRepos() {
      const { body } = await client.getJson<{ value?: AzureRepo[] }>(git, version);
      const out: ScmRepository[] = [];
      for (const repo of body?.value ?? []) {
        // Repositories without a default branch are empty; those and malformed entries are skipped, as Argo.
        if (!repo.name || !repo.defaultBranch || !repo.remoteUrl || !repo.id) continue;
        out.push({
          organization,
          repository: repo.name,
          url: repo.remoteUrl,
          branch: repo.defaultBranch,
          sha: '',
          labels: [],
          repositoryId: repo.id,
        });
      }
      return out;
    },

    async repoHasPath(repo, path) {
      const query = { path, 'versionDescriptor.version': repo.branch.replace(/^refs\/heads\//, ''), ...version };
      try {
        await client.getJson(`${git}/${seg(String(repo.repositoryId))}/items`, query);
        return true;
      } catch (err) {
        if (azureTypeKey(err) === 'GitItemNotFoundException') return false;
        throw err;
      }
    },

    async getBranches(repo, allBranches) {
      const stats = `${git}/${seg(repo.repository)}/stats/branches`;
      try {
        if (!allBranches) {
          // The default branch comes as refs/heads/main; the stats endpoint wants just the name.
          const name = repo.branch.replace(/^refs\/heads\//, '');
          const { body } = await client.getJson<AzureBranchStats>(stats, { name, ...version });
          if (!body?.name || !body.commit?.commitId)
            throw new Error(`Azure DevOps answered no commit for branch ${name} of repository ${repo.repository}`);
          return [{ ...repo, branch: body.name, sha: body.commit.commitId, labels: [] }];
        }
        const { body } = await client.getJson<{ value?: AzureBranchStats[] }>(stats, version);
        return (body?.value ?? []).flatMap((b) =>
          b.name && b.commit?.commitId ? [{ ...repo, branch: b.name, sha: b.commit.commitId, labels: [] }] : [],
        );
      } catch (err) {
        // A repository deleted since it was listed yields nothing, as in Argo.
        if (azureTypeKey(err) === 'GitRepositoryNotFoundException') return [];
        throw err;
      }
    },
  };
}
