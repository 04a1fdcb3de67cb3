import { ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import { randomUUID } from 'node:crypto';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// A CRD and a custom resource of it in the same wave (no sync-wave annotations), synced by auto-sync:
// as gitops-engine's sync does, the CRD is applied and Established before the resource of its kind,
// so the first sync succeeds (automated sync does not retry a failed sync of the same revision).
const id = randomUUID().slice(0, 8);
const NS = `crd-wave-${id}`;
const PREFIX = `spec-crd-wave-${id}`;

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: sprockets.wave.example.com }
spec:
  group: wave.example.com
  scope: Namespaced
  names: { kind: Sprocket, plural: sprockets, singular: sprocket, listKind: SprocketList }
  versions: [{ name: v1, served: true, storage: true, schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } } }]
`;
const sprocket = 'apiVersion: wave.example.com/v1\nkind: Sprocket\nmetadata: { name: teeth }\nspec: { count: 12 }\n';
const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: beside }\ndata: { a: b }\n';

describe('a CRD and its custom resource in one wave', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;
  const ref: KubeObject = { apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name: 'sprockets' } };
  const app = (): Promise<Application> => clusters.hubKube.get<Application>(ref);

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'crd-wave', namespace: NS, prefix: PREFIX });
    ({ clusters, git } = stack);
    git.commit(
      {
        'sprockets/crd.yaml': crd,
        'sprockets/sprocket.yaml': sprocket,
        'sprockets/cm.yaml': cm,
        'cogs/crd.yaml': crd.replace(/sprocket/g, 'cog').replace(/Sprocket/g, 'Cog'),
        'cogs/cog.yaml': sprocket.replace(/Sprocket/g, 'Cog'),
      },
      'a CRD and its resource, no waves',
    );
  }, 90_000);

  afterAll(() => stack?.stop(), 30_000);

  it('syncs on the first automated try: the CRD is applied and Established before the resource of its kind', async () => {
    await clusters.hubKube.create({
      ...ref,
      spec: {
        project: 'default',
        source: { repoURL: git.url, path: 'sprockets', targetRevision: 'main' },
        destination: { server: clusters.spoke.url, namespace: 'sprockets' },
        syncPolicy: { automated: { prune: true }, syncOptions: ['CreateNamespace=true'] },
      },
    });
    const done = await eventually(async () => {
      const a = await app();
      expect(['Failed', 'Error', 'Succeeded']).toContain(a.status?.operationState?.phase);
      return a;
    }, 45_000);
    expect(done.status?.operationState).toMatchObject({ phase: 'Succeeded', message: 'successfully synced (all tasks run)' });
    expect(done.status?.operationState?.retryCount).toBeUndefined();
    expect(done.status?.history).toHaveLength(1);
    const results = done.status?.operationState?.syncResult?.resources ?? [];
    expect(results.filter((r) => r.kind !== 'Namespace').map((r) => `${r.kind}:${r.status}`).sort()).toEqual(['ConfigMap:Synced', 'CustomResourceDefinition:Synced', 'Sprocket:Synced']);
    expect(await clusters.spokeKube.get({ apiVersion: 'wave.example.com/v1', kind: 'Sprocket', metadata: { namespace: 'sprockets', name: 'teeth' } })).toMatchObject({ spec: { count: 12 } });
    // The cache watches the new kind: the app reads Synced with the resource in its status.
    await eventually(async () => {
      const a = await app();
      expect(a.status?.sync?.status).toBe('Synced');
      expect(a.status?.resources?.find((r) => r.kind === 'Sprocket')).toMatchObject({ status: 'Synced' });
      expect(a.status?.conditions ?? []).toEqual([]);
    }, 20_000);
  }, 120_000);

  it('a dry run leaves out the resource whose CRD the sync would create, and succeeds without creating anything', async () => {
    const cogs: KubeObject = { ...ref, metadata: { namespace: NS, name: 'cogs' } };
    await clusters.hubKube.create({
      ...cogs,
      spec: { project: 'default', source: { repoURL: git.url, path: 'cogs', targetRevision: 'main' }, destination: { server: clusters.spoke.url, namespace: 'cogs' } },
      operation: { sync: { dryRun: true, syncOptions: ['CreateNamespace=true'] }, initiatedBy: { username: 'admin' } },
    });
    const done = await eventually(async () => {
      const a = await clusters.hubKube.get<Application>(cogs);
      expect(['Failed', 'Error', 'Succeeded']).toContain(a.status?.operationState?.phase);
      return a;
    }, 45_000);
    expect(done.status?.operationState).toMatchObject({ phase: 'Succeeded', message: 'successfully synced (dry run)' });
    expect((done.status?.operationState?.syncResult?.resources ?? []).map((r) => r.kind)).not.toContain('Cog');
    expect(await clusters.spokeKube.get({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'cogs.wave.example.com' } }).catch(() => undefined)).toBeUndefined();
  }, 60_000);
});
