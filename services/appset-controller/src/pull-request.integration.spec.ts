// Seed 000's pullRequest ApplicationSet end to end: the real appset-controller against a kube-sim hub
// and a fake GitHub over HTTP, the seed's YAML changed only in `api`. One preview Application per open
// pull request; a moved head updates it; a closed pull request deletes it. The controller runs with
// Argo's safety settings on (only the fake's URL allowed, tokenRef strict mode), as an operator would.
import 'reflect-metadata';
import type { Application, ApplicationSet, KubeObject } from '@flotilla/api-types';
import { type FakeGitHub, type FakeGitHubPull, startFakeGitHub } from '@flotilla/appset';
import type { KubeClient } from '@flotilla/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type AppSetControllerStack, NS, polling, startAppSetControllerStack } from './testing/appset-controller.harness';

const SEED = join(__dirname, '..', '..', '..', 'libs', 'appset', 'src', 'testdata', 'seeds', '000-preview-environments.yaml');
const REFRESH = 'argocd.argoproj.io/application-set-refresh';
const TOKEN = 'ghp_preview-token';
const POLL = { everyMs: 150 };
const eventually = polling(POLL);
const sha = (c: string): string => c.repeat(40);

const pull = (number: number, branch: string, head: string, labels: string[] = []): FakeGitHubPull => ({
  number,
  title: `PR ${number}`,
  branch,
  targetBranch: 'main',
  headSha: head,
  labels,
  author: 'dev',
});

