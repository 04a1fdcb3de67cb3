// pullRequest generator on GitLab: the merge requests of one project carrying every label the spec
// names, in the state it asks for (every state when it names none, as Argo), through every page.
// https://docs.gitlab.com/api/merge_requests/#list-project-merge-requests
import { GeneratorError } from '../../generators/generator.types';
import { optionalSecret, type SecretRef } from '../scm.credentials';
import { type PullRequest, type PullRequestService, ScmRepositoryNotFoundError, type SecretKeyReader } from '../scm.types';
import { type ConfigMapKeyReader, gitLabClient, gitLabError, gitLabHost, gitLabStatus } from './gitlab.client';

export interface GitLabPullRequestSpec {
  project: string;
  api?: string;
  tokenRef?: SecretRef;
  labels?: string[];
  /** `opened`, `closed`, `merged`, `locked`; empty for every state. */
  pullRequestState?: string;
  insecure?: boolean;
  caRef?: { configMapName: string; key: string };
}

interface MergeRequestJson {
  iid: number;
  title: string;
  source_branch: string;
  target_branch: string;
  sha: string;
  labels?: (string | { name: string })[];
  author?: { username?: string };
}

export function gitLabPullRequests(
  spec: GitLabPullRequestSpec,
  read: SecretKeyReader,
  readConfigMap?: ConfigMapKeyReader,
): PullRequestService {
  if (!spec.project) throw new GeneratorError('pullRequest.gitlab needs a project');
  return {
    async list(): Promise<PullRequest[]> {
      const token = await optionalSecret(read, spec.tokenRef, 'tokenRef');
      const api = gitLabClient(spec, token, readConfigMap);
      const options = {
        projectId: spec.project,
        perPage: 100,
        ...(spec.labels?.length ? { labels: spec.labels.join(',') } : {}),
        ...(spec.pullRequestState ? { state: spec.pullRequestState } : {}),
      };
      let mergeRequests: MergeRequestJson[];
      try {
        mergeRequests = (await api.MergeRequests.all(
          options as Parameters<typeof api.MergeRequests.all>[0],
        )) as unknown as MergeRequestJson[];
      } catch (err) {
        if (gitLabStatus(err) === 404)
          throw new ScmRepositoryNotFoundError(
            `project ${spec.project} not found on ${gitLabHost(spec.api)} (404), or the credentials cannot see it`,
          );
        throw gitLabError(err, `listing merge requests of ${spec.project}`, spec.api, token);
      }
      return mergeRequests.map((mr) => ({
        number: mr.iid,
        title: mr.title,
        branch: mr.source_branch,
        targetBranch: mr.target_branch,
        headSha: mr.sha,
        labels: (mr.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name)),
        author: mr.author?.username ?? '',
      }));
    },
  };
}
