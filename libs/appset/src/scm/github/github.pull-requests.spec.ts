// The GitHub pull request client against a fake GitHub Enterprise API served over HTTP.
import { generateKeyPairSync } from 'node:crypto';
import { GeneratorError } from '../../generators/generator.types';
import { ScmRateLimitError, ScmRepositoryNotFoundError, type SecretKeyReader } from '../scm.types';
import { type FakeGitHub, type FakeGitHubPull, startFakeGitHub } from './github.fake';
import { gitHubApiBase } from './github.client';
import { gitHubPullRequests } from './github.pull-requests';

const TOKEN = 'ghp_secret-token-value';
const secrets: Record<string, Record<string, string>> = { 'github-token': { token: TOKEN }, wrong: { token: 'ghp_wrong' } };
const read: SecretKeyReader = ({ secretName, key }) => {
  const value = secrets[secretName]?.[key];
  return value === undefined
    ? Promise.reject(new GeneratorError(`key "${key}" in secret "${secretName}" not found`))
    : Promise.resolve(value);
};

const pull = (number: number, labels: string[], state: 'open' | 'closed' = 'open'): FakeGitHubPull => ({
  number,
  title: `change ${number}`,
  branch: `feature/${number}`,
  targetBranch: 'main',
  headSha: `${number}`.padStart(40, 'a'),
  labels,
  author: `dev${number}`,
  state,
});