describe('seed 000: preview environments from GitHub pull requests', () => {
  let stack: AppSetControllerStack;
  let kube: KubeClient;
  let github: FakeGitHub;
  let pulls: FakeGitHubPull[];

  const seed = (name: string, github_: Record<string, unknown> = {}): KubeObject => {
    const set = parse(readFileSync(SEED, 'utf8')) as ApplicationSet;
    set.metadata.name = name;
    Object.assign((set.spec.generators[0].pullRequest as { github: Record<string, unknown> }).github, { api: github.url, ...github_ });
    return set as unknown as KubeObject;
  };
  const appsOf = async (set: string): Promise<Record<string, Application>> =>
    Object.fromEntries(
      (await kube.list<Application>('argoproj.io/v1alpha1', 'Application', { namespace: NS })).items
        .filter((a) => !a.metadata.deletionTimestamp && a.metadata.ownerReferences?.some((r) => r.name === set))
        .map((a) => [a.metadata.name, a]),
    );
  const namesOf = async (set: string): Promise<string> =>
    Object.keys(await appsOf(set))
      .sort()
      .join();
  const appSet = (name: string): Promise<ApplicationSet> =>
    kube.get<ApplicationSet>({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name, namespace: NS } });
  const refresh = async (name: string): Promise<void> =>
    void (await kube.patch(await appSet(name), { metadata: { annotations: { [REFRESH]: 'true' } } }, 'merge'));

  beforeAll(async () => {
    pulls = [
      pull(1, 'feature/Login_Page', sha('a'), ['preview']),
      pull(2, 'fix-typo', sha('b')),
      { ...pull(3, 'old', sha('c'), ['preview']), state: 'closed' },
    ];
    github = await startFakeGitHub([{ owner: 'myorg', name: 'myapp', id: 1, defaultBranch: 'main', branches: {}, pulls }], {
      token: TOKEN,
      pageSize: 1,
    });
    stack = await startAppSetControllerStack({
      name: 'appset-pr',
      poll: POLL,
      env: () => ({
        FLOTILLA_APPSET_ALLOWED_SCM_PROVIDERS: `https://github.example.com,${github.url}`,
        FLOTILLA_APPSET_TOKENREF_STRICT_MODE: 'true',
      }),
      beforeStart: async ({ kube, onStop }) => {
        onStop(() => github.stop());
        await kube.create({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'github-token', namespace: NS, labels: { 'argocd.argoproj.io/secret-type': 'scm-creds' } },
          stringData: { token: TOKEN },
        });
        // Holds a token too, but is not labelled as SCM credentials: strict mode must not let a tokenRef read it.
        await kube.create({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'loose-token', namespace: NS },
          stringData: { token: TOKEN },
        });
        await kube.create({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'cluster-preview', namespace: NS, labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
          stringData: { name: 'preview', server: 'https://preview-cluster.example.com', config: '{}' },
        });
        await kube.create({
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'AppProject',
          metadata: { name: 'previews', namespace: NS },
          spec: { sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }] },
        });
      },
    });
    kube = stack.kube;
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    if (!stack) await github?.stop();
  });

  it('creates one preview Application per open pull request, as the seed templates it', async () => {
    await kube.create(seed('preview-environments'));
    await eventually(
      () => namesOf('preview-environments'),
      (n) => n === 'preview-feature-login-page-1,preview-fix-typo-2',
      'two preview Applications',
    );
    const app = (await appsOf('preview-environments'))['preview-feature-login-page-1'];
    expect(app.spec.project).toBe('previews');
    expect(app.spec.source).toEqual({
      repoURL: 'https://github.com/myorg/myapp.git',
      targetRevision: sha('a'),
      path: 'k8s/overlays/preview',
    });
    expect(app.spec.destination).toEqual({ server: 'https://preview-cluster.example.com', namespace: 'preview-1' });
    expect(github.requests.some((r) => r.startsWith('GET /api/v3/repos/myorg/myapp/pulls') && r.includes('page=2'))).toBe(true);
  });

  it("moving a pull request's head updates its Application's revision", async () => {
    pulls[0].headSha = sha('d');
    await refresh('preview-environments');
    await eventually(
      async () => (await appsOf('preview-environments'))['preview-feature-login-page-1']?.spec.source?.targetRevision,
      (rev) => rev === sha('d'),
      'the new head as targetRevision',
    );
  });

  it('closing a pull request deletes its Application, and opening one adds one', async () => {
    pulls[1].state = 'closed';
    pulls.push(pull(4, 'feat/new', sha('e')));
    await refresh('preview-environments');
    await eventually(
      () => namesOf('preview-environments'),
      (n) => n === 'preview-feat-new-4,preview-feature-login-page-1',
      'PR 2 gone and PR 4 added',
    );
  });

  it('with labels, only pull requests carrying them get a preview', async () => {
    const labelled = seed('labelled-previews', { labels: ['preview'] });
    (labelled as unknown as ApplicationSet).spec.template.metadata = { name: 'labelled-{{number}}' };
    await kube.create(labelled);
    await eventually(
      () => namesOf('labelled-previews'),
      (n) => n === 'labelled-1',
      'only the labelled pull request',
    );
  });

  it('a token GitHub refuses is an ErrorOccurred condition that names the host, not the token, and keeps the Applications', async () => {
    await kube.patch(
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'github-token', namespace: NS } },
      { data: { token: Buffer.from('ghp_revoked-token').toString('base64') } },
      'merge',
    );
    await refresh('preview-environments');
    const set = await eventually(
      () => appSet('preview-environments'),
      (s) => s.status?.conditions?.some((c) => c.type === 'ErrorOccurred' && c.status === 'True') === true,
      'an error condition',
    );
    const message = set.status?.conditions?.find((c) => c.type === 'ErrorOccurred')?.message ?? '';
    expect(message).toContain(`${github.url}/api/v3 refused the credentials`);
    expect(message).not.toContain('ghp_revoked');
    expect(await namesOf('preview-environments')).toBe('preview-feat-new-4,preview-feature-login-page-1');
  });

  const errorOf = async (name: string): Promise<string> => {
    const set = await eventually(
      () => appSet(name),
      (s) => s.status?.conditions?.some((c) => c.type === 'ErrorOccurred' && c.status === 'True') === true,
      `an error condition on ${name}`,
    );
    return set.status?.conditions?.find((c) => c.type === 'ErrorOccurred')?.message ?? '';
  };

  it('an api outside the allowed list is an ErrorOccurred condition naming it, and that host never hears from the controller', async () => {
    const elsewhere = await startFakeGitHub([{ owner: 'myorg', name: 'myapp', id: 1, defaultBranch: 'main', branches: {}, pulls }]);
    try {
      await kube.create(seed('elsewhere-previews', { api: elsewhere.url }));
      const message = await errorOf('elsewhere-previews');
      expect(message).toContain(
        `scm provider "${elsewhere.url}" not allowed, must use one of the following: https://github.example.com, ${github.url}`,
      );
      expect(message).not.toContain(TOKEN);
      expect(elsewhere.requests).toEqual([]);
      expect(await namesOf('elsewhere-previews')).toBe('');
    } finally {
      await elsewhere.stop();
    }
  });

  it('in tokenRef strict mode a Secret not labelled scm-creds is refused, its token not sent', async () => {
    await kube.create(seed('loose-previews', { tokenRef: { secretName: 'loose-token', key: 'token' } }));
    const message = await errorOf('loose-previews');
    expect(message).toContain(`secret ${NS}/loose-token is not a valid SCM creds secret`);
    expect(message).not.toContain(TOKEN);
    expect(await namesOf('loose-previews')).toBe('');
  });
});
