import { ARGO_API_VERSION, REFRESH_ANNOTATION, type Application, type KubeObject } from '@flotilla/api-types';
import { randomUUID } from 'node:crypto';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// Multi-source Applications (spec.sources with a `ref` for value files) and what an app shows when
// its repository goes away, through the real app-controller, repo-server, git over HTTP and kube-sim.
const id = randomUUID().slice(0, 8);
const NS = `ms-${id}`;
const PREFIX = `spec-multi-source-${id}`;

const chart = {
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'charts/web/values.yaml': 'replicas: 1\ncolour: grey\n',
  'charts/web/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-colour\ndata:\n  colour: {{ .Values.colour | quote }}\n  replicas: {{ .Values.replicas | quote }}\n',
};

describe('multi-source Applications', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const patchApp = (name: string, patch: object): Promise<unknown> => clusters.hubKube.patch({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } }, patch, 'merge');
  const spokeGet = (kind: string, name: string, namespace: string): Promise<KubeObject> => clusters.spokeKube.get({ apiVersion: 'v1', kind, metadata: { name, namespace } });

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'multi-source', namespace: NS, prefix: PREFIX });
    ({ clusters, git } = stack);
  }, 90_000);

  afterAll(() => stack?.stop(), 30_000);

  it('renders a chart with value files from a `ref` source plus a directory, syncs them, and reports one revision per source', async () => {
    const sha = git.commit({ ...chart, 'envs/prod/values.yaml': 'colour: blue\nreplicas: 3\n', 'extra/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: extra }\ndata: { a: b }\n' }, 'chart, values and extras');
    await clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name: 'web', namespace: NS },
      spec: {
        project: 'default',
        sources: [
          { repoURL: git.url, path: 'charts/web', targetRevision: 'main', helm: { valueFiles: ['$values/envs/prod/values.yaml'] } },
          { repoURL: git.url, targetRevision: 'main', ref: 'values' },
          { repoURL: git.url, path: 'extra', targetRevision: 'main' },
        ],
        destination: { server: clusters.spoke.url, namespace: 'web' },
        syncPolicy: { automated: { prune: true }, syncOptions: ['CreateNamespace=true'] },
      },
    });
    const synced = await eventually(async () => {
      const a = await app('web');
      expect(a.status?.sync).toMatchObject({ status: 'Synced', revisions: [sha, sha, sha] });
      expect(a.status?.operationState?.phase).toBe('Succeeded');
      return a;
    }, 40_000);
    expect(synced.status?.sync?.revision).toBeUndefined();
    expect(synced.status?.sync?.comparedTo?.sources).toHaveLength(3);
    expect(synced.status?.sourceTypes).toEqual(['Helm', 'Directory', 'Directory']);
    expect(synced.status?.history?.[0]).toMatchObject({ revisions: [sha, sha, sha], sources: synced.spec.sources });
    expect(synced.status?.operationState?.syncResult).toMatchObject({ revisions: [sha, sha, sha] });
    expect((await spokeGet('ConfigMap', 'web-colour', 'web')).data).toEqual({ colour: 'blue', replicas: '3' });
    expect((await spokeGet('ConfigMap', 'extra', 'web')).data).toEqual({ a: 'b' });

    // A change in the values source alone reaches the chart's output.
    const next = git.commit({ 'envs/prod/values.yaml': 'colour: green\nreplicas: 3\n' }, 'green');
    await patchApp('web', { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } });
    await eventually(async () => {
      expect((await app('web')).status?.sync).toMatchObject({ status: 'Synced', revisions: [next, next, next] });
      expect((await spokeGet('ConfigMap', 'web-colour', 'web')).data).toMatchObject({ colour: 'green' });
    }, 40_000);
  }, 90_000);

  it('names the failing source of a multi-source app', async () => {
    await clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name: 'broken', namespace: NS },
      spec: {
        project: 'default',
        sources: [
          { repoURL: git.url, path: 'extra', targetRevision: 'main' },
          { repoURL: git.url, path: 'charts/web', targetRevision: 'main', helm: { valueFiles: ['$values/envs/missing.yaml'] } },
          { repoURL: git.url, targetRevision: 'main', ref: 'values' },
        ],
        destination: { server: clusters.spoke.url, namespace: 'web' },
      },
    });
    await eventually(async () => {
      const a = await app('broken');
      expect(a.status?.sync?.status).toBe('Unknown');
      expect(a.status?.conditions?.[0]).toMatchObject({ type: 'ComparisonError', message: expect.stringMatching(/^Failed to load target state: failed to generate manifest for source 2 of 3: .*envs\/missing\.yaml/) });
    });
  });

  it('compares with the last good render, saying so, while git is unreachable', async () => {
    await git.stop();
    await patchApp('web', { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } });
    const stale = await eventually(async () => {
      const a = await app('web');
      expect(a.metadata.annotations?.[REFRESH_ANNOTATION]).toBeUndefined();
      expect(a.status?.conditions?.map((c) => c.type)).toContain('StaleManifestsWarning');
      return a;
    }, 30_000);
    expect(stale.status?.sync?.status).toBe('Synced');
    expect(stale.status?.conditions?.find((c) => c.type === 'StaleManifestsWarning')?.message).toMatch(/^Failed to reach the repository; compared with the last good manifests: source 1 of 3: failed to fetch http:\/\/127\.0\.0\.1:\d+\/app\.git/);
  }, 60_000);
});
