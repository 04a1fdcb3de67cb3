import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ApiServerHarness, appManifest, startApiServer } from '../testing/api-server.harness';

const REFRESH = 'argocd.argoproj.io/refresh';
const APPSET_REFRESH = 'argocd.argoproj.io/application-set-refresh';
const PATHS = 'argocd.argoproj.io/manifest-generate-paths';
const GITHUB_SECRET = 'gh-webhook-5b1f0c7e9a';
const GITLAB_SECRET = 'gl-webhook-3d8e2a4f61';
// argocd-secret and argocd-cm are cached by the api-server for 1s.
const SETTINGS_CACHE_MS = 1100;

const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'testdata', name));
const GITHUB_PUSH = fixture('github-push.json');
const GITLAB_PUSH = fixture('gitlab-push.json');
const signed = (body: Buffer, secret: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('POST /api/webhook (the api-server process on a kube-sim hub)', () => {
  let api: ApiServerHarness;

  const post = (headers: Record<string, string>, body: Buffer | string) =>
    fetch(`${api.base}/api/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  const annotated = async (plural: string, key: string): Promise<string[]> => {
    const list = await api.kube('GET', api.nsPath(plural));
    return list.body.items
      .filter((o: any) => o.metadata.annotations?.[key] !== undefined)
      .map((o: any) => `${o.metadata.name}=${o.metadata.annotations[key]}`)
      .sort();
  };
  const refreshedApps = () => annotated('applications', REFRESH);
  const refreshedAppSets = () => annotated('applicationsets', APPSET_REFRESH);

  /** What the app-controller and appset-controller would do once they have refreshed. */
  const clearRefreshes = async (): Promise<void> => {
    for (const [plural, key] of [
      ['applications', REFRESH],
      ['applicationsets', APPSET_REFRESH],
    ]) {
      for (const entry of await annotated(plural, key)) {
        const name = entry.split('=')[0];
        const res = await api.kube(
          'PATCH',
          api.nsPath(`${plural}/${name}`),
          { metadata: { annotations: { [key]: null } } },
          'application/merge-patch+json',
        );
        expect(res.status).toBe(200);
      }
    }
  };

  const createApp = async (name: string, source: Record<string, unknown>, annotations?: Record<string, string>, multi = false) => {
    const manifest = appManifest(name, multi ? { source: undefined, sources: source.sources } : { source });
    const res = await api.kube('POST', api.nsPath('applications'), { ...manifest, metadata: { ...manifest.metadata, annotations } });
    expect(res.status).toBe(201);
  };

  const createAppSet = async (name: string, generators: unknown[]) => {
    const res = await api.kube('POST', api.nsPath('applicationsets'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name },
      spec: { generators, template: { metadata: { name: '{{path.basename}}' }, spec: appManifest('t').spec } },
    });
    expect(res.status).toBe(201);
  };

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    const repo = 'https://github.com/acme/deploy-config.git';
    await createApp('guestbook', { repoURL: repo, path: 'apps/guestbook', targetRevision: 'HEAD' });
    await createApp('guestbook-ssh', { repoURL: 'git@github.com:acme/deploy-config.git', path: 'apps/guestbook', targetRevision: 'main' });
    // Its own directory is untouched by the push: only the annotation keeps it from refreshing.
    await createApp('billing', { repoURL: repo, path: 'apps/billing', targetRevision: 'main' }, { [PATHS]: '.' });
    await createApp('payments', { repoURL: repo, path: 'apps/payments', targetRevision: 'main' }, { [PATHS]: '.;/shared' });
    await createApp(
      'multi',
      {
        sources: [
          { repoURL: 'https://charts.example.com', chart: 'nginx', targetRevision: '15.*' },
          { repoURL: 'https://github.com/acme/deploy-config', ref: 'values', targetRevision: 'refs/heads/main' },
        ],
      },
      undefined,
      true,
    );
    await createApp('staging', { repoURL: repo, path: 'apps/guestbook', targetRevision: 'staging' });
    await createApp('elsewhere', { repoURL: 'https://github.com/acme/other.git', path: 'apps/guestbook', targetRevision: 'HEAD' });
    await createApp('platform', { repoURL: 'git@gitlab.example.com:infra/platform.git', path: 'envs/prod', targetRevision: 'release/2.x' });
    await createAppSet('per-directory', [
      { matrix: { generators: [{ git: { repoURL: repo, revision: 'HEAD', directories: [{ path: 'apps/*' }] } }, { clusters: {} }] } },
    ]);
    await createAppSet('listed', [{ list: { elements: [{ path: { basename: 'a' } }] } }]);
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
  });

  afterEach(clearRefreshes);

  it('without secrets configured, refreshes exactly the apps and ApplicationSets following the pushed branch', async () => {
    const res = await post({ 'x-github-event': 'push', 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958' }, GITHUB_PUSH);
    expect(await res.text()).toBe('Webhook processed: refresh requested for 4 application(s) and 1 applicationset(s)\n');
    expect(res.status).toBe(200);
    expect(await refreshedApps()).toEqual(['guestbook-ssh=normal', 'guestbook=normal', 'multi=normal', 'payments=normal']);
    expect(await refreshedAppSets()).toEqual(['per-directory=true']);
  });

  it('a pull request event refreshes the ApplicationSets whose pullRequest generators name its repository', async () => {
    await createAppSet('previews', [{ pullRequest: { github: { owner: 'myorg', repo: 'myapp', labels: ['preview'] } } }]);
    await createAppSet('previews-nested', [
      { matrix: { generators: [{ pullRequest: { github: { owner: 'MyOrg', repo: 'MyApp' } } }, { clusters: {} }] } },
    ]);
    await createAppSet('previews-ghe', [{ pullRequest: { github: { owner: 'myorg', repo: 'myapp', api: 'https://ghe.example.com' } } }]);
    await createAppSet('mr-previews', [{ pullRequest: { gitlab: { project: '42', api: 'https://gitlab.example.com' } } }]);
    const res = await post({ 'x-github-event': 'pull_request' }, fixture('github-pull-request.json'));
    expect([res.status, await res.text()]).toEqual([
      200,
      'Webhook processed: refresh requested for 0 application(s) and 2 applicationset(s)\n',
    ]);
    expect(await refreshedAppSets()).toEqual(['previews-nested=true', 'previews=true']);
    expect(await refreshedApps()).toEqual([]);
    await clearRefreshes();
    const mr = await post({ 'x-gitlab-event': 'Merge Request Hook' }, fixture('gitlab-merge-request.json'));
    expect(mr.status).toBe(200);
    expect(await refreshedAppSets()).toEqual(['mr-previews=true']);
    await clearRefreshes();
    const assigned = Buffer.from(JSON.stringify({ ...JSON.parse(fixture('github-pull-request.json').toString()), action: 'assigned' }));
    const ignored = await post({ 'x-github-event': 'pull_request' }, assigned);
    expect([ignored.status, await ignored.text()]).toEqual([
      200,
      'Webhook processed: pull request action "assigned" changes nothing a pullRequest generator lists\n',
    ]);
    expect(await refreshedAppSets()).toEqual([]);
    for (const name of ['previews', 'previews-nested', 'previews-ghe', 'mr-previews'])
      expect((await api.kube('DELETE', api.nsPath(`applicationsets/${name}`))).status).toBe(200);
  });

  it('answers GitHub ping, and refuses what it cannot act on with a message that says why, refreshing nothing', async () => {
    const ping = await post({ 'x-github-event': 'ping' }, fixture('github-ping.json'));
    expect([ping.status, await ping.text()]).toEqual([200, 'Webhook ping from github received\n']);
    const cases: [Promise<Response>, number, string][] = [
      [fetch(`${api.base}/api/webhook`), 405, 'method GET is not allowed'],
      [post({}, GITHUB_PUSH), 400, 'Unknown webhook event'],
      [post({ 'x-github-event': 'issues' }, GITHUB_PUSH), 400, 'GitHub event "issues" (X-GitHub-Event) is not handled'],
      [post({ 'x-github-event': 'pull_request' }, GITHUB_PUSH), 400, 'GitHub pull_request payload is not valid: action:'],
      [post({ 'x-github-event': 'push' }, '{"ref": "refs/heads/main"'), 400, 'GitHub webhook payload is not valid JSON'],
      [post({ 'x-github-event': 'push' }, '{"ref": "refs/heads/main"}'), 400, 'GitHub push payload is not valid: repository:'],
      [post({ 'x-event-key': 'repo:refs_changed' }, '{}'), 400, 'Bitbucket event "repo:refs_changed" (X-Event-Key) is not handled'],
    ];
    for (const [pending, status, message] of cases) {
      const res = await pending;
      const text = await res.text();
      expect([res.status, text]).toEqual([status, expect.stringContaining(`Webhook processing failed: ${message}`)]);
    }
    expect(await refreshedApps()).toEqual([]);
  });

  it('refuses a payload over webhook.maxPayloadSizeMB with 413', async () => {
    const cm = await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm' },
      data: { 'webhook.maxPayloadSizeMB': '1' },
    });
    expect(cm.status).toBe(201);
    await new Promise((r) => setTimeout(r, SETTINGS_CACHE_MS));
    const big = Buffer.from(JSON.stringify({ ...JSON.parse(GITHUB_PUSH.toString()), padding: 'x'.repeat(1536 * 1024) }));
    const tooLarge = {
      status: 413,
      text: 'Webhook processing failed: the payload is larger than 1 MiB (webhook.maxPayloadSizeMB in argocd-cm)\n',
    };
    const headers = { 'x-github-event': 'push', 'content-type': 'application/json' };
    expect(await rawPost(api.port, headers, big)).toEqual(tooLarge);
    expect(await rawPost(api.port, headers, big, true)).toEqual(tooLarge);
    expect(await refreshedApps()).toEqual([]);
    // The same push under the limit still goes through.
    expect((await post({ 'x-github-event': 'push' }, GITHUB_PUSH)).status).toBe(200);
  });

  it('reads at most 4 deliveries at once with 16 waiting, and answers 503 to the rest without reading them', async () => {
    // Each held delivery declares 100 bytes and sends 10: it keeps a reader (or a place in the queue) busy.
    const held = Array.from({ length: 20 }, () => {
      const socket = connect(api.port, '127.0.0.1');
      socket.write('POST /api/webhook HTTP/1.1\r\nhost: x\r\nx-github-event: push\r\ncontent-length: 100\r\n\r\n{"ref":"re');
      socket.on('error', () => undefined);
      return socket;
    });
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const refused = await fetch(`${api.base}/api/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'push' },
        body: GITHUB_PUSH,
        signal: AbortSignal.timeout(5000),
      });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.text()).toBe('Webhook processing failed: more than 4 deliveries are being read at once; try again\n');
    } finally {
      for (const socket of held) socket.destroy();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect((await post({ 'x-github-event': 'push' }, GITHUB_PUSH)).status).toBe(200);
  });

  describe('with webhook secrets in argocd-secret', () => {
    beforeAll(async () => {
      const res = await api.kube(
        'PATCH',
        `/api/v1/namespaces/${api.namespace}/secrets/argocd-secret`,
        { data: { 'webhook.github.secret': b64(GITHUB_SECRET), 'webhook.gitlab.secret': b64(GITLAB_SECRET) } },
        'application/merge-patch+json',
      );
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, SETTINGS_CACHE_MS));
    });

    it('refuses unsigned and wrongly signed GitHub pushes, refreshing nothing, and takes a correctly signed one', async () => {
      const unsigned = await post({ 'x-github-event': 'push' }, GITHUB_PUSH);
      expect([unsigned.status, await unsigned.text()]).toEqual([
        400,
        expect.stringContaining('X-Hub-Signature-256 is missing: webhook.github.secret is set in argocd-secret'),
      ]);
      const wrong = await post({ 'x-github-event': 'push', 'x-hub-signature-256': signed(GITHUB_PUSH, 'not-the-secret') }, GITHUB_PUSH);
      expect([wrong.status, await wrong.text()]).toEqual([400, expect.stringContaining('X-Hub-Signature-256 does not match the payload')]);
      const tampered = Buffer.from(GITHUB_PUSH.toString().replace('refs/heads/main', 'refs/heads/staging'));
      const replayed = await post({ 'x-github-event': 'push', 'x-hub-signature-256': signed(GITHUB_PUSH, GITHUB_SECRET) }, tampered);
      expect(replayed.status).toBe(400);
      expect(await refreshedApps()).toEqual([]);
      expect(await refreshedAppSets()).toEqual([]);

      const good = await post({ 'x-github-event': 'push', 'x-hub-signature-256': signed(GITHUB_PUSH, GITHUB_SECRET) }, GITHUB_PUSH);
      expect(good.status).toBe(200);
      expect(await refreshedApps()).toEqual(['guestbook-ssh=normal', 'guestbook=normal', 'multi=normal', 'payments=normal']);
    });

    it('checks GitLab’s token and refreshes the app following the pushed branch', async () => {
      const wrong = await post({ 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': 'guess' }, GITLAB_PUSH);
      expect([wrong.status, await wrong.text()]).toEqual([
        400,
        expect.stringContaining('X-Gitlab-Token does not match webhook.gitlab.secret'),
      ]);
      expect(await refreshedApps()).toEqual([]);
      const good = await post({ 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': GITLAB_SECRET }, GITLAB_PUSH);
      expect([good.status, await good.text()]).toEqual([
        200,
        'Webhook processed: refresh requested for 1 application(s) and 0 applicationset(s)\n',
      ]);
      expect(await refreshedApps()).toEqual(['platform=normal']);
    });

    it('leaves a pending hard refresh alone', async () => {
      await api.kube(
        'PATCH',
        api.nsPath('applications/guestbook'),
        { metadata: { annotations: { [REFRESH]: 'hard' } } },
        'application/merge-patch+json',
      );
      const res = await post({ 'x-github-event': 'push', 'x-hub-signature-256': signed(GITHUB_PUSH, GITHUB_SECRET) }, GITHUB_PUSH);
      expect(res.status).toBe(200);
      expect(await refreshedApps()).toEqual(['guestbook-ssh=normal', 'guestbook=hard', 'multi=normal', 'payments=normal']);
    });

    it('never writes a secret to the log', () => {
      expect(api.logs()).toContain('webhook delivery refused');
      expect(api.logs()).not.toContain(GITHUB_SECRET);
      expect(api.logs()).not.toContain(GITLAB_SECRET);
    });
  });
});

/**
 * A POST over a plain socket, with a declared length or chunked (so only counting the bytes can
 * catch it): the server may answer and close before the whole body is sent.
 */
function rawPost(port: number, headers: Record<string, string>, body: Buffer, chunked = false): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const length = chunked ? {} : { 'content-length': body.length };
    const req = request({ host: '127.0.0.1', port, path: '/api/webhook', method: 'POST', headers: { ...headers, ...length } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // Writing the rest of a refused body may fail once the server has closed: the answer is what counts.
    req.on('error', (err) => (req.writableEnded ? undefined : reject(err)));
    if (chunked) for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
    req.end(chunked ? undefined : body);
  });
}
