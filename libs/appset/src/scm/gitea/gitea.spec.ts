import { GeneratorError } from '../../generators/generator.types';
import type { FakeHost } from '../scm-http.fake';
import { ScmRateLimitError, ScmRepositoryNotFoundError, type SecretKeyReader } from '../scm.types';
import { startGiteaFake, type GiteaFakeData } from './gitea.fake';
import { giteaPullRequests } from './gitea.pull-requests';
import { giteaScmProvider } from './gitea.scm-provider';

const TOKEN = 'gitea-pat-123';
const sha = (c: string) => c.repeat(40);
const data: GiteaFakeData = {
  token: TOKEN,
  orgs: {
    acme: [
      {
        id: 11,
        name: 'web',
        defaultBranch: 'main',
        labels: ['frontend', 'team-a'],
        branches: { main: sha('a'), 'feature/x': sha('b'), dev: sha('c') },
        files: ['deploy/app.yaml', 'README.md'],
        pulls: [
          { number: 1, title: 'one', head: 'feature/x', headSha: sha('b'), base: 'main', author: 'ann', labels: ['preview'] },
          { number: 2, title: 'two', head: 'dev', headSha: sha('c'), base: 'main', author: 'bob' },
          { number: 3, title: 'closed', head: 'old', headSha: sha('d'), base: 'main', author: 'cy', state: 'closed' },
          { number: 4, title: 'four', head: 'f4', headSha: sha('e'), base: 'dev', author: 'dee', labels: ['preview', 'big'] },
          { number: 5, title: 'five', head: 'f5', headSha: sha('f'), base: 'main', author: 'ed' },
        ],
      },
      { id: 12, name: 'api', defaultBranch: 'trunk', branches: { trunk: sha('1') } },
      { id: 13, name: 'old', defaultBranch: 'main', archived: true, branches: { main: sha('2') } },
      { id: 14, name: 'gone', defaultBranch: 'main', branches: {} },
    ],
  },
};

