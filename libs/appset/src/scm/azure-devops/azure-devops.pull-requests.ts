// pullRequest generator on Azure DevOps: the active pull requests of a project, kept for the named repository
// and the labels asked for, as Argo does.
// https://learn.microsoft.com/en-us/rest/api/azure/devops/git/pull-requests/get-pull-requests-by-project
import type { PullRequest, PullRequestService, SecretKeyReader } from '../scm.types';
import { ScmRepositoryNotFoundError } from '../scm.types';
import { ScmHttpError, requiredString, stringList, secretRefOf } from '../scm-http';
import { pagesByTopSkip } from '../scm-http.pages';
import { API_VERSION, azureDevOpsClient, patAuth, seg } from './azure-devops.client';

export interface AzureDevOpsPullRequestSpec {
  organization: string;
  project: string;
  repo: string;
  api?: string;
  tokenRef?: { secretName: string; key: string };
  labels?: string[];
}

interface AzurePull {
  pullRequestId?: number;
  title?: string;
  sourceRefName?: string;
  targetRefName?: string;
  lastMergeSourceCommit?: { commitId?: string };
  createdBy?: { uniqueName?: string };
  labels?: { name?: string }[];
  repository?: { name?: string };
}

export function azureDevOpsPullRequests(spec: AzureDevOpsPullRequestSpec, read: SecretKeyReader): PullRequestService {
  const field = 'pullRequest.azuredevops';
  const organization = requiredString(spec.organization, `${field}.organization`);
  const project = requiredString(spec.project, `${field}.project`);
  const repo = requiredString(spec.repo, `${field}.repo`);
  const ref = spec.tokenRef === undefined || spec.tokenRef === null ? undefined : secretRefOf(spec.tokenRef, `${field}.tokenRef`);
  const client = azureDevOpsClient(spec.api, organization, async () => patAuth(ref ? await read(ref) : ''));
  const wanted = stringList(spec.labels, `${field}.labels`);
  return {
    async list(): Promise<PullRequest[]> {
      let pulls: AzurePull[];
      try {
        pulls = await pagesByTopSkip<AzurePull>(client, `/${seg(project)}/_apis/git/pullrequests`, { 'api-version': API_VERSION });
      } catch (err) {
        if (err instanceof ScmHttpError && err.status === 404) {
          throw new ScmRepositoryNotFoundError(`Azure DevOps project ${organization}/${project} not found: ${err.message}`);
        }
        throw err;
      }
      const out: PullRequest[] = [];
      for (const pull of pulls) {
        const { pullRequestId, sourceRefName, targetRefName } = pull;
        const headSha = pull.lastMergeSourceCommit?.commitId;
        // Pull requests the API answers without these fields are skipped, as Argo skips them.
        if (pull.repository?.name !== repo || pullRequestId === undefined || !sourceRefName || !targetRefName || !headSha) continue;
        const labels = (pull.labels ?? []).flatMap((l) => (typeof l.name === 'string' ? [l.name] : []));
        if (!wanted.every((label) => labels.includes(label))) continue;
        out.push({
          number: pullRequestId,
          title: pull.title ?? '',
          branch: sourceRefName.replace(/^refs\/heads\//, ''),
          targetBranch: targetRefName.replace(/^refs\/heads\//, ''),
          headSha,
          labels,
          // The user part of the creator's e-mail address, as Argo.
          author: (pull.createdBy?.uniqueName ?? '').split('@')[0],
        });
      }
      return out;
    },
  };
}
