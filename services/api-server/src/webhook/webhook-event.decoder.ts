// Turns one webhook delivery (headers and raw body) into a verified event: which provider sent it
// (by its event header, as Argo CD tells them apart), whether it proves the shared secret, whether
// it is an event we act on, and what it says. Anything else is a 400 that names the problem.
import type { IncomingHttpHeaders } from 'node:http';
import { parseBitbucketPush } from './bitbucket-payload.parser';
import { parseGitHubPush } from './github-payload.parser';
import { parseGitLabPush } from './gitlab-payload.parser';
import { parseGogsPush } from './gogs-payload.parser';
import {
  AZURE_DEVOPS_EVENTS,
  parseAzureDevOpsPullRequest,
  parseBitbucketPullRequest,
  parseGitHubPullRequest,
  parseGiteaPullRequest,
  parseGitLabMergeRequest,
} from './pull-request-payload.parser';
import type { PullRequestEvent } from './pull-request-event.types';
import { badRequest, PushEvent, WebhookEvent } from './push-event.types';
import {
  headerValue,
  verifyAzureDevOps,
  verifyBitbucket,
  verifyGitHub,
  verifyGitLab,
  verifyGogs,
  WebhookSecrets,
} from './webhook-signature.verifier';

const GITLAB_PUSH_EVENTS = ['Push Hook', 'Tag Push Hook'];
const GITLAB_MERGE_REQUEST_EVENT = 'Merge Request Hook';
const GITLAB_SYSTEM_HOOK = 'System Hook';
const GITLAB_SYSTEM_PUSH_KINDS = ['push', 'tag_push'];
const GITLAB_SYSTEM_MERGE_REQUEST_KIND = 'merge_request';
const BITBUCKET_PULL_REQUEST_PREFIX = 'pullrequest:';

export function decodeWebhookEvent(headers: IncomingHttpHeaders, body: Buffer, secrets: WebhookSecrets): WebhookEvent {
  // Gogs and Gitea also send GitHub's event header, with a signature GitHub's check would refuse.
  const gogsEvent = headerValue(headers, 'X-Gogs-Event');
  if (gogsEvent !== undefined) {
    verifyGogs(headers, body, secrets.gogs);
    expectEvent('Gogs', 'X-Gogs-Event', gogsEvent, ['push', 'pull_request']);
    if (gogsEvent === 'pull_request') return pullRequestOf(parseGiteaPullRequest(jsonOf(body, 'Gitea')));
    return pushOf(parseGogsPush(jsonOf(body, 'Gogs')));
  }
  const githubEvent = headerValue(headers, 'X-GitHub-Event');
  if (githubEvent !== undefined) {
    verifyGitHub(headers, body, secrets.github);
    if (githubEvent === 'ping') return { kind: 'ping', provider: 'github' };
    expectEvent('GitHub', 'X-GitHub-Event', githubEvent, ['push', 'pull_request', 'ping']);
    expectJsonContentType(headers);
    if (githubEvent === 'pull_request') return pullRequestOf(parseGitHubPullRequest(jsonOf(body, 'GitHub')));
    return pushOf(parseGitHubPush(jsonOf(body, 'GitHub')));
  }
  const gitlabEvent = headerValue(headers, 'X-Gitlab-Event');
  if (gitlabEvent !== undefined) {
    verifyGitLab(headers, secrets.gitlab);
    expectEvent('GitLab', 'X-Gitlab-Event', gitlabEvent, [...GITLAB_PUSH_EVENTS, GITLAB_MERGE_REQUEST_EVENT, GITLAB_SYSTEM_HOOK]);
    const payload = jsonOf(body, 'GitLab');
    if (gitlabEvent === GITLAB_MERGE_REQUEST_EVENT || systemKind(gitlabEvent, payload) === GITLAB_SYSTEM_MERGE_REQUEST_KIND)
      return pullRequestOf(parseGitLabMergeRequest(payload));
    if (gitlabEvent === GITLAB_SYSTEM_HOOK) expectSystemPush(payload);
    return pushOf(parseGitLabPush(payload));
  }
  const bitbucketEvent = headerValue(headers, 'X-Event-Key');
  if (bitbucketEvent !== undefined || headerValue(headers, 'X-Hook-UUID') !== undefined) {
    verifyBitbucket(headers, secrets.bitbucketUuid);
    if (bitbucketEvent?.startsWith(BITBUCKET_PULL_REQUEST_PREFIX))
      return pullRequestOf(parseBitbucketPullRequest(bitbucketEvent, jsonOf(body, 'Bitbucket')));
    expectEvent('Bitbucket', 'X-Event-Key', bitbucketEvent, ['repo:push', `${BITBUCKET_PULL_REQUEST_PREFIX}*`]);
    return pushOf(parseBitbucketPush(jsonOf(body, 'Bitbucket')));
  }
  if (headerValue(headers, 'X-Vss-ActivityId') !== undefined) {
    verifyAzureDevOps(headers, secrets.azureDevOpsUsername, secrets.azureDevOpsPassword);
    const payload = jsonOf(body, 'Azure DevOps');
    const eventType = (payload as { eventType?: unknown } | null)?.eventType;
    if (typeof eventType !== 'string' || !AZURE_DEVOPS_EVENTS.includes(eventType))
      throw badRequest(
        `Azure DevOps event ${JSON.stringify(eventType ?? null)} is not handled: only ${AZURE_DEVOPS_EVENTS.join(', ')} events are`,
      );
    return pullRequestOf(parseAzureDevOpsPullRequest(payload));
  }
  throw badRequest(
    'Unknown webhook event: none of the headers X-GitHub-Event, X-Gitlab-Event, X-Event-Key (Bitbucket Cloud), X-Gogs-Event or X-Vss-ActivityId (Azure DevOps) is set',
  );
}

const pushOf = (push: PushEvent): WebhookEvent => ({ kind: 'push', push });
const pullRequestOf = (pullRequest: PullRequestEvent): WebhookEvent => ({ kind: 'pullRequest', pullRequest });

const systemKind = (event: string, payload: unknown): unknown =>
  event === GITLAB_SYSTEM_HOOK ? (payload as { object_kind?: unknown } | null)?.object_kind : undefined;

function expectEvent(provider: string, header: string, event: string | undefined, handled: string[]): void {
  if (event === undefined) throw badRequest(`${provider} webhook without ${header}: only ${handled.join(', ')} events are handled`);
  if (!handled.includes(event))
    throw badRequest(`${provider} event ${JSON.stringify(event)} (${header}) is not handled: only ${handled.join(', ')} events are`);
}

function expectJsonContentType(headers: IncomingHttpHeaders): void {
  const type = headerValue(headers, 'Content-Type')?.split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded')
    throw badRequest(
      'GitHub webhook content type is application/x-www-form-urlencoded: set "Content type" to application/json on the webhook',
    );
}

function expectSystemPush(payload: unknown): void {
  const kind = (payload as { object_kind?: unknown } | null)?.object_kind;
  if (typeof kind !== 'string' || !GITLAB_SYSTEM_PUSH_KINDS.includes(kind))
    throw badRequest(`GitLab system hook ${JSON.stringify(kind ?? null)} is not handled: only push, tag_push and merge_request are`);
}

function jsonOf(body: Buffer, provider: string): unknown {
  const text = body.toString('utf8').trim();
  if (!text) throw badRequest(`${provider} webhook has an empty body: expected a JSON payload`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`${provider} webhook payload is not valid JSON: ${(err as Error).message}`);
  }
}
