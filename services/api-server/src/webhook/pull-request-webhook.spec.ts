// Pull request deliveries of each provider: decoded (and verified) into a pull request event, and
// matched to the ApplicationSets whose pullRequest generators name the same repository and host.
import type { ApplicationSet } from '@flotilla/api-types';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { PullRequestEvent } from './pull-request-event.types';
import { pullRequestTouchesApplicationSet } from './pull-request-target.match';
import { WebhookRejection } from './push-event.types';
import { decodeWebhookEvent } from './webhook-event.decoder';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'testdata', name));
const withAction = (name: string, field: string, value: string): Buffer => {
  const payload = JSON.parse(fixture(name).toString()) as Record<string, unknown>;
  if (field === 'gitlab') (payload.object_attributes as Record<string, unknown>).action = value;
  else payload[field] = value;
  return Buffer.from(JSON.stringify(payload));
};
const decode = (headers: IncomingHttpHeaders, body: Buffer, secrets = {}): PullRequestEvent => {
  const event = decodeWebhookEvent(headers, body, secrets);
  if (event.kind !== 'pullRequest') throw new Error(`expected a pull request event, got ${event.kind}`);
  return event.pullRequest;
};
const appSet = (generators: unknown[]): ApplicationSet =>
  ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: 's' }, spec: { generators, template: {} } }) as unknown as ApplicationSet;
const pr = (provider: Record<string, unknown>) => appSet([{ pullRequest: provider }]);

const GITHUB = { 'x-github-event': 'pull_request', 'content-type': 'application/json' };
const GITLAB = { 'x-gitlab-event': 'Merge Request Hook' };
const GITEA = { 'x-gitea-event': 'pull_request', 'x-gogs-event': 'pull_request', 'x-github-event': 'pull_request' };
const BITBUCKET = { 'x-event-key': 'pullrequest:updated', 'x-hook-uuid': 'u-1' };
const AZURE = { 'x-vss-activityid': 'a-1' };

