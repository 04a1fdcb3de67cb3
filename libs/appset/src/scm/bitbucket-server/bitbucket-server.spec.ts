import { selfSignedCertificate } from '@flotilla/testing';
import type { FakeHost } from '../scm-http.fake';
import { ScmRateLimitError, ScmRepositoryNotFoundError, type SecretKeyReader } from '../scm.types';
import { bitbucketServerApiBase } from './bitbucket-server.client';
import { startBitbucketServerFake, type BitbucketServerFakeData } from './bitbucket-server.fake';
import { bitbucketServerPullRequests } from './bitbucket-server.pull-requests';
import { bitbucketServerScmProvider } from './bitbucket-server.scm-provider';

const PASSWORD = 'bb-pass-987';
const TOKEN = 'bb-http-token-654';
const sha = (c: string) => c.repeat(40);
const basicHeader = `Basic ${Buffer.from(`ci:${PASSWORD}`).toString('base64')}`;
const data: BitbucketServerFakeData = {
  authorization: [basicHeader, `Bearer ${TOKEN}`],
  projects: {
    OPS: [
      {
        id: 1,
        name: 'deploy',
        slug: 'deploy',
        defaultBranch: 'main',
        branches: { main: sha('a'), 'feature/y': sha('b'), release: sha('c') },
        files: ['apps/web/kustomization.yaml'],
        pulls: [
          { id: 10, title: 'ten', from: 'feature/y', fromSha: sha('b'), to: 'main', author: 'ann' },
          { id: 11, title: 'merged', from: 'old', fromSha: sha('d'), to: 'main', author: 'bob', state: 'MERGED' },
          { id: 12, title: 'twelve', from: 'release', fromSha: sha('c'), to: 'main', author: 'cy' },
          { id: 13, title: 'thirteen', from: 'hotfix', fromSha: sha('e'), to: 'release', author: 'dee' },
        ],
      },
      { id: 2, name: 'Empty One', slug: 'empty-one', branches: {} },
      {
        id: 3,
        name: 'My Service',
        slug: 'my-service',
        defaultBranch: 'develop',
        branches: { develop: sha('f') },
        files: ['chart/Chart.yaml'],
      },
    ],
  },
};

