import type { FakeHost } from '../scm-http.fake';
import { ScmRateLimitError, ScmRepositoryNotFoundError, type SecretKeyReader } from '../scm.types';
import { bitbucketCloudClient } from './bitbucket-cloud.client';
import { startBitbucketCloudFake, type BitbucketCloudFakeData } from './bitbucket-cloud.fake';
import { bitbucketCloudPullRequests } from './bitbucket-cloud.pull-requests';
import { bitbucketCloudScmProvider } from './bitbucket-cloud.scm-provider';

const APP_PASSWORD = 'app-pw-321';
const TOKEN = 'bbc-access-token-777';
const hash = (c: string) => c.repeat(40);
const data: BitbucketCloudFakeData = {
  authorization: [`Basic ${Buffer.from(`ci-bot:${APP_PASSWORD}`).toString('base64')}`, `Bearer ${TOKEN}`],
  workspaces: {
    team: [
      {
        uuid: '{1111-aaaa}',
        slug: 'infra',
        mainbranch: 'main',
        branches: { main: hash('a'), 'feat-1': hash('b'), 'feat-2': hash('c') },
        files: ['envs/prod/values.yaml'],
        pulls: [
          { id: 1, title: 'one', source: 'feat-1', sourceHash: hash('b'), destination: 'main', author: 'ann' },
          { id: 2, title: 'two', source: 'feat-2', sourceHash: hash('c'), destination: 'main', author: 'bob' },
          { id: 3, title: 'merged', source: 'x', sourceHash: hash('d'), destination: 'main', author: 'cy', state: 'MERGED' },
          { id: 4, title: 'four', source: 'feat-4', sourceHash: hash('e'), destination: 'feat-1', author: 'dee' },
        ],
      },
      { uuid: '{2222-bbbb}', slug: 'site', mainbranch: 'release/v2', branches: { 'release/v2': hash('f') } },
      { uuid: '{3333-cccc}', slug: 'blank', branches: {} },
    ],
  },
};

