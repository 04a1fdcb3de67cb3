import { ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import { randomUUID } from 'node:crypto';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// Argo CD's default apply is kubectl's client-side apply (a three-way patch from
// last-applied-configuration); server-side apply only with ServerSideApply=true.
const id = randomUUID().slice(0, 8);
const NS = `csa-${id}`;
const TARGET = `csa-target-${id}`;
const PREFIX = `spec-client-side-apply-${id}`;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

interface ManagedField {
  manager?: string;
  operation?: string;
}

const configMap = (name: string, data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { app: 'web' } }, data });
const deployment = (image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: main, image: "${image}" }] }
`;

describe('client-side apply by default, server-side apply with ServerSideApply=true', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const appRef = (name: string): KubeObject => ({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>(appRef(name));
  const spokeGet = (apiVersion: string, kind: string, name: string): Promise<KubeObject> => clusters.spokeKube.get({ apiVersion, kind, metadata: { name, namespace: TARGET } });
  const managers = (obj: KubeObject): ManagedField[] => (obj.metadata?.managedFields ?? []) as ManagedField[];
  const createApp = (name: string, path: string): Promise<unknown> =>
    clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name, namespace: NS },
      spec: { project: 'default', source: { repoURL: git.url, path, targetRevision: 'main' }, destination: { server: clusters.spoke.url, namespace: TARGET } },
    });
  const syncTo = async (name: string, revision: string, syncOptions: string[] = [], { dryRun = false, phase = 'Succeeded' } = {}): Promise<Application> => {
    await clusters.hubKube.patch(appRef(name), { operation: { sync: { revision, syncOptions, ...(dryRun ? { dryRun } : {}) }, initiatedBy: { username: 'admin' } } }, 'merge');
    return eventually(async () => {
      const a = await app(name);
      expect(a.status?.operationState?.operation.sync?.revision).toBe(revision);
      expect(a.status?.operationState?.phase).toBe(phase);
      return a;
    }, 60_000);
  };

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'client-side-apply', namespace: NS, prefix: PREFIX });
    ({ clusters, git } = stack);
  }, 90_000);

  afterAll(() => stack?.stop(), 30_000);

  it('adopts an object kubectl applied, keeps what other writers set and removes what git removed', async () => {
    // Someone ran `kubectl apply` (client-side) before Argo took the object over.
    const before = configMap('settings', { a: '1', b: '2' });
    await clusters.spokeKube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: TARGET } });
    await clusters.spokeKube.create(
      { ...before, metadata: { ...before.metadata, namespace: TARGET, annotations: { [LAST_APPLIED]: `${JSON.stringify({ ...before, metadata: { ...before.metadata, namespace: TARGET } })}\n` } } },
      { fieldManager: 'kubectl-client-side-apply' },
    );
    const first = git.commit({ 'csa/cm.yaml': JSON.stringify(configMap('settings', { a: '1', b: '2' })), 'csa/web.yaml': deployment('nginx:1.27') }, 'csa: first');
    await createApp('csa', 'csa');
    await syncTo('csa', first);

    // A default sync writes as kubectl apply does: an Update, never a server-side Apply.
    const web = await spokeGet('apps/v1', 'Deployment', 'web');
    expect(managers(web)).toContainEqual(expect.objectContaining({ manager: 'argocd-controller', operation: 'Update' }));
    expect(managers(web).filter((m) => m.operation === 'Apply')).toEqual([]);
    expect(managers(await spokeGet('v1', 'ConfigMap', 'settings')).filter((m) => m.operation === 'Apply')).toEqual([]);
    expect(web.metadata?.annotations?.[LAST_APPLIED]).toContain('"nginx:1.27"');

    // Other writers: a label and an annotation by `kubectl patch`, a sidecar by an injector.
    const cmRef = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: TARGET } };
    await clusters.spokeKube.patch(cmRef, { metadata: { labels: { team: 'payments' }, annotations: { note: 'by hand' } } }, 'merge', { fieldManager: 'kubectl-patch' });
    const webRef = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: TARGET } };
    await clusters.spokeKube.patch(webRef, { spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'proxy:1' }] } } } }, 'strategic', { fieldManager: 'injector' });

    const second = git.commit({ 'csa/cm.yaml': JSON.stringify(configMap('settings', { a: '3' })), 'csa/web.yaml': deployment('nginx:1.28') }, 'csa: b removed, new image');
    const done = await syncTo('csa', second);
    expect(done.status?.operationState?.syncResult?.resources?.every((r) => r.status === 'Synced')).toBe(true);

    const cm = await spokeGet('v1', 'ConfigMap', 'settings');
    expect(cm.data).toEqual({ a: '3' });
    expect(cm.metadata?.labels).toEqual({ app: 'web', team: 'payments' });
    expect(cm.metadata?.annotations?.note).toBe('by hand');
    const containers = ((await spokeGet('apps/v1', 'Deployment', 'web')).spec as { template: { spec: { containers: { name: string; image: string }[] } } }).template.spec.containers;
    expect(containers.map((c) => `${c.name}=${c.image}`).sort()).toEqual(['main=nginx:1.28', 'sidecar=proxy:1']);
  }, 120_000);

  it('a dry-run sync changes nothing, and a patch the API server refuses is the resource\'s sync result', async () => {
    const dry = git.commit({ 'csa/cm.yaml': JSON.stringify(configMap('settings', { a: '4' })) }, 'csa: a dry-run change');
    const done = await syncTo('csa', dry, [], { dryRun: true });
    expect(done.status?.operationState?.syncResult?.resources?.find((r) => r.name === 'settings')?.message).toContain('(dry run)');
    expect((await spokeGet('v1', 'ConfigMap', 'settings')).data).toEqual({ a: '3' });

    const frozen = (data: Record<string, string>): string => JSON.stringify({ ...configMap('frozen', data), immutable: true });
    await createApp('refused', 'refused');
    await syncTo('refused', git.commit({ 'refused/cm.yaml': frozen({ a: '1' }) }, 'refused: an immutable ConfigMap'));
    const failed = await syncTo('refused', git.commit({ 'refused/cm.yaml': frozen({ a: '2' }) }, 'refused: changed'), [], { phase: 'Failed' });
    const result = failed.status?.operationState?.syncResult?.resources?.find((r) => r.name === 'frozen');
    expect(result?.status).toBe('SyncFailed');
    expect(result?.message).toContain('immutable');
    expect((await spokeGet('v1', 'ConfigMap', 'frozen')).data).toEqual({ a: '1' });
  }, 120_000);

  it('applies server-side, under argocd-controller, with ServerSideApply=true', async () => {
    const rev = git.commit({ 'ssa/cm.yaml': JSON.stringify(configMap('ssa-settings', { a: '1' })) }, 'ssa');
    await createApp('ssa', 'ssa');
    await syncTo('ssa', rev, ['ServerSideApply=true']);
    const cm = await spokeGet('v1', 'ConfigMap', 'ssa-settings');
    expect(managers(cm)).toContainEqual(expect.objectContaining({ manager: 'argocd-controller', operation: 'Apply' }));
    expect(cm.metadata?.annotations?.[LAST_APPLIED]).toBeUndefined();
  }, 90_000);
});
