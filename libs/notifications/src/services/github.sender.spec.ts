import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { MemorySenderStore, RedisSenderStore } from '../services/sender.store';
import { FakeGitHub } from '../testing/fakes/github.fake';
import { GitHubSender, type GitHubOptions, repoFullName } from './github.sender';
import { DeliveryError, type RenderedNotification, type SendContext, type ServiceConfig } from './notification-service';

const SHA = 'a'.repeat(40);
const OTHER_SHA = 'b'.repeat(40);
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
// GitHub hands out PKCS#1 keys ("BEGIN RSA PRIVATE KEY").
const PRIVATE_PEM = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const WRONG_PEM = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const app = (over: Record<string, unknown> = {}) => ({
  metadata: { name: 'guestbook' },
  spec: { source: { repoURL: 'https://github.com/acme/guestbook.git' } },
  status: { operationState: { syncResult: { revision: SHA } } },
  ...over,
});

describe('GitHubSender', () => {
  let github: FakeGitHub;
  let context: SendContext;
  const warnings: string[] = [];

  beforeEach(async () => {
    github = await new FakeGitHub({ appID: '12345', installationID: '678', publicKey }, { 'acme/guestbook': { refs: [SHA, OTHER_SHA, 'v1.0.0'], pulls: [{ number: 7, commits: [SHA] }, { number: 9, commits: [SHA] }, { number: 11, commits: [OTHER_SHA] }] } }).start();
    warnings.length = 0;
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
    context = { app: app(), store: new MemorySenderStore(), logger };
  });
  afterEach(() => github.stop());

  const service = (over: Partial<GitHubOptions> = {}): ServiceConfig<GitHubOptions> => ({
    type: 'github',
    name: 'github',
    options: { appID: '12345', installationID: '678', privateKey: PRIVATE_PEM, enterpriseBaseURL: `${github.url}/api/v3`, insecureSkipVerify: false, ...over },
  });
  const send = (notification: RenderedNotification, svc = service(), ctx = context) => new GitHubSender().send(notification, { service: 'github', recipient: '' }, svc, ctx);
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DeliveryError);
  const statusPart = { status: { state: 'success', label: 'continuous-delivery/guestbook', targetURL: 'https://argocd.example.com/applications/guestbook' } };

  describe('commit status', () => {
    it("sets the status of the synced revision in the repository of spec.source.repoURL, as the App's installation", async () => {
      await send({ message: 'Application guestbook is now running new version. '.repeat(5), parts: { github: statusPart } });
      expect(github.statuses).toEqual([
        { repo: 'acme/guestbook', sha: SHA, state: 'success', context: 'continuous-delivery/guestbook', target_url: 'https://argocd.example.com/applications/guestbook', description: expect.stringMatching(/\.\.\.$/) },
      ]);
      expect(Array.from(github.statuses[0].description)).toHaveLength(140);
      const [tokenCall, statusCall] = github.requests;
      expect(tokenCall).toMatchObject({ method: 'POST', path: '/api/v3/app/installations/678/access_tokens' });
      expect(statusCall).toMatchObject({ method: 'POST', path: `/api/v3/repos/acme/guestbook/statuses/${SHA}`, authorization: `Bearer ${[...github.tokens.keys()][0]}` });
    });

    it('uses github.repoURLPath and github.revisionPath when the template gives them (scp-style URLs too)', async () => {
      await send({ message: 'm', parts: { github: { ...statusPart, repoURLPath: 'git@github.com:acme/guestbook.git', revisionPath: OTHER_SHA } } });
      expect(github.statuses[0]).toMatchObject({ repo: 'acme/guestbook', sha: OTHER_SHA });
    });

    it('keeps the installation token until shortly before it expires, shared by every replica through Redis', async () => {
      const redis = new Redis('redis://127.0.0.1:6379');
      const prefix = `test:github-sender:${randomUUID()}`;
      try {
        const replica = (): SendContext => ({ app: app(), store: new RedisSenderStore(redis, prefix) });
        await send({ message: 'one', parts: { github: statusPart } }, service(), replica());
        await send({ message: 'two', parts: { github: statusPart } }, service(), replica());
        expect(github.requests.filter((r) => r.path.includes('access_tokens'))).toHaveLength(1);
        expect(github.statuses).toHaveLength(2);
      } finally {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      }
    });

    it('asks for a new token when the cached one is about to expire, and when GitHub no longer takes it', async () => {
      github.tokenLifetimeMs = 30_000; // inside the one-minute margin: not reused
      await send({ message: 'one', parts: { github: statusPart } });
      await send({ message: 'two', parts: { github: statusPart } });
      expect(github.requests.filter((r) => r.path.includes('access_tokens'))).toHaveLength(2);

      github.tokenLifetimeMs = 3_600_000;
      await send({ message: 'three', parts: { github: statusPart } });
      github.revokeTokens();
      await send({ message: 'four', parts: { github: statusPart } });
      expect(github.requests.filter((r) => r.path.includes('access_tokens'))).toHaveLength(4);
      expect(github.statuses).toHaveLength(4);
    });

    it('fails for good, without the key, when the private key is not the App’s', async () => {
      const error = await failure(send({ message: 'm', parts: { github: statusPart } }, service({ privateKey: WRONG_PEM })));
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toMatchObject({ retryable: false, statusCode: 401 });
      expect(error!.message).toMatch(/^github github: getting an installation token for app 12345 \(POST \/app\/installations\/678\/access_tokens\) answered HTTP 401: A JSON web token could not be verified/);
      expect(error!.message).not.toContain('PRIVATE KEY');
    });

    it('fails for good on an unknown installation, repository or commit, and on a state GitHub does not know', async () => {
      expect(await failure(send({ message: 'm', parts: { github: statusPart } }, service({ installationID: '999' })))).toMatchObject({ retryable: false, statusCode: 404 });
      const unknownRepo = await failure(send({ message: 'm', parts: { github: { ...statusPart, repoURLPath: 'https://github.com/acme/missing' } } }));
      expect(unknownRepo).toMatchObject({ retryable: false, statusCode: 404, message: 'github github: POST /repos/acme/missing/statuses/' + SHA + ' answered HTTP 404: Not Found' });
      const unknownSha = await failure(send({ message: 'm', parts: { github: { ...statusPart, revisionPath: 'c'.repeat(40) } } }));
      expect(unknownSha).toMatchObject({ retryable: false, statusCode: 422, message: expect.stringContaining(`No commit found for SHA: ${'c'.repeat(40)}`) });
      const badState = await failure(send({ message: 'm', parts: { github: { status: { ...statusPart.status, state: 'Succeeded' } } } }));
      expect(badState).toMatchObject({ retryable: false, statusCode: 422, message: expect.stringContaining('Validation Failed') });
    });

    it('treats the 1000-statuses limit as Argo does: not sent, not failed, a warning', async () => {
      github.statusLimit = 1;
      await send({ message: 'one', parts: { github: statusPart } });
      await expect(send({ message: 'two', parts: { github: statusPart } })).resolves.toBeUndefined();
      expect(github.statuses).toHaveLength(1);
      expect(warnings).toEqual([`github github: commit ${SHA} has the most statuses GitHub keeps for context "continuous-delivery/guestbook"; this one was not added`]);
    });

    it('treats rate limits as retryable after the time GitHub names: 403 with x-ratelimit-remaining 0, and 429 with Retry-After', async () => {
      const reset = Math.floor(Date.now() / 1000) + 120;
      github.interruptions.push({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, body: '{"message":"API rate limit exceeded for installation ID 678."}' });
      const limited = await failure(send({ message: 'm', parts: { github: statusPart } }));
      expect(limited).toMatchObject({ retryable: true, statusCode: 403, message: expect.stringContaining('was rate limited (HTTP 403): API rate limit exceeded') });
      expect(limited!.retryAfterMs).toBeGreaterThan(110_000);
      expect(limited!.retryAfterMs).toBeLessThanOrEqual(120_000);

      await send({ message: 'fetch a token first', parts: { github: statusPart } });
      github.interruptions.push({ status: 429, headers: { 'retry-after': '7' }, body: '{"message":"You have exceeded a secondary rate limit."}' });
      expect(await failure(send({ message: 'm', parts: { github: statusPart } }))).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 7000 });

      github.interruptions.push({ status: 403, headers: {}, body: '{"message":"Resource not accessible by integration"}' });
      expect(await failure(send({ message: 'm', parts: { github: statusPart } }))).toMatchObject({ retryable: false, statusCode: 403, retryAfterMs: undefined });
    });

    it('says what is missing when the Application has no repository or revision, or the template no github part', async () => {
      const noRevision = await failure(send({ message: 'm', parts: { github: statusPart } }, service(), { ...context, app: app({ status: {} }) }));
      expect(noRevision).toMatchObject({ retryable: false, message: 'github github: no revision: the Application has no status.operationState.syncResult.revision (set github.revisionPath in the template)' });
      const multiSource = await failure(send({ message: 'm', parts: { github: statusPart } }, service(), { ...context, app: app({ spec: { sources: [{ repoURL: 'https://github.com/acme/guestbook' }] } }) }));
      expect(multiSource!.message).toMatch(/no repository: the Application has no spec.source.repoURL \(for spec.sources set github.repoURLPath/);
      expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: false, message: 'github github: the template has no github part (status, deployment, pullRequestComment, checkRun or repositoryDispatch)' });
      expect(github.requests).toHaveLength(0);
    });
  });

  it('keeps all the calls of one delivery within its budget, leaving the rest to a retry', async () => {
    github.delayMs = 120;
    const started = Date.now();
    const deployment = { state: 'success', environment: 'production' };
    const error = await failure(new GitHubSender(Date.now, 300).send({ message: 'm', parts: { github: { deployment } } }, { service: 'github', recipient: '' }, service(), context));
    expect(error).toMatchObject({ retryable: true });
    expect(Date.now() - started).toBeLessThan(450);
    expect(github.deployments.flatMap((d) => d.statuses)).toHaveLength(0);
  });

  describe('deployment', () => {
    const deploymentPart = { state: 'success', environment: 'production', environmentURL: 'https://guestbook.example.com', logURL: 'https://argocd.example.com/applications/guestbook', requiredContexts: [] as string[] };

    it('creates a deployment of the revision once (auto-merge on, not transient, by default) and adds a status to it each time', async () => {
      await send({ message: 'deployed', parts: { github: { deployment: deploymentPart } } });
      await send({ message: 'deployed again', parts: { github: { deployment: { ...deploymentPart, state: 'in_progress' } } } });
      expect(github.deployments).toHaveLength(1);
      expect(github.deployments[0]).toMatchObject({ ref: SHA, environment: 'production', body: { ref: SHA, environment: 'production', auto_merge: true, transient_environment: false, required_contexts: [] } });
      expect(github.deployments[0].statuses).toEqual([
        { state: 'success', description: 'deployed', environment: 'production', environment_url: 'https://guestbook.example.com', log_url: 'https://argocd.example.com/applications/guestbook' },
        { state: 'in_progress', description: 'deployed again', environment: 'production', environment_url: 'https://guestbook.example.com', log_url: 'https://argocd.example.com/applications/guestbook' },
      ]);
    });

    it('deploys github.deployment.reference when given, with the template’s autoMerge and transientEnvironment', async () => {
      await send({ message: 'm', parts: { github: { deployment: { ...deploymentPart, reference: 'v1.0.0', autoMerge: 'false', transientEnvironment: true } } } });
      expect(github.deployments[0].body).toMatchObject({ ref: 'v1.0.0', auto_merge: false, transient_environment: true });
    });

    it('fails for good on a deployment state GitHub does not know, or a reference it does not have', async () => {
      expect(await failure(send({ message: 'm', parts: { github: { deployment: { ...deploymentPart, state: 'Healthy' } } } }))).toMatchObject({ retryable: false, statusCode: 422 });
      expect(await failure(send({ message: 'm', parts: { github: { deployment: { ...deploymentPart, reference: 'v9' } } } }))).toMatchObject({ retryable: false, statusCode: 422, message: expect.stringContaining('No ref found for: v9') });
      expect(await failure(send({ message: 'm', parts: { github: { deployment: { ...deploymentPart, autoMerge: 'maybe' } } } }))).toMatchObject({ retryable: false, message: expect.stringMatching(/^github github: template field github.deployment.autoMerge: /) });
    });
  });

  describe('pull request comment', () => {
    it('comments on every pull request that has the revision; with a commentTag it keeps one comment up to date', async () => {
      const comment = { content: 'guestbook synced', commentTag: 'continuous-delivery/guestbook' };
      await send({ message: 'm', parts: { github: { pullRequestComment: comment } } });
      await send({ message: 'm', parts: { github: { pullRequestComment: { ...comment, content: 'guestbook synced again' } } } });
      expect(github.comments.map((c) => [c.issue, c.body])).toEqual([
        [7, 'guestbook synced again\n<!-- argocd-notifications continuous-delivery/guestbook -->'],
        [9, 'guestbook synced again\n<!-- argocd-notifications continuous-delivery/guestbook -->'],
      ]);
    });

    it('finds the tagged comment past the first page of comments', async () => {
      for (let i = 0; i < 150; i++) github.comments.push({ id: i + 1, repo: 'acme/guestbook', issue: 11, body: `chatter ${i}` });
      github.comments.push({ id: 500, repo: 'acme/guestbook', issue: 11, body: 'old\n<!-- argocd-notifications cd -->' });
      await send({ message: 'm', parts: { github: { revisionPath: OTHER_SHA, pullRequestComment: { content: 'new', commentTag: 'cd' } } } });
      expect(github.comments).toHaveLength(151);
      expect(github.comments.find((c) => c.id === 500)?.body).toBe('new\n<!-- argocd-notifications cd -->');
    });

    it('adds a new comment each time without a commentTag', async () => {
      await send({ message: 'm', parts: { github: { revisionPath: OTHER_SHA, pullRequestComment: { content: 'hello' } } } });
      await send({ message: 'm', parts: { github: { revisionPath: OTHER_SHA, pullRequestComment: { content: 'hello' } } } });
      expect(github.comments.map((c) => c.body)).toEqual(['hello', 'hello']);
    });
  });

  describe('check run', () => {
    const checkRun = {
      name: 'continuous-delivery/guestbook',
      details_url: 'https://argocd.example.com/applications/guestbook',
      conclusion: 'success',
      started_at: '2026-01-02T03:04:05Z',
      completed_at: '2026-01-02T03:05:00+01:00',
      output: { title: 'Deployment of guestbook', summary: 'guestbook is running the new version', text: 'details' },
    };

    it('creates a check run on the revision, completed when it has a conclusion', async () => {
      await send({ message: 'm', parts: { github: { checkRun } } });
      expect(github.checkRuns).toEqual([
        {
          repo: 'acme/guestbook',
          body: { ...checkRun, head_sha: SHA, external_id: 'argocd-notifications', status: 'completed', completed_at: '2026-01-02T02:05:00Z' },
        },
      ]);
    });

    it('refuses a completed run without a conclusion, and a time that is not RFC 3339, before calling GitHub', async () => {
      expect(await failure(send({ message: 'm', parts: { github: { checkRun: { name: 'cd', status: 'completed' } } } }))).toMatchObject({ retryable: false, message: 'github github: github.checkRun: conclusion is required when status is completed or completed_at is set' });
      expect(await failure(send({ message: 'm', parts: { github: { checkRun: { ...checkRun, started_at: 'YYYY-MM-DDTHH:MM:SSZ' } } } }))).toMatchObject({ retryable: false, message: 'github github: github.checkRun: started_at "YYYY-MM-DDTHH:MM:SSZ" is not an RFC 3339 time' });
      expect(github.requests).toHaveLength(0);
    });

    it('fails for good on what GitHub refuses: a conclusion it does not know, a missing name', async () => {
      expect(await failure(send({ message: 'm', parts: { github: { checkRun: { ...checkRun, conclusion: 'Healthy' } } } }))).toMatchObject({ retryable: false, statusCode: 422 });
      expect(await failure(send({ message: 'm', parts: { github: { checkRun: { status: 'in_progress' } } } }))).toMatchObject({ retryable: false, statusCode: 422 });
    });
  });

  describe('repository dispatch', () => {
    it('sends a repository_dispatch event with the client payload as JSON', async () => {
      await send({ message: 'm', parts: { github: { repositoryDispatch: { event_type: 'argocd-synced', client_payload: '{"app":"guestbook","revision":"abc"}' } } } });
      expect(github.dispatches).toEqual([{ repo: 'acme/guestbook', body: { event_type: 'argocd-synced', client_payload: { app: 'guestbook', revision: 'abc' } } }]);
    });

    it('refuses a payload that is not JSON, and GitHub refuses one without an event type', async () => {
      expect(await failure(send({ message: 'm', parts: { github: { repositoryDispatch: { event_type: 'x', client_payload: '{app: guestbook' } } } }))).toMatchObject({ retryable: false, message: 'github github: github.repositoryDispatch.client_payload is not JSON' });
      expect(await failure(send({ message: 'm', parts: { github: { repositoryDispatch: { client_payload: '{}' } } } }))).toMatchObject({ retryable: false, statusCode: 422 });
    });
  });

  it('reads owner and repository from every form of git URL', () => {
    expect(repoFullName('https://github.com/acme/guestbook.git')).toBe('acme/guestbook');
    expect(repoFullName('https://github.example.com/acme/guestbook/tree/main')).toBe('acme/guestbook');
    expect(repoFullName('git@github.com:acme/guestbook.git')).toBe('acme/guestbook');
    expect(repoFullName('ssh://git@github.com:22/acme/guestbook.git')).toBe('acme/guestbook');
    expect(repoFullName('https://github.com/guestbook')).toBeUndefined();
  });

  describe('service.github in argocd-notifications-cm', () => {
    it('reads appID and installationID as numbers or strings and the private key from the Secret, which is masked', () => {
      const { config, problems } = parseNotificationsConfig(
        { 'service.github': 'appID: 12345\ninstallationID: "678"\nprivateKey: $github-privateKey\nenterpriseBaseURL: https://ghe.example.com/api/v3\n' },
        { 'github-privateKey': PRIVATE_PEM },
        [new GitHubSender()],
      );
      expect(problems).toEqual([]);
      expect(config.services.get('github')?.options).toEqual({ appID: '12345', installationID: '678', privateKey: PRIVATE_PEM, enterpriseBaseURL: 'https://ghe.example.com/api/v3', insecureSkipVerify: false });
      expect(config.sensitive).toContain(PRIVATE_PEM);
    });

    it('names the option that is wrong, never quoting the key', () => {
      const { problems } = parseNotificationsConfig(
        { 'service.github': 'appID: 12345\ninstallationID: 678\nprivateKey: not-a-key-s3cr3t\n', 'service.github.other': 'appID: abc\ninstallationID: 678\nprivateKey: $k\n' },
        { k: PRIVATE_PEM },
        [new GitHubSender()],
      );
      expect(problems).toEqual(['service.github: privateKey: privateKey is not a PEM private key (PKCS#1 or PKCS#8, as GitHub gives it)', 'service.github.other: appID: appID must be a number']);
    });
  });
});
