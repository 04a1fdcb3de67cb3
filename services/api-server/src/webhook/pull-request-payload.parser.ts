// Pull request events of each provider, as Argo CD's ApplicationSet webhook reads them (GitHub
// pull_request, GitLab Merge Request Hook, Azure DevOps git.pullrequest.*), plus Gitea's
// pull_request and Bitbucket Cloud's pullrequest:* events for their pullRequest generators.
import { z } from 'zod';
import type { PullRequestEvent } from './pull-request-event.types';
import { badRequest } from './push-event.types';
import { parsePayload } from './webhook-payload.schema';

// Actions that can change the listed pull requests (Argo's lists; `edited` too, since a new base branch changes target_branch).
const GITHUB_ACTIONS = ['opened', 'closed', 'reopened', 'synchronize', 'labeled', 'unlabeled', 'edited'];
const GITLAB_ACTIONS = ['open', 'close', 'reopen', 'update', 'merge'];
const GITEA_ACTIONS = ['opened', 'closed', 'reopened', 'synchronized', 'edited', 'label_updated', 'label_cleared'];
const BITBUCKET_EVENTS = ['pullrequest:created', 'pullrequest:updated', 'pullrequest:fulfilled', 'pullrequest:rejected'];
export const AZURE_DEVOPS_EVENTS = ['git.pullrequest.created', 'git.pullrequest.updated', 'git.pullrequest.merged'];

const githubPullRequest = z.object({
  action: z.string(),
  repository: z.object({ name: z.string(), owner: z.object({ login: z.string() }), url: z.string() }),
});

export function parseGitHubPullRequest(payload: unknown): PullRequestEvent {
  const event = parsePayload(githubPullRequest, payload, 'GitHub pull_request payload');
  return {
    provider: 'github',
    action: event.action,
    relevant: GITHUB_ACTIONS.includes(event.action),
    owner: event.repository.owner.login,
    repo: event.repository.name,
    apiHost: hostOf(event.repository.url, 'repository.url'),
  };
}

const gitlabMergeRequest = z.object({
  object_attributes: z.object({ action: z.string().nullish(), target_project_id: z.number() }),
  project: z.object({ web_url: z.string(), path_with_namespace: z.string().nullish() }),
});

export function parseGitLabMergeRequest(payload: unknown): PullRequestEvent {
  const event = parsePayload(gitlabMergeRequest, payload, 'GitLab merge request payload');
  const action = event.object_attributes.action ?? '';
  return {
    provider: 'gitlab',
    action,
    relevant: GITLAB_ACTIONS.includes(action),
    projectIds: [
      String(event.object_attributes.target_project_id),
      ...(event.project.path_with_namespace ? [event.project.path_with_namespace] : []),
    ],
    host: hostOf(event.project.web_url, 'project.web_url'),
  };
}

const giteaPullRequest = z.object({
  action: z.string(),
  repository: z.object({
    name: z.string(),
    html_url: z.string(),
    owner: z.object({ login: z.string().nullish(), username: z.string().nullish() }),
  }),
});

export function parseGiteaPullRequest(payload: unknown): PullRequestEvent {
  const event = parsePayload(giteaPullRequest, payload, 'Gitea pull_request payload');
  const owner = event.repository.owner.login ?? event.repository.owner.username;
  if (!owner) throw badRequest('Gitea pull_request payload is not valid: repository.owner has neither login nor username');
  return {
    provider: 'gitea',
    action: event.action,
    relevant: GITEA_ACTIONS.includes(event.action),
    owner,
    repo: event.repository.name,
    host: hostOf(event.repository.html_url, 'repository.html_url'),
  };
}

const bitbucketPullRequest = z.object({ repository: z.object({ full_name: z.string() }) });

export function parseBitbucketPullRequest(eventKey: string, payload: unknown): PullRequestEvent {
  const event = parsePayload(bitbucketPullRequest, payload, 'Bitbucket pull request payload');
  const [owner, ...rest] = event.repository.full_name.split('/');
  if (!owner || rest.length === 0)
    throw badRequest(
      `Bitbucket pull request payload is not valid: repository.full_name ${JSON.stringify(event.repository.full_name)} is not workspace/repo`,
    );
  return { provider: 'bitbucket', action: eventKey, relevant: BITBUCKET_EVENTS.includes(eventKey), owner, repo: rest.join('/') };
}

const azurePullRequest = z.object({
  eventType: z.string(),
  resource: z.object({ repository: z.object({ name: z.string(), project: z.object({ name: z.string() }) }) }),
});

export function parseAzureDevOpsPullRequest(payload: unknown): PullRequestEvent {
  const event = parsePayload(azurePullRequest, payload, 'Azure DevOps pull request payload');
  return {
    provider: 'azuredevops',
    action: event.eventType,
    relevant: AZURE_DEVOPS_EVENTS.includes(event.eventType),
    project: event.resource.repository.project.name,
    repo: event.resource.repository.name,
  };
}

function hostOf(url: string, field: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    throw badRequest(`pull request payload is not valid: ${field} ${JSON.stringify(url)} is not a URL`);
  }
}
