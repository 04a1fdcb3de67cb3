// The git generator end to end: the real appset-controller against a kube-sim hub, a real repo-server
// process and a git repository this spec commits to.
import 'reflect-metadata';
import { Application, ApplicationSet, KubeObject } from '@flotilla/api-types';
import { KubeClient } from '@flotilla/platform';
import { AppSetControllerStack, GitRepo, NS, polling, RepoServerProcess, startAppSetControllerStack, startGitRepo, startRepoServer } from './testing/appset-controller.harness';

const REFRESH = 'argocd.argoproj.io/application-set-refresh';
const POLL = { everyMs: 150 };
const eventually = polling(POLL);

const appSetOf = (name: string, spec: Partial<ApplicationSet['spec']>): KubeObject =>
  ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name, namespace: NS }, spec });

describe('the git generator through repo-server', () => {
  let stack: AppSetControllerStack;
  let kube: KubeClient;
  let repoServer: RepoServerProcess;
  let repo: GitRepo;

  const apps = async (): Promise<Application[]> =>
    (await kube.list<Application>('argoproj.io/v1alpha1', 'Application', { namespace: NS })).items.filter((a) => !a.metadata.deletionTimestamp);
  const appsOf = async (set: string): Promise<Record<string, Application>> =>
    Object.fromEntries((await apps()).filter((a) => a.metadata.ownerReferences?.some((r) => r.name === set)).map((a) => [a.metadata.name, a]));
  const namesOf = async (set: string): Promise<string> => Object.keys(await appsOf(set)).sort().join();
  const appSet = (name: string): Promise<ApplicationSet> =>
    kube.get<ApplicationSet>({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name, namespace: NS } });
  const condition = (set: ApplicationSet, type: string) => set.status?.conditions?.find((c) => c.type === type);

  beforeAll(async () => {
    stack = await startAppSetControllerStack({
      name: 'appset-git',
      poll: POLL,
      beforeStart: async ({ kube, dir, prefix, onStop }) => {
        repo = await startGitRepo(dir);
        onStop(() => repo.stop());
        repo.commit(
          {
            'apps/billing/kustomization.yaml': 'resources: []\n',
            'apps/guestbook/kustomization.yaml': 'resources: []\n',
            'clusters/eu/config.json': JSON.stringify({ cluster: { name: 'eu-west', address: 'https://eu.example:6443' }, replicas: 2 }),
            'clusters/us/config.json': JSON.stringify({ cluster: { name: 'us-east', address: 'https://us.example:6443' }, replicas: 5 }),
          },
          'initial layout',
        );
        repoServer = await startRepoServer(dir, prefix);
        onStop(() => repoServer.stop());
        // The files name these clusters as destinations; validation wants them known.
        for (const [name, server] of [['eu-west', 'https://eu.example:6443'], ['us-east', 'https://us.example:6443']]) {
          await kube.create({
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: `cluster-${name}`, namespace: NS, labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
            stringData: { name, server, config: '{}' },
          });
        }
        // Credentials the repository does not need, so the spec also walks the repository Secret lookup.
        await kube.create({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'repo-config', namespace: NS, labels: { 'argocd.argoproj.io/secret-type': 'repository' } },
          stringData: { url: repo.url, type: 'git' },
        });
      },
      env: () => ({ FLOTILLA_REPO_SERVER: repoServer.address }),
    });
    kube = stack.kube;
  }, 120_000);

  afterAll(() => stack?.stop());

  it('a directories generator over apps/* yields one Application per directory', async () => {
    await kube.create(
      appSetOf('apps', {
        generators: [{ git: { repoURL: repo.url, revision: 'main', directories: [{ path: 'apps/*' }] } }],
        template: {
          metadata: { name: '{{path.basename}}' },
          spec: {
            project: 'default',
            source: { repoURL: repo.url, targetRevision: 'main', path: '{{path}}' },
            destination: { server: 'https://kubernetes.default.svc', namespace: '{{path.basename}}' },
          },
        },
      }),
    );
    await eventually(() => namesOf('apps'), (n) => n === 'billing,guestbook', 'two Applications');
    const guestbook = (await appsOf('apps')).guestbook;
    expect(guestbook.spec.source).toEqual({ repoURL: repo.url, targetRevision: 'main', path: 'apps/guestbook' });
    expect(guestbook.spec.destination.namespace).toBe('guestbook');
    const set = await eventually(() => appSet('apps'), (s) => condition(s, 'ResourcesUpToDate')?.status === 'True', 'status');
    expect(condition(set, 'ParametersGenerated')).toMatchObject({ status: 'True' });
  });

  it('a new directory in a new commit plus the refresh annotation yields a new Application, and the annotation goes', async () => {
    repo.commit({ 'apps/checkout/kustomization.yaml': 'resources: []\n' }, 'add checkout');
    await kube.patch(await appSet('apps'), { metadata: { annotations: { [REFRESH]: 'true' } } }, 'merge');
    await eventually(() => namesOf('apps'), (n) => n === 'billing,checkout,guestbook', 'the checkout Application');
    const set = await eventually(() => appSet('apps'), (s) => s.metadata.annotations?.[REFRESH] === undefined, 'the refresh annotation to be removed');
    expect(set.metadata.annotations ?? {}).not.toHaveProperty(REFRESH);
  });

  it('a files generator over clusters/*/config.json yields Applications with values from the files', async () => {
    await kube.create(
      appSetOf('clusters', {
        goTemplate: true,
        generators: [{ git: { repoURL: repo.url, revision: 'main', files: [{ path: 'clusters/*/config.json' }], values: { release: '{{ .cluster.name }}-r{{ .replicas }}' } } }],
        template: {
          metadata: { name: 'agent-{{ .path.basename }}', labels: { cluster: '{{ .cluster.name }}', release: '{{ .values.release }}' } },
          spec: {
            project: 'default',
            source: { repoURL: repo.url, targetRevision: 'main', path: 'apps/guestbook' },
            destination: { server: '{{ .cluster.address }}', namespace: 'agent' },
          },
        },
      }),
    );
    await eventually(() => namesOf('clusters'), (n) => n === 'agent-eu,agent-us', 'two Applications');
    const { 'agent-eu': eu, 'agent-us': us } = await appsOf('clusters');
    expect(eu.spec.destination).toEqual({ server: 'https://eu.example:6443', namespace: 'agent' });
    expect(eu.metadata.labels).toEqual({ cluster: 'eu-west', release: 'eu-west-r2' });
    expect(us.metadata.labels).toEqual({ cluster: 'us-east', release: 'us-east-r5' });
  });

  it('a file that is not JSON or YAML is an ErrorOccurred condition naming it, and nothing is deleted', async () => {
    repo.commit({ 'clusters/broken/config.json': '"just text"' }, 'a broken cluster file');
    await kube.patch(await appSet('clusters'), { metadata: { annotations: { [REFRESH]: 'true' } } }, 'merge');
    const set = await eventually(() => appSet('clusters'), (s) => condition(s, 'ErrorOccurred')?.status === 'True', 'an error condition');
    expect(condition(set, 'ErrorOccurred')?.message).toContain(`unable to process file 'clusters/broken/config.json' from repository '${repo.url}'`);
    expect(condition(set, 'ParametersGenerated')).toMatchObject({ status: 'False' });
    // A failed generation keeps the refresh request, so the retry reads the repository afresh too.
    expect(set.metadata.annotations?.[REFRESH]).toBe('true');
    expect(await namesOf('clusters')).toBe('agent-eu,agent-us');
  });

  it('a repository that does not exist is an ErrorOccurred condition', async () => {
    const missing = repo.url.replace('config.git', 'missing.git');
    await kube.create(
      appSetOf('missing', {
        generators: [{ git: { repoURL: missing, revision: 'main', directories: [{ path: '*' }] } }],
        template: { metadata: { name: '{{path.basename}}' }, spec: { project: 'default', destination: { server: 'https://kubernetes.default.svc', namespace: 'x' } } },
      }),
    );
    const set = await eventually(() => appSet('missing'), (s) => condition(s, 'ErrorOccurred')?.status === 'True', 'an error condition');
    expect(condition(set, 'ErrorOccurred')?.message).toMatch(/^error generating params from git: error getting directories from repo: error retrieving Git Directories: /);
  });
});
