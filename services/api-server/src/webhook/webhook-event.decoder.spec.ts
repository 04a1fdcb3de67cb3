import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { WebhookRejection } from './push-event.types';
import { decodeWebhookEvent } from './webhook-event.decoder';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'testdata', name));
const json = (name: string): any => JSON.parse(fixture(name).toString('utf8'));
const body = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const JSON_TYPE = { 'content-type': 'application/json' };

describe('decodeWebhookEvent: what each provider says about a push', () => {
  it.each<[string, IncomingHttpHeaders, Buffer, unknown]>([
    [
      'GitHub push to the default branch: web, https and ssh URLs, files of every commit once',
      { 'x-github-event': 'push', ...JSON_TYPE },
      fixture('github-push.json'),
      {
        provider: 'github',
        repoUrls: [
          'https://github.com/acme/deploy-config',
          'https://github.com/acme/deploy-config.git',
          'git@github.com:acme/deploy-config.git',
        ],
        refs: [{ kind: 'branch', name: 'main' }],
        defaultBranch: 'main',
        changedFiles: ['apps/guestbook/deployment.yaml', 'docs/old.md', 'shared/labels.yaml'],
      },
    ],
    [
      'GitLab push to a branch with a slash in its name',
      { 'x-gitlab-event': 'Push Hook' },
      fixture('gitlab-push.json'),
      {
        provider: 'gitlab',
        repoUrls: [
          'https://gitlab.example.com/infra/platform',
          'https://gitlab.example.com/infra/platform.git',
          'git@gitlab.example.com:infra/platform.git',
        ],
        refs: [{ kind: 'branch', name: 'release/2.x' }],
        defaultBranch: 'main',
        changedFiles: ['envs/prod/ingress.yaml', 'envs/prod/kustomization.yaml', 'README.md'],
      },
    ],
    [
      'GitLab tag push: a tag, and no file list (so nothing is ruled out)',
      { 'x-gitlab-event': 'Tag Push Hook' },
      fixture('gitlab-tag-push.json'),
      {
        provider: 'gitlab',
        repoUrls: expect.arrayContaining(['https://gitlab.example.com/infra/platform']),
        refs: [{ kind: 'tag', name: 'v2.4.0' }],
        defaultBranch: 'main',
        changedFiles: undefined,
      },
    ],
    [
      'GitLab system hook for a push',
      { 'x-gitlab-event': 'System Hook' },
      fixture('gitlab-push.json'),
      expect.objectContaining({ provider: 'gitlab', refs: [{ kind: 'branch', name: 'release/2.x' }] }),
    ],
    [
      'GitLab push of more commits than listed: the file list is incomplete, so unknown',
      { 'x-gitlab-event': 'Push Hook' },
      body({ ...json('gitlab-push.json'), total_commits_count: 31 }),
      expect.objectContaining({ changedFiles: undefined }),
    ],
    [
      'Bitbucket Cloud push: every change (a deleted tag too), ssh URL derived, no files, no main branch',
      { 'x-event-key': 'repo:push', 'x-hook-uuid': '5e2a1c9b-0d1f-4c55-a2a5-31b0e0b7e6b1' },
      fixture('bitbucket-push.json'),
      {
        provider: 'bitbucket',
        repoUrls: ['https://bitbucket.org/acme-team/charts', 'git@bitbucket.org:acme-team/charts.git'],
        refs: [
          { kind: 'branch', name: 'main' },
          { kind: 'tag', name: 'v0.9.0' },
        ],
        defaultBranch: undefined,
      },
    ],
    [
      'Gogs push',
      { 'x-gogs-event': 'push' },
      fixture('gogs-push.json'),
      {
        provider: 'gogs',
        repoUrls: [
          'https://git.example.com/ops/fleet',
          'https://git.example.com/ops/fleet.git',
          'ssh://git@git.example.com:2222/ops/fleet.git',
        ],
        refs: [{ kind: 'branch', name: 'master' }],
        defaultBranch: 'master',
        changedFiles: ['cluster-addons/cert-manager/values.yaml'],
      },
    ],
    [
      'Gitea (Gogs and GitHub headers both): read as Gogs',
      { 'x-gogs-event': 'push', 'x-gitea-event': 'push', 'x-github-event': 'push' },
      fixture('gogs-push.json'),
      expect.objectContaining({ provider: 'gogs' }),
    ],
    [
      'a push of a ref that is neither branch nor tag moves nothing',
      { 'x-github-event': 'push' },
      body({ ...json('github-push.json'), ref: 'refs/notes/commits' }),
      expect.objectContaining({ refs: [] }),
    ],
  ])('%s', (_name, headers, payload, expected) => {
    expect(decodeWebhookEvent(headers, payload, {})).toEqual({ kind: 'push', push: expected });
  });

  it('answers GitHub ping without a push', () => {
    expect(decodeWebhookEvent({ 'x-github-event': 'ping' }, fixture('github-ping.json'), {})).toEqual({ kind: 'ping', provider: 'github' });
  });

  it.each<[string, IncomingHttpHeaders, Buffer, string]>([
    ['no provider header', JSON_TYPE, fixture('github-push.json'), 'Unknown webhook event: none of the headers X-GitHub-Event'],
    [
      'a GitHub event other than push or pull_request',
      { 'x-github-event': 'issues' },
      fixture('github-push.json'),
      'GitHub event "issues" (X-GitHub-Event) is not handled: only push, pull_request, ping events are',
    ],
    [
      'a GitLab note',
      { 'x-gitlab-event': 'Note Hook' },
      fixture('gitlab-push.json'),
      'GitLab event "Note Hook" (X-Gitlab-Event) is not handled',
    ],
    [
      'a GitLab system hook that is not a push or merge request',
      { 'x-gitlab-event': 'System Hook' },
      body({ object_kind: 'issue' }),
      'GitLab system hook "issue" is not handled',
    ],
    [
      'a Bitbucket Server event',
      { 'x-event-key': 'repo:refs_changed' },
      fixture('bitbucket-push.json'),
      'Bitbucket event "repo:refs_changed" (X-Event-Key) is not handled: only repo:push, pullrequest:* events are',
    ],
    [
      'a Bitbucket hook without an event key',
      { 'x-hook-uuid': 'abc' },
      fixture('bitbucket-push.json'),
      'Bitbucket webhook without X-Event-Key',
    ],
    [
      'a Gogs event other than push',
      { 'x-gogs-event': 'create' },
      fixture('gogs-push.json'),
      'Gogs event "create" (X-Gogs-Event) is not handled',
    ],
    [
      'GitHub sent as a form',
      { 'x-github-event': 'push', 'content-type': 'application/x-www-form-urlencoded' },
      Buffer.from('payload=%7B%7D'),
      'set "Content type" to application/json',
    ],
    ['a body that is not JSON', { 'x-github-event': 'push' }, Buffer.from('{"ref": '), 'GitHub webhook payload is not valid JSON'],
    ['an empty body', { 'x-gitlab-event': 'Push Hook' }, Buffer.alloc(0), 'GitLab webhook has an empty body'],
    [
      'a GitHub push without the repository page',
      { 'x-github-event': 'push' },
      body({ ...json('github-push.json'), repository: { name: 'x' } }),
      'GitHub push payload is not valid: repository.html_url: Invalid input: expected string, received undefined',
    ],
    [
      'a GitLab push with a non-string ref',
      { 'x-gitlab-event': 'Push Hook' },
      body({ ...json('gitlab-push.json'), ref: 7 }),
      'GitLab push payload is not valid: ref: Invalid input: expected string, received number',
    ],
    [
      'a Bitbucket push without changes',
      { 'x-event-key': 'repo:push' },
      body({ repository: json('bitbucket-push.json').repository }),
      'Bitbucket repo:push payload is not valid: push:',
    ],
  ])('refuses %s with a 400 that says so', (_name, headers, payload, message) => {
    let thrown: unknown;
    try {
      decodeWebhookEvent(headers, payload, {});
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(WebhookRejection);
    expect(thrown).toMatchObject({ status: 400, message: expect.stringContaining(message) });
  });

  it('checks the secret before anything else, so an unverified sender learns nothing about the payload', () => {
    expect(() => decodeWebhookEvent({ 'x-github-event': 'pull_request' }, Buffer.from('not json'), { github: 's3cret' })).toThrow(
      'X-Hub-Signature-256 is missing',
    );
  });
});