describe('GitHub pull requests', () => {
  let github: FakeGitHub;

  beforeAll(async () => {
    github = await startFakeGitHub(
      [
        {
          owner: 'myorg',
          name: 'myapp',
          id: 1,
          defaultBranch: 'main',
          branches: { main: 'f'.repeat(40) },
          pulls: [pull(1, ['preview']), pull(2, []), pull(3, ['preview', 'big']), pull(4, ['preview'], 'closed'), pull(5, ['preview'])],
        },
      ],
      { token: TOKEN, pageSize: 2 },
    );
  });
  afterAll(() => github.stop());
  beforeEach(() => github.requests.splice(0));

  it('lists every open pull request across pages, with Argo fields', async () => {
    const pulls = await gitHubPullRequests(
      { owner: 'myorg', repo: 'myapp', api: github.url, tokenRef: { secretName: 'github-token', key: 'token' } },
      read,
    ).list();
    expect(pulls.map((p) => p.number)).toEqual([1, 2, 3, 5]);
    expect(pulls[0]).toEqual({
      number: 1,
      title: 'change 1',
      branch: 'feature/1',
      targetBranch: 'main',
      headSha: '1'.padStart(40, 'a'),
      labels: ['preview'],
      author: 'dev1',
    });
    // Two pages of two, under GitHub Enterprise's /api/v3 prefix.
    expect(github.requests).toEqual([
      'GET /api/v3/repos/myorg/myapp/pulls?state=open&per_page=100',
      'GET /api/v3/repos/myorg/myapp/pulls?state=open&per_page=100&page=2',
    ]);
  });

  it('keeps only pull requests that carry every label asked for', async () => {
    const spec = { owner: 'myorg', repo: 'myapp', api: github.url, tokenRef: { secretName: 'github-token', key: 'token' } };
    expect((await gitHubPullRequests({ ...spec, labels: ['preview'] }, read).list()).map((p) => p.number)).toEqual([1, 3, 5]);
    expect((await gitHubPullRequests({ ...spec, labels: ['preview', 'big'] }, read).list()).map((p) => p.number)).toEqual([3]);
  });

  it('without a token or with a wrong one is a 401 error that does not show the token', async () => {
    await expect(gitHubPullRequests({ owner: 'myorg', repo: 'myapp', api: github.url }, read).list()).rejects.toThrow(
      /refused the credentials.*401 Bad credentials/,
    );
    const err = await gitHubPullRequests(
      { owner: 'myorg', repo: 'myapp', api: github.url, tokenRef: { secretName: 'wrong', key: 'token' } },
      read,
    )
      .list()
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(GeneratorError);
    expect((err as Error).message).not.toContain('ghp_wrong');
  });

  it('an unknown repository is a not-found error naming it', async () => {
    const err = await gitHubPullRequests(
      { owner: 'myorg', repo: 'nope', api: github.url, tokenRef: { secretName: 'github-token', key: 'token' } },
      read,
    )
      .list()
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(ScmRepositoryNotFoundError);
    expect((err as Error).message).toContain('repository myorg/nope not found');
  });

  it('a rate-limit answer is a ScmRateLimitError with the wait GitHub asks for', async () => {
    const spec = { owner: 'myorg', repo: 'myapp', api: github.url, tokenRef: { secretName: 'github-token', key: 'token' } };
    github.rateLimitOnce('reset', 30);
    const reset = (await gitHubPullRequests(spec, read)
      .list()
      .catch((e: Error) => e)) as ScmRateLimitError;
    expect(reset).toBeInstanceOf(ScmRateLimitError);
    expect(reset.retryAfterMs).toBeGreaterThan(25_000);
    expect(reset.retryAfterMs).toBeLessThanOrEqual(31_000);
    github.rateLimitOnce('retry-after', 7);
    const retry = (await gitHubPullRequests(spec, read)
      .list()
      .catch((e: Error) => e)) as ScmRateLimitError;
    expect(retry.retryAfterMs).toBe(7000);
    expect(await gitHubPullRequests(spec, read).list()).toHaveLength(4);
  });

  it('a missing token Secret key is an error naming it', async () => {
    await expect(
      gitHubPullRequests(
        { owner: 'myorg', repo: 'myapp', api: github.url, tokenRef: { secretName: 'github-token', key: 'nokey' } },
        read,
      ).list(),
    ).rejects.toThrow('key "nokey" in secret "github-token" not found');
  });

  it('an unreachable host is an error naming it', async () => {
    const err = await gitHubPullRequests({ owner: 'myorg', repo: 'myapp', api: 'http://127.0.0.1:1' }, read)
      .list()
      .catch((e: Error) => e);
    expect((err as Error).message).toMatch(
      /^GitHub API http:\/\/127\.0\.0\.1:1\/api\/v3 unreachable while listing pull requests of myorg\/myapp/,
    );
  });

  it('authenticates as a GitHub App installation', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const app = await startFakeGitHub(
      [{ owner: 'myorg', name: 'myapp', id: 1, defaultBranch: 'main', branches: {}, pulls: [pull(9, [])] }],
      {
        app: { appId: '4242', installationId: 77, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      },
    );
    try {
      secrets['gh-app'] = {
        githubAppID: '4242',
        githubAppInstallationID: '77',
        githubAppPrivateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      };
      const pulls = await gitHubPullRequests({ owner: 'myorg', repo: 'myapp', api: app.url, appSecretName: 'gh-app' }, read).list();
      expect(pulls.map((p) => p.number)).toEqual([9]);
      expect(app.requests[0]).toBe('POST /api/v3/app/installations/77/access_tokens');
      // Without the App the repository is closed to anonymous callers.
      await expect(gitHubPullRequests({ owner: 'myorg', repo: 'myapp', api: app.url }, read).list()).rejects.toThrow(/401/);
    } finally {
      await app.stop();
    }
  });

  it('points at api.github.com by default and adds /api/v3 to an Enterprise host as go-github does', () => {
    expect(gitHubApiBase(undefined)).toBe('https://api.github.com');
    expect(gitHubApiBase('https://ghe.example.com')).toBe('https://ghe.example.com/api/v3');
    expect(gitHubApiBase('https://ghe.example.com/api/v3/')).toBe('https://ghe.example.com/api/v3');
    expect(gitHubApiBase('https://api.ghe.example.com')).toBe('https://api.ghe.example.com');
  });
});