describe('pull request webhooks', () => {
  it('GitHub: owner and repo case-insensitively, on the API host the generator uses', () => {
    const event = decode(GITHUB, fixture('github-pull-request.json'));
    expect(event).toEqual({ provider: 'github', action: 'synchronize', relevant: true, owner: 'MyOrg', repo: 'MyApp', apiHost: 'api.github.com' });
    expect(pullRequestTouchesApplicationSet(pr({ github: { owner: 'myorg', repo: 'myapp' } }), event)).toBe(true);
    expect(pullRequestTouchesApplicationSet(pr({ github: { owner: 'myorg', repo: 'myapp', api: 'https://api.github.com/' } }), event)).toBe(true);
    expect(pullRequestTouchesApplicationSet(pr({ github: { owner: 'myorg', repo: 'other' } }), event)).toBe(false);
    expect(pullRequestTouchesApplicationSet(pr({ github: { owner: 'myorg', repo: 'myapp', api: 'https://ghe.example.com' } }), event)).toBe(false);
    // A git generator on the same repository is a push matter, not a pull request one.
    expect(pullRequestTouchesApplicationSet(appSet([{ git: { repoURL: 'https://github.com/MyOrg/MyApp.git' } }]), event)).toBe(false);
  });

  it('GitHub: every action that changes the list refreshes; others (assigned, review requests) do not', () => {
    for (const action of ['opened', 'closed', 'reopened', 'synchronize', 'labeled', 'unlabeled', 'edited'])
      expect(decode(GITHUB, withAction('github-pull-request.json', 'action', action)).relevant).toBe(true);
    const assigned = decode(GITHUB, withAction('github-pull-request.json', 'action', 'assigned'));
    expect(assigned.relevant).toBe(false);
    expect(pullRequestTouchesApplicationSet(pr({ github: { owner: 'myorg', repo: 'myapp' } }), assigned)).toBe(false);
  });

  it('GitHub: pull request generators nested in matrix and merge count', () => {
    const event = decode(GITHUB, fixture('github-pull-request.json'));
    const nested = appSet([
      { matrix: { generators: [{ clusters: {} }, { merge: { generators: [{ list: { elements: [] } }, { pullRequest: { github: { owner: 'MyOrg', repo: 'MyApp' } } }] } }] } },
    ]);
    expect(pullRequestTouchesApplicationSet(nested, event)).toBe(true);
  });

  it('GitLab: the target project by id or path, on the generator API host', () => {
    const event = decode(GITLAB, fixture('gitlab-merge-request.json'));
    expect(event).toMatchObject({ provider: 'gitlab', action: 'update', relevant: true, projectIds: ['42', 'platform/app'], host: 'gitlab.example.com' });
    expect(pullRequestTouchesApplicationSet(pr({ gitlab: { project: '42', api: 'https://gitlab.example.com/' } }), event)).toBe(true);
    expect(pullRequestTouchesApplicationSet(pr({ gitlab: { project: 'platform/app', api: 'https://gitlab.example.com' } }), event)).toBe(true);
    // No api means gitlab.com.
    expect(pullRequestTouchesApplicationSet(pr({ gitlab: { project: '42' } }), event)).toBe(false);
    expect(decode(GITLAB, withAction('gitlab-merge-request.json', 'gitlab', 'approved')).relevant).toBe(false);
    // The same payload as a system hook.
    expect(decode({ 'x-gitlab-event': 'System Hook' }, fixture('gitlab-merge-request.json')).provider).toBe('gitlab');
  });

  it('Gitea: owner and repo on the generator API host (Gitea also sends the Gogs and GitHub headers)', () => {
    const event = decode(GITEA, fixture('gitea-pull-request.json'));
    expect(event).toMatchObject({ provider: 'gitea', action: 'synchronized', relevant: true, owner: 'acme', repo: 'web', host: 'gitea.example.com' });
    expect(pullRequestTouchesApplicationSet(pr({ gitea: { owner: 'acme', repo: 'web', api: 'https://gitea.example.com/' } }), event)).toBe(true);
    expect(pullRequestTouchesApplicationSet(pr({ gitea: { owner: 'acme', repo: 'web', api: 'https://other.example.com/' } }), event)).toBe(false);
  });

  it('Bitbucket Cloud: workspace and repository from full_name', () => {
    const event = decode(BITBUCKET, fixture('bitbucket-pull-request.json'));
    expect(event).toMatchObject({ provider: 'bitbucket', relevant: true, owner: 'team', repo: 'service' });
    expect(pullRequestTouchesApplicationSet(pr({ bitbucket: { owner: 'team', repo: 'service' } }), event)).toBe(true);
    expect(pullRequestTouchesApplicationSet(pr({ bitbucketServer: { project: 'team', repo: 'service', api: 'https://bb' } }), event)).toBe(false);
    expect(decode({ ...BITBUCKET, 'x-event-key': 'pullrequest:comment_created' }, fixture('bitbucket-pull-request.json')).relevant).toBe(false);
  });

  it('Azure DevOps: project and repository, with the basic auth argocd-secret names', () => {
    const event = decode(AZURE, fixture('azure-devops-pull-request.json'));
    expect(event).toMatchObject({ provider: 'azuredevops', relevant: true, project: 'Fabrikam-Fiber-Git', repo: 'Fabrikam' });
    expect(pullRequestTouchesApplicationSet(pr({ azuredevops: { organization: 'fabrikam', project: 'Fabrikam-Fiber-Git', repo: 'Fabrikam' } }), event)).toBe(true);
    expect(pullRequestTouchesApplicationSet(pr({ azuredevops: { organization: 'fabrikam', project: 'Other', repo: 'Fabrikam' } }), event)).toBe(false);
    const secrets = { azureDevOpsUsername: 'hook', azureDevOpsPassword: 'pa55' };
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    expect(decode({ ...AZURE, authorization: basic('hook', 'pa55') }, fixture('azure-devops-pull-request.json'), secrets).provider).toBe('azuredevops');
    expect(() => decode(AZURE, fixture('azure-devops-pull-request.json'), secrets)).toThrow('Authorization is missing');
    const wrong = (): unknown => decode({ ...AZURE, authorization: basic('hook', 'nope') }, fixture('azure-devops-pull-request.json'), secrets);
    expect(wrong).toThrow(WebhookRejection);
    expect(wrong).toThrow('Authorization does not match webhook.azuredevops.username and webhook.azuredevops.password in argocd-secret');
    expect(() => decode(AZURE, Buffer.from(JSON.stringify({ eventType: 'git.push' })))).toThrow('Azure DevOps event "git.push" is not handled');
  });

  it('a pull request payload that lacks what matching needs is a 400 naming the field', () => {
    expect(() => decode(GITHUB, Buffer.from('{"action":"opened","repository":{"name":"x"}}'))).toThrow(/GitHub pull_request payload is not valid: repository\.owner/);
    expect(() => decode(BITBUCKET, Buffer.from('{"repository":{"full_name":"solo"}}'))).toThrow('repository.full_name "solo" is not workspace/repo');
  });
});
