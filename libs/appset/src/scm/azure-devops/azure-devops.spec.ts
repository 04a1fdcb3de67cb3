import { GeneratorError } from '../../generators/generator.types';
import type { FakeHost } from '../scm-http.fake';
import { ScmRateLimitError, ScmRepositoryNotFoundError, type SecretKeyReader } from '../scm.types';
import { azureDevOpsOrganizationUrl } from './azure-devops.client';
import { startAzureDevOpsFake, type AzureDevOpsFakeData } from './azure-devops.fake';
import { azureDevOpsPullRequests } from './azure-devops.pull-requests';
import { azureDevOpsScmProvider } from './azure-devops.scm-provider';

const PAT = 'azure-pat-4242';
const sha = (c: string) => c.repeat(40);
const WEB = '6f5d1b3e-0000-4000-8000-000000000001';
const data: AzureDevOpsFakeData = {
  pat: PAT,
  organizations: {
    contoso: {
      'Fleet Apps': [
        {
          id: WEB,
          name: 'web',
          defaultBranch: 'main',
          branches: { main: sha('a'), 'users/ann/fix': sha('b'), release: sha('c') },
          files: ['k8s/overlays/prod/kustomization.yaml'],
          pulls: [
            {
              id: 101,
              title: 'fix',
              source: 'users/ann/fix',
              sourceSha: sha('b'),
              target: 'main',
              createdBy: 'ann@contoso.com',
              labels: ['preview'],
            },
            {
              id: 102,
              title: 'done',
              source: 'old',
              sourceSha: sha('d'),
              target: 'main',
              createdBy: 'bob@contoso.com',
              status: 'completed',
            },
            {
              id: 103,
              title: 'rel',
              source: 'release',
              sourceSha: sha('c'),
              target: 'main',
              createdBy: 'cy@contoso.com',
              labels: ['preview', 'prod'],
            },
          ],
        },
        {
          id: '6f5d1b3e-0000-4000-8000-000000000002',
          name: 'api',
          defaultBranch: 'trunk',
          branches: { trunk: sha('e') },
          pulls: [{ id: 201, title: 'other repo', source: 'x', sourceSha: sha('f'), target: 'trunk', createdBy: 'dee@contoso.com' }],
        },
        { id: '6f5d1b3e-0000-4000-8000-000000000003', name: 'empty', branches: {} },
      ],
    },
  },
};

