import { appTreeKey, ARGO_API_VERSION, REFRESH_ANNOTATION, type Application, type AppProject, type KubeObject } from '@flotilla/api-types';
import { randomUUID } from 'node:crypto';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';
import type { ApplicationTree } from './resource-tree.builder';

// An AppProject with spec.orphanedResources, an app of it synced by the real controller onto a
// kube-sim spoke, and a ConfigMap someone creates by hand in the app's namespace: it shows in the
// tree the controller stores in Redis (what the api-server's ResourceTree serves) and as a warning
// condition on the app, and both go when it is deleted, or (the warning) when warn is turned off.
const id = randomUUID().slice(0, 8);
const NS = `orphans-${id}`;
const PREFIX = `spec-orphans-${id}`;
const DEST = `orph-${id}`;
const APP = 'shop';

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name} }\ndata: { a: b }\n`;

describe("orphaned resources in the stored tree and the app's conditions", () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const appRef: KubeObject = { apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name: APP } };
  const projectRef: KubeObject = { apiVersion: ARGO_API_VERSION, kind: 'AppProject', metadata: { namespace: NS, name: 'watched' } };
  const strayRef: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: DEST, name: 'stray' } };
  const app = (): Promise<Application> => clusters.hubKube.get<Application>(appRef);
  const tree = async (): Promise<ApplicationTree> =>
    JSON.parse((await stack.redis.get(appTreeKey(NS, APP))) ?? '{"nodes":[],"orphanedNodes":[]}') as ApplicationTree;
  const orphanNames = async (): Promise<string[]> => (await tree()).orphanedNodes.map((n) => `${n.kind}/${n.namespace}/${n.name}`);
  const warning = async (): Promise<string | undefined> =>
    (await app()).status?.conditions?.find((c) => c.type === 'OrphanedResourceWarning')?.message;

  beforeAll(async () => {
    // A resync far away: what follows a hand-made object's coming and going is the watch event alone.
    stack = await startControllerStack({ name: 'orphans', namespace: NS, prefix: PREFIX, env: { FLOTILLA_APP_RESYNC_SECONDS: '600' } });
    ({ clusters, git } = stack);
    git.commit({ 'shop/cm.yaml': cm('managed') }, 'one ConfigMap');
    await clusters.hubKube.create<AppProject>({
      ...projectRef,
      spec: {
        sourceRepos: ['*'],
        destinations: [{ server: '*', namespace: '*' }],
        orphanedResources: { warn: true, ignore: [{ kind: 'ConfigMap', name: 'ignored-*' }] },
      },
    } as AppProject);
    await clusters.hubKube.create({
      ...appRef,
      spec: {
        project: 'watched',
        source: { repoURL: git.url, path: 'shop', targetRevision: 'main' },
        destination: { server: clusters.spoke.url, namespace: DEST },
      },
    });
    await eventually(async () => expect((await app()).status?.sync?.status).toBe('OutOfSync'));
    await clusters.hubKube.patch(
      appRef,
      { operation: { sync: { syncOptions: ['CreateNamespace=true'] }, initiatedBy: { username: 'admin' } } },
      'merge',
    );
    await eventually(async () => expect((await app()).status?.sync?.status).toBe('Synced'));
  }, 120_000);

  afterAll(() => stack?.stop(), 30_000);

  it('has no orphans while the namespace holds only what the app manages', async () => {
    await eventually(async () => expect((await tree()).nodes.map((n) => n.name)).toEqual(['managed']));
    expect(await orphanNames()).toEqual([]);
    expect(await warning()).toBeUndefined();
  }, 30_000);

  it('lists a hand-made ConfigMap as orphaned, warns, and takes both back when it is deleted', async () => {
    await clusters.spokeKube.create({ ...strayRef, data: { by: 'hand' } });
    await clusters.spokeKube.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: DEST, name: 'ignored-cache' } });
    await eventually(async () => expect(await orphanNames()).toEqual([`ConfigMap/${DEST}/stray`]));
    await eventually(async () => expect(await warning()).toBe('Application has 1 orphaned resources'));
    // The managed ConfigMap stays in nodes, and only there.
    expect((await tree()).nodes.map((n) => n.name)).toEqual(['managed']);

    await clusters.spokeKube.delete(strayRef);
    await eventually(async () => expect(await orphanNames()).toEqual([]));
    await eventually(async () => expect(await warning()).toBeUndefined());
  }, 60_000);

  it('keeps listing orphans but drops the warning when the project sets warn to false', async () => {
    await clusters.spokeKube.create({ ...strayRef, data: { by: 'hand' } });
    await eventually(async () => expect(await warning()).toBe('Application has 1 orphaned resources'));
    await clusters.hubKube.patch(projectRef, { spec: { orphanedResources: { warn: false } } }, 'merge');
    await eventually(async () => expect(await warning()).toBeUndefined());
    expect(await orphanNames()).toEqual([`ConfigMap/${DEST}/stray`]);
  }, 60_000);

  it('counts an object tracked by an app that does not exist as orphaned', async () => {
    const tracking = { 'argocd.argoproj.io/tracking-id': `gone:/ConfigMap:${DEST}/ghosted` };
    await clusters.spokeKube.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { namespace: DEST, name: 'ghosted', annotations: tracking },
    });
    // Its watch event names an app (gone) that is not there to refresh, as in Argo: the next comparison (here asked for) lists it.
    await clusters.hubKube.patch(appRef, { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } }, 'merge');
    await eventually(async () => expect(await orphanNames()).toEqual([`ConfigMap/${DEST}/ghosted`, `ConfigMap/${DEST}/stray`]));
  }, 30_000);
});