describe('Bitbucket Server host', () => {
  let bb: FakeHost;
  const read: SecretKeyReader = ({ secretName, key }) => {
    if (secretName === 'bb' && key === 'password') return Promise.resolve(PASSWORD);
    if (secretName === 'bb' && key === 'token') return Promise.resolve(TOKEN);
    return Promise.reject(new Error(`secret ${secretName} has no key ${key}`));
  };
  const basicAuth = { username: 'ci', passwordRef: { secretName: 'bb', key: 'password' } };
  const bearerToken = { tokenRef: { secretName: 'bb', key: 'token' } };
  beforeAll(async () => {
    bb = await startBitbucketServerFake(data);
  });
  afterAll(() => bb.close());

  it('adds /rest to the api URL unless it is there, as Argo does', () => {
    expect(bitbucketServerApiBase('https://bb.example.com')).toBe('https://bb.example.com/rest');
    expect(bitbucketServerApiBase('https://bb.example.com/rest/')).toBe('https://bb.example.com/rest');
    expect(bitbucketServerApiBase('https://bb.example.com/bitbucket/')).toBe('https://bb.example.com/bitbucket/rest');
  });

  describe('pull requests', () => {
    it('lists every open pull request across start/limit pages with basic auth', async () => {
      const pulls = await bitbucketServerPullRequests({ project: 'OPS', repo: 'deploy', api: bb.url, basicAuth }, read).list();
      expect(pulls.map((p) => p.number)).toEqual([10, 12, 13]);
      expect(pulls[0]).toEqual({
        number: 10,
        title: 'ten',
        branch: 'feature/y',
        targetBranch: 'main',
        headSha: sha('b'),
        labels: [],
        author: 'ann',
      });
      const starts = bb.requests.filter((r) => r.path.endsWith('/pull-requests')).map((r) => r.query.get('start'));
      expect(starts).toEqual(['0', '2']);
    });

    it('prefers a bearer token over basic auth, as Argo, against an api URL that already ends in /rest', async () => {
      const wrongBasic = { username: 'ci', passwordRef: { secretName: 'bb', key: 'token' } };
      const pulls = await bitbucketServerPullRequests(
        { project: 'OPS', repo: 'deploy', api: `${bb.url}/rest`, bearerToken, basicAuth: wrongBasic },
        read,
      ).list();
      expect(pulls).toHaveLength(3);
      expect(bb.requests.at(-1)?.headers['x-atlassian-token']).toBe('no-check');
    });

    it('reports an unknown repository as ScmRepositoryNotFoundError, and a refused login without the password', async () => {
      await expect(
        bitbucketServerPullRequests({ project: 'OPS', repo: 'nope', api: bb.url, basicAuth }, read).list(),
      ).rejects.toBeInstanceOf(ScmRepositoryNotFoundError);
      const err = (await bitbucketServerPullRequests({ project: 'OPS', repo: 'deploy', api: bb.url }, read)
        .list()
        .catch((e: unknown) => e)) as Error;
      expect(err.message).toMatch(
        /^Bitbucket Server API GET .*\/rest\/api\/1\.0\/projects\/OPS\/repos\/deploy\/pull-requests.* answered 401/,
      );
      expect(err.message).not.toContain(PASSWORD);
    });

    it('turns a 429 into ScmRateLimitError', async () => {
      bb.rateLimitNext({ 'retry-after': '2' });
      const err = (await bitbucketServerPullRequests({ project: 'OPS', repo: 'deploy', api: bb.url, basicAuth }, read)
        .list()
        .catch((e: unknown) => e)) as ScmRateLimitError;
      expect(err).toBeInstanceOf(ScmRateLimitError);
      expect(err.retryAfterMs).toBe(2000);
    });

    it('rejects a basicAuth without a passwordRef, and a caRef it cannot read', () => {
      expect(() =>
        bitbucketServerPullRequests({ project: 'OPS', repo: 'deploy', api: bb.url, basicAuth: { username: 'ci' } as never }, read),
      ).toThrow('pullRequest.bitbucketServer.basicAuth.passwordRef must name a secretName and a key');
      expect(() =>
        bitbucketServerPullRequests({ project: 'OPS', repo: 'deploy', api: bb.url, caRef: { configMapName: 'ca', key: 'pem' } }, read),
      ).toThrow("pullRequest.bitbucketServer.caRef needs access to ConfigMaps in the ApplicationSet's namespace");
    });
  });

  describe('scm provider', () => {
    const provider = () => bitbucketServerScmProvider({ project: 'OPS', api: bb.url, basicAuth }, read);

    it('lists the project with default branches and SHAs, skipping empty repositories', async () => {
      const repos = await provider().listRepos(undefined);
      expect(repos).toEqual([
        {
          organization: 'OPS',
          repository: 'deploy',
          url: 'ssh://git@bitbucket.test:7999/ops/deploy.git',
          branch: 'main',
          sha: sha('a'),
          labels: [],
          repositoryId: 1,
        },
        {
          organization: 'OPS',
          repository: 'My Service',
          url: 'ssh://git@bitbucket.test:7999/ops/my-service.git',
          branch: 'develop',
          sha: sha('f'),
          labels: [],
          repositoryId: 3,
        },
      ]);
      const https = await provider().listRepos('https');
      expect(https[0].url).toBe(`${bb.url}/scm/ops/deploy.git`);
      await expect(provider().listRepos('ftp')).rejects.toThrow('unknown clone protocol for Bitbucket Server: ftp');
    });

    it('gives the default branch, or every branch across pages, addressing a repository by its slug', async () => {
      const p = provider();
      const [deploy, service] = await p.listRepos(undefined);
      await expect(p.getBranches(service, false)).resolves.toEqual([service]);
      const all = await p.getBranches(deploy, true);
      expect(all.map((r) => [r.branch, r.sha])).toEqual([
        ['main', sha('a')],
        ['feature/y', sha('b')],
        ['release', sha('c')],
      ]);
      await expect(p.repoHasPath(service, 'chart/Chart.yaml')).resolves.toBe(true);
      await expect(p.repoHasPath(deploy, 'apps/web')).resolves.toBe(true);
      await expect(p.repoHasPath(deploy, 'apps/api')).resolves.toBe(false);
    });

    it('fails on an unknown project naming the host', async () => {
      await expect(bitbucketServerScmProvider({ project: 'NOPE', api: bb.url, bearerToken }, read).listRepos(undefined)).rejects.toThrow(
        /Bitbucket Server API GET .*\/projects\/NOPE\/repos.* answered 404/,
      );
    });
  });

  it('trusts the CA a caRef ConfigMap holds, or none when insecure', async () => {
    const { key, cert } = selfSignedCertificate();
    const tlsBb = await startBitbucketServerFake({ ...data, tls: { key, cert } });
    try {
      const caRef = { configMapName: 'bb-ca', key: 'ca.pem' };
      const readConfigMap = (ref: { configMapName: string; key: string }) =>
        ref.configMapName === 'bb-ca' ? Promise.resolve(cert) : Promise.reject(new Error('no such ConfigMap'));
      const spec = { project: 'OPS', repo: 'deploy', api: tlsBb.url, basicAuth };
      await expect(bitbucketServerPullRequests(spec, read).list()).rejects.toThrow(/self.signed/);
      await expect(bitbucketServerPullRequests({ ...spec, caRef }, read, readConfigMap).list()).resolves.toHaveLength(3);
      await expect(bitbucketServerPullRequests({ ...spec, insecure: true }, read).list()).resolves.toHaveLength(3);
    } finally {
      await tlsBb.close();
    }
  });
});