describe('Bitbucket Cloud host', () => {
  let bbc: FakeHost;
  let api: string;
  const read: SecretKeyReader = ({ secretName, key }) => {
    if (secretName === 'bbc' && key === 'appPassword') return Promise.resolve(APP_PASSWORD);
    if (secretName === 'bbc' && key === 'token') return Promise.resolve(TOKEN);
    return Promise.reject(new Error(`secret ${secretName} has no key ${key}`));
  };
  const basicAuth = { username: 'ci-bot', passwordRef: { secretName: 'bbc', key: 'appPassword' } };
  const bearerToken = { tokenRef: { secretName: 'bbc', key: 'token' } };
  beforeAll(async () => {
    bbc = await startBitbucketCloudFake(data);
    api = `${bbc.url}/2.0`;
  });
  afterAll(() => bbc.close());

  describe('pull requests', () => {
    it('lists every open pull request across `next` pages with basic auth', async () => {
      const pulls = await bitbucketCloudPullRequests({ owner: 'team', repo: 'infra', api, basicAuth }, read).list();
      expect(pulls.map((p) => p.number)).toEqual([1, 2, 4]);
      expect(pulls[2]).toEqual({
        number: 4,
        title: 'four',
        branch: 'feat-4',
        targetBranch: 'feat-1',
        headSha: hash('e'),
        labels: [],
        author: 'dee',
      });
      expect(bbc.requests.filter((r) => r.path.endsWith('/pullrequests')).map((r) => r.query.get('page'))).toEqual([null, '2']);
    });

    it('prefers a bearer token over basic auth, as Argo', async () => {
      const wrongBasic = { username: 'ci-bot', passwordRef: { secretName: 'bbc', key: 'token' } };
      await expect(
        bitbucketCloudPullRequests({ owner: 'team', repo: 'infra', api, basicAuth: wrongBasic, bearerToken }, read).list(),
      ).resolves.toHaveLength(3);
    });

    it('reports an unknown repository as ScmRepositoryNotFoundError, and a refused login without the secret', async () => {
      await expect(bitbucketCloudPullRequests({ owner: 'team', repo: 'nope', api, bearerToken }, read).list()).rejects.toBeInstanceOf(
        ScmRepositoryNotFoundError,
      );
      const wrong: SecretKeyReader = () => Promise.resolve('wrong-secret');
      const err = (await bitbucketCloudPullRequests({ owner: 'team', repo: 'infra', api, bearerToken }, wrong)
        .list()
        .catch((e: unknown) => e)) as Error;
      expect(err.message).toMatch(/^Bitbucket Cloud API GET .*\/2\.0\/repositories\/team\/infra\/pullrequests.* answered 401/);
      expect(err.message).not.toContain('wrong-secret');
    });

    it('turns a 429 into ScmRateLimitError, and passes a failed secret read on unchanged', async () => {
      bbc.rateLimitNext({ 'retry-after': '9' });
      const err = (await bitbucketCloudPullRequests({ owner: 'team', repo: 'infra', api, bearerToken }, read)
        .list()
        .catch((e: unknown) => e)) as ScmRateLimitError;
      expect(err).toBeInstanceOf(ScmRateLimitError);
      expect(err.retryAfterMs).toBe(9000);
      const missing = { tokenRef: { secretName: 'other', key: 'token' } };
      await expect(bitbucketCloudPullRequests({ owner: 'team', repo: 'infra', api, bearerToken: missing }, read).list()).rejects.toThrow(
        'secret other has no key token',
      );
    });

    it('talks to api.bitbucket.org when no api is given, and needs owner and repo', () => {
      expect(bitbucketCloudClient(undefined, () => Promise.resolve({ kind: 'none' })).url('/repositories/team').href).toBe(
        'https://api.bitbucket.org/2.0/repositories/team',
      );
      expect(() => bitbucketCloudPullRequests({ owner: 'team', repo: '' }, read)).toThrow('pullRequest.bitbucket.repo is required');
    });
  });

  describe('scm provider', () => {
    const spec = { owner: 'team', user: 'ci-bot', appPasswordRef: { secretName: 'bbc', key: 'appPassword' } };
    const provider = () => bitbucketCloudScmProvider(spec, read, api);

    it('lists the workspace across pages with ssh clone URLs by default and https on request', async () => {
      const repos = await provider().listRepos(undefined);
      expect(repos.map((r) => [r.repository, r.branch, r.repositoryId])).toEqual([
        ['infra', 'main', '{1111-aaaa}'],
        ['site', 'release/v2', '{2222-bbbb}'],
        ['blank', '', '{3333-cccc}'],
      ]);
      expect(repos[0].url).toBe('git@bitbucket.org:team/infra.git');
      expect((await provider().listRepos('https'))[1].url).toBe('https://bitbucket.org/team/site.git');
      await expect(provider().listRepos('git')).rejects.toThrow('unknown clone protocol for Bitbucket Cloud: git');
      expect(
        bbc.requests
          .filter((r) => r.path === '/2.0/repositories/team')
          .at(-1)
          ?.query.get('role'),
      ).toBe('member');
    });

    it('gives the main branch with its hash (nothing for an empty repository), or every branch across pages', async () => {
      const [infra, site, blank] = await provider().listRepos(undefined);
      await expect(provider().getBranches(site, false)).resolves.toEqual([{ ...site, sha: hash('f') }]);
      expect(bbc.requests.at(-1)?.rawPath).toBe('/2.0/repositories/team/site/refs/branches/release/v2');
      await expect(provider().getBranches(blank, false)).resolves.toEqual([]);
      const all = await provider().getBranches(infra, true);
      expect(all.map((r) => [r.branch, r.sha])).toEqual([
        ['main', hash('a')],
        ['feat-1', hash('b')],
        ['feat-2', hash('c')],
      ]);
    });

    it('checks a path at the branch commit', async () => {
      const [infra] = await provider().getBranches((await provider().listRepos(undefined))[0], false);
      await expect(provider().repoHasPath(infra, 'envs/prod/values.yaml')).resolves.toBe(true);
      await expect(provider().repoHasPath(infra, 'envs')).resolves.toBe(true);
      await expect(provider().repoHasPath(infra, 'envs/dev')).resolves.toBe(false);
      expect(bbc.requests.at(-1)?.path).toBe(`/2.0/repositories/team/infra/src/${hash('a')}/envs/dev`);
    });

    it('needs the app password, and fails on an unknown workspace naming the host', async () => {
      expect(() => bitbucketCloudScmProvider({ ...spec, appPasswordRef: undefined as never }, read, api)).toThrow(
        'scmProvider.bitbucket.appPasswordRef must name a secretName and a key',
      );
      await expect(bitbucketCloudScmProvider({ ...spec, owner: 'nobody' }, read, api).listRepos(undefined)).rejects.toThrow(
        /Bitbucket Cloud API GET .* answered 404/,
      );
    });
  });
});
