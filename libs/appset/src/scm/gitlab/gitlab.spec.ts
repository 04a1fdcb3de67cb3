// The GitLab clients (merge requests, group projects) against a fake GitLab REST v4 over HTTP(S).
import { selfSignedCertificate } from '@flotilla/testing';
import { GeneratorError } from '../../generators/generator.types';
import { ScmRateLimitError, ScmRepositoryNotFoundError, type SecretKeyReader } from '../scm.types';
import { type FakeGitLab, type FakeMergeRequest, startFakeGitLab } from './gitlab.fake';
import { gitLabPullRequests } from './gitlab.pull-requests';
import { gitLabScmProvider } from './gitlab.scm-provider';

const TOKEN = 'glpat-secret-value';
const read: SecretKeyReader = ({ key }) => (key === 'token' ? Promise.resolve(TOKEN) : Promise.reject(new GeneratorError(`no key ${key}`)));
const tokenRef = { secretName: 'gitlab-token', key: 'token' };
const mr = (iid: number, labels: string[], state: FakeMergeRequest['state'] = 'opened'): FakeMergeRequest => ({
  iid,
  title: `MR ${iid}`,
  sourceBranch: `feat-${iid}`,
  targetBranch: 'main',
  sha: String(iid).repeat(40).slice(0, 40),
  labels,
  author: `user${iid}`,
  state,
});
const sha = (c: string): string => c.repeat(40);