describe('Azure DevOps host', () => {
  let azure: FakeHost;
  const read: SecretKeyReader = ({ secretName, key }) =>
    secretName === 'azure' && key === 'pat' ? Promise.resolve(PAT) : Promise.reject(new Error(`secret ${secretName} has no key ${key}`));
  const tokenRef = { secretName: 'azure', key: 'pat' };
  beforeAll(async () => {
    azure = await startAzureDevOpsFake(data);
  });
  afterAll(() => azure.close());

  it('builds the organisation URL from api and organization, dev.azure.com by default', () => {
    expect(azureDevOpsOrganizationUrl(undefined, 'contoso')).toBe('https://dev.azure.com/contoso');
    expect(azureDevOpsOrganizationUrl('https://tfs.example.com/tfs/', 'DefaultCollection')).toBe(
      'https://tfs.example.com/tfs/DefaultCollection',
    );
  });

  describe('pull requests', () => {
    const spec = { organization: 'contoso', project: 'Fleet Apps', repo: 'web', tokenRef };

    it('lists the active pull requests of the repository across $top/$skip pages', async () => {
      const pulls = await azureDevOpsPullRequests({ ...spec, api: azure.url }, read).list();
      expect(pulls).toEqual([
        { number: 101, title: 'fix', branch: 'users/ann/fix', targetBranch: 'main', headSha: sha('b'), labels: ['preview'], author: 'ann' },
        {
          number: 103,
          title: 'rel',
          branch: 'release',
          targetBranch: 'main',
          headSha: sha('c'),
          labels: ['preview', 'prod'],
          author: 'cy',
        },
      ]);
      const skips = azure.requests.filter((r) => r.path.endsWith('/_apis/git/pullrequests')).map((r) => r.query.get('$skip'));
      expect(skips).toEqual(['0', '2', '3']);
    });

    it('keeps only pull requests with every label asked for', async () => {
      const pulls = await azureDevOpsPullRequests({ ...spec, api: azure.url, labels: ['prod'] }, read).list();
      expect(pulls.map((p) => p.number)).toEqual([103]);
    });

    it('reports an unknown project as ScmRepositoryNotFoundError, and an unknown repository as no pull requests', async () => {
      const err = await azureDevOpsPullRequests({ ...spec, api: azure.url, project: 'Nope' }, read)
        .list()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ScmRepositoryNotFoundError);
      expect((err as Error).message).toContain('The following project does not exist: Nope');
      await expect(azureDevOpsPullRequests({ ...spec, api: azure.url, repo: 'ghost' }, read).list()).resolves.toEqual([]);
    });

    it('is refused without the PAT, naming the host but not the PAT; a 429 is ScmRateLimitError', async () => {
      const anonymous = (await azureDevOpsPullRequests({ ...spec, api: azure.url, tokenRef: undefined }, read)
        .list()
        .catch((e: unknown) => e)) as Error;
      expect(anonymous.message).toMatch(/^Azure DevOps API GET .*\/contoso\/Fleet%20Apps\/_apis\/git\/pullrequests.* answered 401/);
      const wrong: SecretKeyReader = () => Promise.resolve('wrong-pat');
      const signIn = (await azureDevOpsPullRequests({ ...spec, api: azure.url }, wrong)
        .list()
        .catch((e: unknown) => e)) as Error;
      expect(signIn.message).toContain(
        'answered 203 with a body that is not JSON but an HTML page (a sign-in page? check the credentials)',
      );
      expect(signIn.message).not.toContain('wrong-pat');
      azure.rateLimitNext({ 'retry-after': '30' });
      const limited = (await azureDevOpsPullRequests({ ...spec, api: azure.url }, read)
        .list()
        .catch((e: unknown) => e)) as ScmRateLimitError;
      expect(limited).toBeInstanceOf(ScmRateLimitError);
      expect(limited.retryAfterMs).toBe(30_000);
    });

    it('rejects a spec without a project, or with labels that are not a list of strings', () => {
      expect(() => azureDevOpsPullRequests({ ...spec, labels: [1] as never }, read)).toThrow(
        'pullRequest.azuredevops.labels must be a list of strings',
      );
      expect(() => azureDevOpsPullRequests({ ...spec, project: '' }, read)).toThrow(
        new GeneratorError('pullRequest.azuredevops.project is required'),
      );
    });
  });

  describe('scm provider', () => {
    const provider = (extra = {}) =>
      azureDevOpsScmProvider(
        { organization: 'contoso', teamProject: 'Fleet Apps', api: azure.url, accessTokenRef: tokenRef, ...extra },
        read,
      );

    it('lists the team project with remoteUrl and the default branch ref, skipping empty repositories', async () => {
      const repos = await provider().listRepos('ssh');
      expect(repos.map((r) => r.repository)).toEqual(['web', 'api']);
      expect(repos[0]).toEqual({
        organization: 'contoso',
        repository: 'web',
        url: 'https://contoso@dev.azure.test/contoso/Fleet Apps/_git/web',
        branch: 'refs/heads/main',
        sha: '',
        labels: [],
        repositoryId: WEB,
      });
    });

    it('gives the default branch by name with its commit, or every branch', async () => {
      const [web, api] = await provider().listRepos(undefined);
      await expect(provider().getBranches(api, false)).resolves.toEqual([{ ...api, branch: 'trunk', sha: sha('e') }]);
      const all = await provider().getBranches(web, true);
      expect(all.map((r) => [r.branch, r.sha])).toEqual([
        ['main', sha('a')],
        ['users/ann/fix', sha('b')],
        ['release', sha('c')],
      ]);
      await expect(provider().getBranches({ ...web, repository: 'deleted' }, true)).resolves.toEqual([]);
    });

    it('finds files and folders on a branch by repository id, and says no to GitItemNotFound', async () => {
      const [web] = await provider().getBranches((await provider().listRepos(undefined))[0], false);
      await expect(provider().repoHasPath(web, 'k8s/overlays/prod/kustomization.yaml')).resolves.toBe(true);
      await expect(provider().repoHasPath(web, 'k8s/overlays')).resolves.toBe(true);
      await expect(provider().repoHasPath(web, 'helm')).resolves.toBe(false);
      expect(azure.requests.at(-1)?.path).toBe(`/contoso/Fleet Apps/_apis/git/repositories/${WEB}/items`);
      await expect(provider().repoHasPath({ ...web, repositoryId: 'gone' }, 'helm')).rejects.toThrow('answered 404: TF401019');
    });

    it('needs an access token: a missing ref at once, an empty value on the first request', async () => {
      expect(() =>
        azureDevOpsScmProvider({ organization: 'contoso', teamProject: 'Fleet Apps', accessTokenRef: undefined as never }, read),
      ).toThrow('scmProvider.azureDevOps.accessTokenRef must name a secretName and a key');
      const empty: SecretKeyReader = () => Promise.resolve('');
      await expect(
        azureDevOpsScmProvider(
          { organization: 'contoso', teamProject: 'Fleet Apps', api: azure.url, accessTokenRef: tokenRef },
          empty,
        ).listRepos(undefined),
      ).rejects.toThrow('no access token provided');
    });
  });
});
