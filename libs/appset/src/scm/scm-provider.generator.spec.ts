// The scmProvider generator end to end against a fake GitHub over HTTP: Argo's parameters, filters
// in Argo's order (repository conditions before branches are listed), cloneProtocol and values.
import type { ApplicationSet } from '@flotilla/api-types';
import type { GeneratorContext, GeneratorEntry, GeneratorHub } from '../generators/generator.types';
import { stringRenderer } from '../template/string.renderer';
import { type FakeGitHub, startFakeGitHub } from './github/github.fake';
import { ScmProviderGenerator } from './scm-provider.generator';
import { fakeGeneratorHub } from './scm-hub.fake';

const TOKEN = 'ghp_scm-token';
const hub: GeneratorHub = fakeGeneratorHub(() => ({ 'github-token': { token: TOKEN } }));
const ctx = (goTemplate: boolean): GeneratorContext => ({
  appSet: {
    metadata: { name: 'repos', namespace: 'argocd' },
    spec: { goTemplate, generators: [], template: {} },
  } as unknown as ApplicationSet,
  clusterSecrets: [],
  renderString: stringRenderer({ goTemplate }),
  repository: (url) => Promise.resolve({ repo: url }),
  hub,
});
const sha = (c: string): string => c.repeat(40);

describe('ScmProviderGenerator', () => {
  let github: FakeGitHub;
  const gen = new ScmProviderGenerator();
  const entry = (more: object = {}, gh: object = {}): GeneratorEntry => ({
    scmProvider: {
      github: { organization: 'acme', api: github.url, tokenRef: { secretName: 'github-token', key: 'token' }, ...gh },
      ...more,
    },
  });
  const run = async (more: object = {}, gh: object = {}, goTemplate = false) => gen.generateParams(entry(more, gh), ctx(goTemplate));
  const names = async (more: object = {}, gh: object = {}) =>
    (await run(more, gh)).map((p) => `${String(p.repository)}@${String(p.branch)}`);

  beforeAll(async () => {
    github = await startFakeGitHub(
      [
        {
          owner: 'acme',
          name: 'billing',
          id: 101,
          topics: ['team-pay'],
          defaultBranch: 'main',
          branches: { main: sha('1'), Feature_X: sha('2') },
          paths: { main: ['kustomization.yaml'], Feature_X: ['kustomization.yaml', 'legacy/a'] },
        },
        {
          owner: 'acme',
          name: 'checkout',
          id: 102,
          topics: ['team-web', 'team-pay'],
          defaultBranch: 'main',
          branches: { main: sha('3') },
          paths: { main: ['charts/x'] },
        },
        { owner: 'acme', name: 'docs', id: 103, defaultBranch: 'main', branches: { main: sha('4') } },
      ],
      { token: TOKEN, pageSize: 2 },
    );
  });
  afterAll(() => github.stop());
  beforeEach(() => github.requests.splice(0));

  it("gives Argo's parameters for each repository's default branch", async () => {
    const params = await run();
    expect(params).toHaveLength(3);
    expect(params[0]).toEqual({
      organization: 'acme',
      repository: 'billing',
      repository_id: 101,
      url: 'git@github.example:acme/billing.git',
      branch: 'main',
      sha: sha('1'),
      short_sha: sha('1').slice(0, 8),
      short_sha_7: sha('1').slice(0, 7),
      labels: 'team-pay',
      branchNormalized: 'main',
    });
    expect((await run({ cloneProtocol: 'https' }))[1]).toMatchObject({
      url: 'https://github.example/acme/checkout.git',
      labels: 'team-web,team-pay',
    });
  });

  it('every branch with allBranches, branchNormalized as Argo sanitises names', async () => {
    const params = await run({}, { allBranches: true });
    expect(params.map((p) => `${String(p.repository)}@${String(p.branchNormalized)}`)).toEqual([
      'billing@main',
      'billing@feature-x',
      'checkout@main',
      'docs@main',
    ]);
  });

  it('applies repository filters before listing branches, and branch filters after', async () => {
    expect(await names({ filters: [{ repositoryMatch: '^b' }] })).toEqual(['billing@main']);
    expect(github.requests.filter((r) => r.includes('/branches/'))).toEqual(['GET /api/v3/repos/acme/billing/branches/main']);
    expect(await names({ filters: [{ labelMatch: '^team-pay$' }] })).toEqual(['billing@main', 'checkout@main']);
    expect(await names({ filters: [{ pathsExist: ['kustomization.yaml'] }] })).toEqual(['billing@main']);
    expect(await names({ filters: [{ pathsDoNotExist: ['charts/'] }] })).toEqual(['billing@main', 'docs@main']);
    expect(await names({ filters: [{ branchMatch: '^Feature' }] }, { allBranches: true })).toEqual(['billing@Feature_X']);
    // One entry's conditions all apply; any entry keeps.
    expect(await names({ filters: [{ labelMatch: 'team-pay', pathsExist: ['legacy/a'] }] }, { allBranches: true })).toEqual([
      'billing@Feature_X',
    ]);
    // As in Argo, the two phases AND: repository entries pick docs, then branch entries must keep it too.
    expect(await names({ filters: [{ repositoryMatch: 'docs' }, { pathsExist: ['charts/x'] }] })).toEqual([]);
    expect(await names({ filters: [{ repositoryMatch: 'docs|checkout' }, { pathsExist: ['charts/x'] }] })).toEqual(['checkout@main']);
  });

  it('renders values per repository in both template modes', async () => {
    expect((await run({ values: { app: '{{repository}}-{{branch}}' } }))[0]['values.app']).toBe('billing-main');
    expect((await run({ values: { app: '{{ .repository | upper }}' } }, {}, true))[0].values).toEqual({ app: 'BILLING' });
  });

  it('errors name what is wrong', async () => {
    await expect(run({ filters: [{ repositoryMatch: '(' }] })).rejects.toThrow(/error compiling RepositoryMatch regexp "\("/);
    await expect(run({ cloneProtocol: 'ftp' })).rejects.toThrow('error listing repos: unknown clone protocol for GitHub ftp');
    await expect(run({}, { organization: 'ghost' })).rejects.toThrow(/^error listing repos: listing repositories of ghost: not found/);
    await expect(gen.generateParams({ scmProvider: {} }, ctx(false))).rejects.toThrow('no SCM provider implementation configured');
  });
});