describe('GitLab', () => {
  let gitlab: FakeGitLab;

  beforeAll(async () => {
    gitlab = await startFakeGitLab(
      [
        {
          id: 1,
          namespace: 'platform',
          path: 'app',
          topics: ['argo'],
          defaultBranch: 'main',
          branches: { main: sha('a'), dev: sha('b') },
          files: { main: ['deploy/kustomization.yaml', 'README.md'] },
          mergeRequests: [mr(1, ['preview']), mr(2, []), mr(3, ['preview'], 'merged'), mr(4, ['preview', 'x'])],
        },
        { id: 2, namespace: 'platform', path: 'lib', defaultBranch: 'main', branches: { main: sha('c') } },
        { id: 3, namespace: 'platform/team-a', path: 'svc', topics: ['argo'], defaultBranch: 'trunk', branches: { trunk: sha('d') } },
        { id: 4, namespace: 'elsewhere', path: 'shared', defaultBranch: 'main', branches: { main: sha('e') }, sharedWith: ['platform'] },
        { id: 5, namespace: 'platform', path: 'empty', defaultBranch: 'main', branches: {} },
      ],
      { token: TOKEN, pageSize: 2 },
    );
  });
  afterAll(() => gitlab.stop());

  describe('merge requests', () => {
    it('lists every state across pages when no state is asked for (as Argo), and only that state when one is', async () => {
      const all = await gitLabPullRequests({ project: 'platform/app', api: gitlab.url, tokenRef }, read).list();
      expect(all.map((p) => p.number)).toEqual([1, 2, 3, 4]);
      expect(all[0]).toEqual({
        number: 1,
        title: 'MR 1',
        branch: 'feat-1',
        targetBranch: 'main',
        headSha: sha('1'),
        labels: ['preview'],
        author: 'user1',
      });
      const opened = await gitLabPullRequests(
        { project: 'platform/app', api: gitlab.url, tokenRef, pullRequestState: 'opened' },
        read,
      ).list();
      expect(opened.map((p) => p.number)).toEqual([1, 2, 4]);
      expect(gitlab.requests.some((r) => r.includes('page=2'))).toBe(true);
    });

    it('asks GitLab for the labels', async () => {
      const labelled = await gitLabPullRequests(
        { project: '1', api: `${gitlab.url}/api/v4`, tokenRef, labels: ['preview', 'x'] },
        read,
      ).list();
      expect(labelled.map((p) => p.number)).toEqual([4]);
    });

    it('no token is a 401, an unknown project a not-found error, a 429 a rate-limit error with its Retry-After', async () => {
      await expect(gitLabPullRequests({ project: 'platform/app', api: gitlab.url }, read).list()).rejects.toThrow(
        /refused the credentials.*401/,
      );
      await expect(gitLabPullRequests({ project: 'platform/nope', api: gitlab.url, tokenRef }, read).list()).rejects.toBeInstanceOf(
        ScmRepositoryNotFoundError,
      );
      gitlab.rateLimitOnce();
      const limited = await gitLabPullRequests({ project: 'platform/app', api: gitlab.url, tokenRef }, read)
        .list()
        .catch((e: Error) => e);
      expect(limited).toBeInstanceOf(ScmRateLimitError);
      expect((limited as ScmRateLimitError).retryAfterMs).toBe(1000);
      expect(await gitLabPullRequests({ project: 'platform/app', api: gitlab.url, tokenRef }, read).list()).toHaveLength(4);
      await expect(gitLabPullRequests({ project: 'platform/app', api: 'http://127.0.0.1:1', tokenRef }, read).list()).rejects.toThrow(
        /unreachable/,
      );
    });
  });

  describe('group projects', () => {
    const provider = (more: object = {}) => gitLabScmProvider({ group: 'platform', api: gitlab.url, tokenRef, ...more }, read);

    it('lists the group projects with shared ones, subgroups when asked, narrowed by topic', async () => {
      expect((await provider().listRepos(undefined)).map((r) => r.repository)).toEqual(['app', 'lib', 'shared', 'empty']);
      expect((await provider({ includeSubgroups: true }).listRepos(undefined)).map((r) => `${r.organization}/${r.repository}`)).toEqual([
        'platform/app',
        'platform/lib',
        'platform/team-a/svc',
        'elsewhere/shared',
        'platform/empty',
      ]);
      expect((await provider({ includeSharedProjects: false }).listRepos(undefined)).map((r) => r.repository)).toEqual([
        'app',
        'lib',
        'empty',
      ]);
      expect((await provider({ includeSubgroups: true, topic: 'argo' }).listRepos('https')).map((r) => r.url)).toEqual([
        'https://gitlab.example/platform/app.git',
        'https://gitlab.example/platform/team-a/svc.git',
      ]);
    });

    it('gives branches with SHAs and knows which paths exist', async () => {
      const p = provider();
      const [app, , , empty] = await p.listRepos(undefined);
      expect(app).toMatchObject({ url: 'git@gitlab.example:platform/app.git', labels: ['argo'], repositoryId: 1, branch: 'main' });
      expect(await p.getBranches(app, false)).toEqual([{ ...app, sha: sha('a') }]);
      expect((await p.getBranches(app, true)).map((r) => r.branch)).toEqual(['main', 'dev']);
      expect(await p.getBranches(empty, false)).toEqual([]);
      expect(await p.repoHasPath(app, 'deploy')).toBe(true);
      expect(await p.repoHasPath(app, 'README.md')).toBe(true);
      expect(await p.repoHasPath(app, 'helm')).toBe(false);
      expect(await p.repoHasPath({ ...app, branch: 'dev' }, 'deploy')).toBe(false);
    });

    it('an unknown group is a 404 error naming it', async () => {
      await expect(provider({ group: 'ghost' }).listRepos(undefined)).rejects.toThrow(
        /listing projects of group ghost: not found .*\(404\)/,
      );
    });
  });

  it('over TLS trusts the CA a caRef ConfigMap holds, or none when insecure, and refuses an unknown CA', async () => {
    const { key, cert } = selfSignedCertificate();
    const tls = await startFakeGitLab(
      [{ id: 9, namespace: 'secure', path: 'app', defaultBranch: 'main', branches: {}, mergeRequests: [mr(1, [])] }],
      { token: TOKEN, tls: { key, cert } },
    );
    try {
      const spec = { project: 'secure/app', api: tls.url, tokenRef };
      const caRef = { configMapName: 'gitlab-ca', key: 'ca.pem' };
      const readConfigMap = ({ configMapName, key }: { configMapName: string; key: string }) =>
        configMapName === 'gitlab-ca' && key === 'ca.pem' ? Promise.resolve(cert) : Promise.reject(new GeneratorError('no such ConfigMap'));
      await expect(gitLabPullRequests({ ...spec, caRef }, read, readConfigMap).list()).resolves.toHaveLength(1);
      await expect(gitLabPullRequests({ ...spec, insecure: true }, read).list()).resolves.toHaveLength(1);
      await expect(gitLabPullRequests(spec, read).list()).rejects.toThrow(/unreachable .*self-signed certificate/);
    } finally {
      await tls.stop();
    }
  });
});
