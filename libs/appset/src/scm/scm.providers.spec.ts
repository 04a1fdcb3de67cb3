// Each provider key of pullRequest and scmProvider reaches its host client: Gitea end to end through
// the generators against its fake host (token read from the namespace), the others by the field
// errors their clients raise.
import type { ApplicationSet } from '@flotilla/api-types';
import type { GeneratorContext, GeneratorHub } from '../generators/generator.types';
import { stringRenderer } from '../template/string.renderer';
import { startGiteaFake } from './gitea/gitea.fake';
import { PullRequestGenerator } from './pull-request.generator';
import { ScmProviderGenerator } from './scm-provider.generator';
import type { FakeHost } from './scm-http.fake';

const TOKEN = 'gitea-generator-token';
const hub: GeneratorHub = {
  namespace: 'argocd',
  secretData: (name) => Promise.resolve(name === 'gitea' ? { token: TOKEN } : undefined),
  configMapData: () => Promise.resolve(undefined),
  list: () => Promise.resolve([]),
};
const ctx: GeneratorContext = {
  appSet: { metadata: { name: 's', namespace: 'argocd' }, spec: { generators: [], template: {} } } as unknown as ApplicationSet,
  clusterSecrets: [],
  renderString: stringRenderer({}),
  repository: (url) => Promise.resolve({ repo: url }),
  hub,
};
const sha = (c: string): string => c.repeat(40);

describe('provider dispatch', () => {
  let gitea: FakeHost;
  const pullRequests = new PullRequestGenerator();
  const scmProvider = new ScmProviderGenerator();

  beforeAll(async () => {
    gitea = await startGiteaFake({
      token: TOKEN,
      orgs: {
        acme: [
          {
            id: 11,
            name: 'web',
            defaultBranch: 'main',
            branches: { main: sha('a') },
            pulls: [{ number: 1, title: 'one', head: 'feature/x', headSha: sha('b'), base: 'main', author: 'ann', labels: ['preview'] }],
          },
        ],
      },
    });
  });
  afterAll(() => gitea.close());

  it('gitea serves both generators, with the token from the namespace', async () => {
    const tokenRef = { secretName: 'gitea', key: 'token' };
    const pulls = await pullRequests.generateParams(
      { pullRequest: { gitea: { owner: 'acme', repo: 'web', api: gitea.url, tokenRef } } },
      ctx,
    );
    expect(pulls).toEqual([
      expect.objectContaining({ number: '1', branch_slug: 'feature-x', head_short_sha: sha('b').slice(0, 8), author: 'ann' }),
    ]);
    const repos = await scmProvider.generateParams({ scmProvider: { gitea: { owner: 'acme', api: gitea.url, tokenRef } } }, ctx);
    expect(repos).toEqual([
      expect.objectContaining({ organization: 'acme', repository: 'web', branch: 'main', sha: sha('a'), repository_id: 11 }),
    ]);
  });

  it.each([
    ['pullRequest', 'bitbucketServer', /pullRequest\.bitbucketServer\.\w+ is required/],
    ['pullRequest', 'bitbucket', /pullRequest\.bitbucket\.\w+ is required/],
    ['scmProvider', 'bitbucketServer', /scmProvider\.bitbucketServer\.\w+ is required/],
    ['scmProvider', 'bitbucket', /scmProvider\.bitbucket\.\w+ is required/],
    ['pullRequest', 'azuredevops', /pullRequest\.azuredevops\.\w+ is required/],
    ['scmProvider', 'azureDevOps', /scmProvider\.azureDevOps\.\w+ is required/],
    ['scmProvider', 'gitlab', /scmProvider\.gitlab needs a group/],
    ['pullRequest', 'github', /pullRequest\.github needs owner and repo/],
  ])('%s.%s reaches its client', async (generator, key, message) => {
    const gen = generator === 'pullRequest' ? pullRequests : scmProvider;
    await expect(gen.generateParams({ [generator]: { [key]: {} } }, ctx)).rejects.toThrow(message);
  });
});