describe('Gitea host', () => {
  let gitea: FakeHost;
  const reads: string[] = [];
  const read: SecretKeyReader = ({ secretName, key }) => {
    reads.push(`${secretName}/${key}`);
    return secretName === 'gitea' && key === 'token' ? Promise.resolve(TOKEN) : Promise.reject(new Error(`secret ${secretName} not found`));
  };
  const tokenRef = { secretName: 'gitea', key: 'token' };
  beforeAll(async () => {
    gitea = await startGiteaFake(data);
  });
  afterAll(() => gitea.close());

  describe('pull requests', () => {
    it('lists every open pull request across pages, reading the token only when asked', async () => {
      reads.length = 0;
      const service = giteaPullRequests({ owner: 'acme', repo: 'web', api: `${gitea.url}/`, tokenRef }, read);
      expect(reads).toEqual([]);
      const pulls = await service.list();
      expect(reads).toEqual(['gitea/token']);
      expect(pulls.map((p) => p.number)).toEqual([1, 2, 4, 5]);
      expect(pulls[0]).toEqual({
        number: 1,
        title: 'one',
        branch: 'feature/x',
        targetBranch: 'main',
        headSha: sha('b'),
        labels: ['preview'],
        author: 'ann',
      });
      expect(gitea.requests.filter((r) => r.path === '/api/v1/repos/acme/web/pulls').length).toBeGreaterThan(1);
    });

    it('keeps only pull requests that carry every label asked for', async () => {
      const pulls = await giteaPullRequests(
        { owner: 'acme', repo: 'web', api: gitea.url, tokenRef, labels: ['preview', 'big'] },
        read,
      ).list();
      expect(pulls.map((p) => p.number)).toEqual([4]);
    });

    it('reports an unknown repository as ScmRepositoryNotFoundError', async () => {
      await expect(giteaPullRequests({ owner: 'acme', repo: 'nope', api: gitea.url, tokenRef }, read).list()).rejects.toBeInstanceOf(
        ScmRepositoryNotFoundError,
      );
    });

    it('fails with the host and status, not the token, when the token is missing or wrong', async () => {
      await expect(giteaPullRequests({ owner: 'acme', repo: 'web', api: gitea.url }, read).list()).rejects.toThrow(
        `Gitea API GET ${gitea.url}/api/v1/repos/acme/web/pulls`,
      );
      const wrong: SecretKeyReader = () => Promise.resolve('not-the-token');
      const err = (await giteaPullRequests({ owner: 'acme', repo: 'web', api: gitea.url, tokenRef }, wrong)
        .list()
        .catch((e: unknown) => e)) as Error;
      expect(err.message).toContain('answered 401');
      expect(err.message).not.toContain('not-the-token');
    });

    it('passes a failed secret read on unchanged', async () => {
      const missing = { secretName: 'other', key: 'token' };
      await expect(giteaPullRequests({ owner: 'acme', repo: 'web', api: gitea.url, tokenRef: missing }, read).list()).rejects.toThrow(
        'secret other not found',
      );
    });

    it('turns a rate-limit answer into ScmRateLimitError with its Retry-After', async () => {
      gitea.rateLimitNext({ 'retry-after': '4' });
      const err = (await giteaPullRequests({ owner: 'acme', repo: 'web', api: gitea.url, tokenRef }, read)
        .list()
        .catch((e: unknown) => e)) as ScmRateLimitError;
      expect(err).toBeInstanceOf(ScmRateLimitError);
      expect(err.retryAfterMs).toBe(4000);
    });

    it('rejects a spec without owner, repo or api, or with a malformed tokenRef or labels', () => {
      expect(() => giteaPullRequests({ owner: 'acme', repo: 'web', api: gitea.url, labels: 'preview' as never }, read)).toThrow(
        new GeneratorError('pullRequest.gitea.labels must be a list of strings'),
      );
      expect(() => giteaPullRequests({ owner: '', repo: 'web', api: gitea.url }, read)).toThrow(
        new GeneratorError('pullRequest.gitea.owner is required'),
      );
      expect(() => giteaPullRequests({ owner: 'acme', repo: 'web' } as never, read)).toThrow('pullRequest.gitea.api is required');
      expect(() => giteaPullRequests({ owner: 'acme', repo: 'web', api: gitea.url, tokenRef: { secretName: 'x' } as never }, read)).toThrow(
        'pullRequest.gitea.tokenRef must name a secretName and a key',
      );
    });
  });

  describe('scm provider', () => {
    const provider = (extra = {}) => giteaScmProvider({ owner: 'acme', api: gitea.url, tokenRef, ...extra }, read);

    it('lists the organisation across pages with labels, ssh clone URLs by default and https on request', async () => {
      const repos = await provider().listRepos(undefined);
      expect(repos.map((r) => r.repository)).toEqual(['web', 'api', 'old', 'gone']);
      expect(repos[0]).toEqual({
        organization: 'acme',
        repository: 'web',
        url: 'git@gitea.test:acme/web.git',
        branch: 'main',
        sha: '',
        labels: ['frontend', 'team-a'],
        repositoryId: 11,
      });
      const https = await provider().listRepos('https');
      expect(https[1].url).toBe(`${gitea.url}/acme/api`);
      await expect(provider().listRepos('git')).rejects.toThrow('unknown clone protocol for Gitea: git');
    });

    it('leaves archived repositories out when excludeArchivedRepos is set', async () => {
      const repos = await provider({ excludeArchivedRepos: true }).listRepos('ssh');
      expect(repos.map((r) => r.repository)).toEqual(['web', 'api', 'gone']);
    });

    it('gives the default branch with its SHA, or every branch across pages', async () => {
      const [web, api] = await provider().listRepos(undefined);
      await expect(provider().getBranches(api, false)).resolves.toEqual([{ ...api, sha: sha('1') }]);
      const all = await provider().getBranches(web, true);
      expect(all.map((r) => [r.branch, r.sha])).toEqual([
        ['main', sha('a')],
        ['feature/x', sha('b')],
        ['dev', sha('c')],
      ]);
    });

    it('names the repository when its default branch is missing', async () => {
      const gone = (await provider().listRepos(undefined))[3];
      await expect(provider().getBranches(gone, false)).rejects.toThrow('default branch "main" of Gitea repository acme/gone not found');
    });

    it('finds files and directories on a branch, and says no to what is not there', async () => {
      const [web] = await provider().listRepos(undefined);
      await expect(provider().repoHasPath(web, 'deploy/app.yaml')).resolves.toBe(true);
      await expect(provider().repoHasPath(web, 'deploy')).resolves.toBe(true);
      await expect(provider().repoHasPath(web, 'missing.yaml')).resolves.toBe(false);
    });

    it('fails on an unknown organisation naming the host', async () => {
      await expect(giteaScmProvider({ owner: 'nobody', api: gitea.url, tokenRef }, read).listRepos(undefined)).rejects.toThrow(
        /Gitea API GET .*\/orgs\/nobody\/repos.* answered 404/,
      );
    });
  });
});
