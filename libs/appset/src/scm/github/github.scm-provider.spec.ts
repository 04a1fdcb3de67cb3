// The GitHub organisation client against a fake GitHub Enterprise API served over HTTP.
import { GeneratorError } from '../../generators/generator.types';
import type { SecretKeyReader } from '../scm.types';
import { type FakeGitHub, startFakeGitHub } from './github.fake';
import { gitHubScmProvider } from './github.scm-provider';

const TOKEN = 'ghp_org-token';
const read: SecretKeyReader = ({ key }) => (key === 'token' ? Promise.resolve(TOKEN) : Promise.reject(new GeneratorError(`no key ${key}`)));
const sha = (c: string): string => c.repeat(40);

describe('GitHub organisation repositories', () => {
  let github: FakeGitHub;
  const spec = (more: object = {}) => ({
    organization: 'myorg',
    api: github.url,
    tokenRef: { secretName: 'github-token', key: 'token' },
    ...more,
  });

  beforeAll(async () => {
    github = await startFakeGitHub(
      [
        {
          owner: 'myorg',
          name: 'api',
          id: 11,
          topics: ['team-a', 'go'],
          defaultBranch: 'main',
          branches: { main: sha('1'), dev: sha('2'), 'release/1': sha('3') },
          paths: { main: ['deploy/kustomization.yaml'] },
        },
        { owner: 'myorg', name: 'web', id: 12, defaultBranch: 'trunk', branches: { trunk: sha('4') } },
        { owner: 'myorg', name: 'empty', id: 13, defaultBranch: 'main', branches: {} },
        { owner: 'other', name: 'x', id: 14, defaultBranch: 'main', branches: { main: sha('5') } },
      ],
      { token: TOKEN, pageSize: 2 },
    );
  });
  afterAll(() => github.stop());

  it('lists the organisation repositories across pages, ssh by default, https on request, topics as labels', async () => {
    const repos = await gitHubScmProvider(spec(), read).listRepos(undefined);
    expect(repos.map((r) => r.repository)).toEqual(['api', 'web', 'empty']);
    expect(repos[0]).toEqual({
      organization: 'myorg',
      repository: 'api',
      url: 'git@github.example:myorg/api.git',
      branch: 'main',
      sha: '',
      labels: ['team-a', 'go'],
      repositoryId: 11,
    });
    expect((await gitHubScmProvider(spec(), read).listRepos('https'))[1].url).toBe('https://github.example/myorg/web.git');
    await expect(gitHubScmProvider(spec(), read).listRepos('git')).rejects.toThrow('unknown clone protocol for GitHub git');
  });

  it('gives the default branch with its SHA, every branch with allBranches, nothing for an empty repository', async () => {
    const provider = gitHubScmProvider(spec(), read);
    const [api, , empty] = await provider.listRepos(undefined);
    expect(await provider.getBranches(api, false)).toEqual([{ ...api, branch: 'main', sha: sha('1') }]);
    expect((await provider.getBranches(api, true)).map((r) => `${r.branch}@${r.sha[0]}`)).toEqual(['main@1', 'dev@2', 'release/1@3']);
    expect(await provider.getBranches(empty, false)).toEqual([]);
  });

  it('knows whether a file or directory exists on a branch', async () => {
    const provider = gitHubScmProvider(spec(), read);
    const [api] = await provider.listRepos(undefined);
    const main = { ...api, branch: 'main' };
    expect(await provider.repoHasPath(main, 'deploy')).toBe(true);
    expect(await provider.repoHasPath(main, 'deploy/kustomization.yaml')).toBe(true);
    expect(await provider.repoHasPath(main, 'helm')).toBe(false);
    expect(await provider.repoHasPath({ ...api, branch: 'dev' }, 'deploy')).toBe(false);
    // Slashes stay slashes on the wire, as GitHub's contents API expects.
    expect(github.requests).toContain('GET /api/v3/repos/myorg/api/contents/deploy/kustomization.yaml?ref=main');
  });

  it('an unknown organisation is a 404 error naming it; no token is a 401', async () => {
    await expect(gitHubScmProvider(spec({ organization: 'ghost' }), read).listRepos(undefined)).rejects.toThrow(
      /listing repositories of ghost: not found .*\(404\)/,
    );
    await expect(gitHubScmProvider({ organization: 'myorg', api: github.url }, read).listRepos(undefined)).rejects.toThrow(/401/);
  });
});
