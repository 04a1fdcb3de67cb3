// Each provider key of pullRequest and scmProvider reaches its host client: Gitea end to end through
// the generators against its fake host (token read from the namespace), the others by the field
// errors their clients raise.
import type { ApplicationSet } from '@flotilla/api-types';
import type { GeneratorContext, GeneratorHub } from '../generators/generator.types';
import { stringRenderer } from '../template/string.renderer';
import { startGiteaFake } from './gitea/gitea.fake';
import { type FakeGitLab, startFakeGitLab } from './gitlab/gitlab.fake';
import { PullRequestGenerator } from './pull-request.generator';
import { ScmProviderGenerator } from './scm-provider.generator';
import { fakeGeneratorHub } from './scm-hub.fake';
import type { FakeHost } from './scm-http.fake';

const TOKEN = 'gitea-generator-token';
const GITLAB_TOKEN = 'glpat-generator-token';
const hub: GeneratorHub = fakeGeneratorHub(() => ({ gitea: { token: TOKEN }, gitlab: { token: GITLAB_TOKEN } }));
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
  let gitlab: FakeGitLab;
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
  beforeAll(async () => {
    gitlab = await startFakeGitLab(
      [
        {
          id: 42,
          namespace: 'platform',
          path: 'app',
          topics: ['argo'],
          defaultBranch: 'main',
          branches: { main: sha('c') },
          mergeRequests: [
            { iid: 3, title: 'MR', sourceBranch: 'Topic_A', targetBranch: 'main', sha: sha('d'), labels: ['preview'], author: 'gl-user' },
          ],
        },
      ],
      { token: GITLAB_TOKEN },
    );
  });
  afterAll(() => Promise.all([gitea.close(), gitlab.stop()]));

  it('gitlab serves both generators, with the token from the namespace', async () => {
    const tokenRef = { secretName: 'gitlab', key: 'token' };
    const mrs = await pullRequests.generateParams(
      { pullRequest: { gitlab: { project: 'platform/app', api: gitlab.url, tokenRef, pullRequestState: 'opened' } } },
      ctx,
    );
    expect(mrs).toEqual([
      expect.objectContaining({ number: '3', branch: 'Topic_A', branch_slug: 'topic-a', head_sha: sha('d'), author: 'gl-user' }),
    ]);
    const repos = await scmProvider.generateParams(
      { scmProvider: { cloneProtocol: 'https', gitlab: { group: 'platform', api: gitlab.url, tokenRef } } },
      ctx,
    );
    expect(repos).toEqual([
      expect.objectContaining({
        organization: 'platform',
        repository: 'app',
        url: 'https://gitlab.example/platform/app.git',
        sha: sha('c'),
        labels: 'argo',
      }),
    ]);
    const caRef = { configMapName: 'missing-ca', key: 'ca.pem' };
    await expect(
      pullRequests.generateParams(
        { pullRequest: { gitlab: { project: 'platform/app', api: 'https://gitlab.invalid', tokenRef, caRef } } },
        ctx,
      ),
    ).rejects.toThrow('configmap "missing-ca" not found in namespace "argocd"');
  });

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
    ['scmProvider', 'awsCodeCommit', /the awsCodeCommit SCM provider is not supported by Flotilla/],
  ])('%s.%s reaches its client', async (generator, key, message) => {
    const gen = generator === 'pullRequest' ? pullRequests : scmProvider;
    await expect(gen.generateParams({ [generator]: { [key]: {} } }, ctx)).rejects.toThrow(message);
  });
});
