// The pullRequest generator end to end against a fake GitHub over HTTP: Argo's parameters in both
// template modes, filters, values, credentials from the namespace, and errors as GeneratorErrors.
import type { ApplicationSet } from '@flotilla/api-types';
import type { GeneratorContext, GeneratorEntry, GeneratorHub } from '../generators/generator.types';
import { stringRenderer } from '../template/string.renderer';
import { type FakeGitHub, startFakeGitHub } from './github/github.fake';
import { PullRequestGenerator } from './pull-request.generator';
import { fakeGeneratorHub } from './scm-hub.fake';
import { branchSlug } from './scm.params';

const TOKEN = 'ghp_generator-token';
const secrets: Record<string, Record<string, string>> = { 'github-token': { token: TOKEN } };
const hub: GeneratorHub = fakeGeneratorHub(() => secrets);
const ctx = (goTemplate: boolean, withHub = true): GeneratorContext => ({
  appSet: {
    metadata: { name: 'previews', namespace: 'argocd' },
    spec: { goTemplate, generators: [], template: {} },
  } as unknown as ApplicationSet,
  clusterSecrets: [],
  renderString: stringRenderer({ goTemplate }),
  repository: (url) => Promise.resolve({ repo: url }),
  ...(withHub ? { hub } : {}),
});
const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('PullRequestGenerator', () => {
  let github: FakeGitHub;
  const gen = new PullRequestGenerator();
  const entry = (more: object = {}, github_: object = {}): GeneratorEntry => ({
    pullRequest: {
      github: { owner: 'myorg', repo: 'myapp', api: github.url, tokenRef: { secretName: 'github-token', key: 'token' }, ...github_ },
      ...more,
    },
  });

  beforeAll(async () => {
    github = await startFakeGitHub(
      [
        {
          owner: 'myorg',
          name: 'myapp',
          id: 1,
          defaultBranch: 'main',
          branches: {},
          pulls: [
            {
              number: 7,
              title: 'Add login',
              branch: 'Feature/Login_Page',
              targetBranch: 'main',
              headSha: SHA,
              labels: ['preview'],
              author: 'alice',
            },
            { number: 8, title: 'Docs', branch: 'docs', targetBranch: 'release/1.0', headSha: SHA, labels: [], author: 'bob' },
          ],
        },
      ],
      { token: TOKEN, pageSize: 1 },
    );
  });
  afterAll(() => github.stop());

  it('gives Argo parameters as flat strings for fasttemplate, without labels', async () => {
    const params = await gen.generateParams(entry(), ctx(false));
    expect(params[0]).toEqual({
      number: '7',
      title: 'Add login',
      branch: 'Feature/Login_Page',
      branch_slug: 'feature-login-page',
      target_branch: 'main',
      target_branch_slug: 'main',
      head_sha: SHA,
      head_short_sha: '01234567',
      head_short_sha_7: '0123456',
      author: 'alice',
    });
    expect(params[1]).toMatchObject({ number: '8', target_branch_slug: 'release-1-0' });
  });

  it('adds the labels list in goTemplate mode, and values rendered with the set', async () => {
    const [first, second] = await gen.generateParams(entry({ values: { env: 'pr-{{ .number }}-{{ join "+" .labels }}' } }), ctx(true));
    expect(first.labels).toEqual(['preview']);
    expect(first.values).toEqual({ env: 'pr-7-preview' });
    expect(second).toMatchObject({ labels: [], values: { env: 'pr-8-' } });
    const [flat] = await gen.generateParams(entry({ values: { env: 'pr-{{number}}' } }), ctx(false));
    expect(flat['values.env']).toBe('pr-7');
  });

  it('keeps pull requests any filter entry matches, all of whose set fields match', async () => {
    const numbers = async (filters: object[]) => (await gen.generateParams(entry({ filters }), ctx(false))).map((p) => p.number);
    expect(await numbers([{ branchMatch: '^Feature/' }])).toEqual(['7']);
    expect(await numbers([{ targetBranchMatch: '^release/' }])).toEqual(['8']);
    expect(await numbers([{ branchMatch: '^Feature/', targetBranchMatch: '^release/' }])).toEqual([]);
    expect(await numbers([{ branchMatch: '^Feature/' }, { targetBranchMatch: '^release/' }])).toEqual(['7', '8']);
    await expect(numbers([{ branchMatch: '([' }])).rejects.toThrow('error compiling BranchMatch regexp "(["');
  });

  it('keeps only labelled pull requests when labels are given', async () => {
    expect((await gen.generateParams(entry({}, { labels: ['preview'] }), ctx(false))).map((p) => p.number)).toEqual(['7']);
  });

  it('waits out one rate-limit answer and asks again', async () => {
    github.rateLimitOnce('retry-after', 1);
    const started = Date.now();
    expect(await gen.generateParams(entry(), ctx(false))).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('turns host and credential failures into errors naming what is wrong, never the token', async () => {
    const missingKey = entry({}, { tokenRef: { secretName: 'github-token', key: 'pat' } });
    await expect(gen.generateParams(missingKey, ctx(false))).rejects.toThrow(
      'key "pat" in secret "github-token" in namespace "argocd" not found',
    );
    const missingSecret = entry({}, { tokenRef: { secretName: 'nope', key: 'token' } });
    await expect(gen.generateParams(missingSecret, ctx(false))).rejects.toThrow('secret "nope" not found in namespace "argocd"');
    await expect(gen.generateParams(entry(), ctx(false, false))).rejects.toThrow(/no access to the ApplicationSet's namespace/);
    const notFound = await gen.generateParams(entry({}, { repo: 'gone' }), ctx(false)).catch((e: Error) => e);
    expect((notFound as Error).message).toMatch(/^error listing repos: repository myorg\/gone not found/);
    expect(await gen.generateParams(entry({ continueOnRepoNotFoundError: true }, { repo: 'gone' }), ctx(false))).toEqual([]);
    secrets.bad = { token: 'ghp_leaked?' };
    const refused = await gen
      .generateParams(entry({}, { tokenRef: { secretName: 'bad', key: 'token' } }), ctx(false))
      .catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/401/);
    expect((refused as Error).message).not.toContain('ghp_leaked');
    await expect(gen.generateParams({ pullRequest: { bogus: {} } }, ctx(false))).rejects.toThrow(
      'no Pull Request provider implementation configured',
    );
  });
});

describe('branchSlug (gosimple/slug as Argo configures it)', () => {
  it.each([
    ['feature/Login_Page', 'feature-login-page'],
    ['  fix--double  ', 'fix-double'],
    ['café&co@home', 'cafeandcoathome'],
    ['-leading-and-trailing-', 'leading-and-trailing'],
    ['a'.repeat(60), 'a'.repeat(50)],
    [`${'word-'.repeat(12)}end`, 'word-word-word-word-word-word-word-word-word-word'],
  ])('%s → %s', (branch, slug) => expect(branchSlug(branch)).toBe(slug));
});
