import { ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import { installCrds } from '@flotilla/platform';
import { randomUUID } from 'node:crypto';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// An Application holding an Argo Rollouts Rollout (as every cluster of seed 000 runs) with no argocd-cm
// health script: the built-in check gives it health, so a later sync wave waits for it and the app's
// health follows it.
const id = randomUUID().slice(0, 8);
const NS = `crd-health-${id}`;
const PREFIX = `spec-crd-health-${id}`;
const DEST = 'shop';

/** The part of Argo Rollouts' CRD kube-sim needs to serve Rollouts with a status subresource. */
const rolloutCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'rollouts.argoproj.io' },
  spec: {
    group: 'argoproj.io',
    scope: 'Namespaced',
    names: { plural: 'rollouts', singular: 'rollout', kind: 'Rollout', listKind: 'RolloutList', shortNames: ['ro'] },
    versions: [
      {
        name: 'v1alpha1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      },
    ],
  },
};

/** A CRD Flotilla has no check for, to get the Ready condition rule from argocd-cm. */
const databaseCrd = {
  ...rolloutCrd,
  metadata: { name: 'databases.db.example.com' },
  spec: {
    ...rolloutCrd.spec,
    group: 'db.example.com',
    names: { plural: 'databases', singular: 'database', kind: 'Database', listKind: 'DatabaseList' },
    versions: [{ ...rolloutCrd.spec.versions[0], name: 'v1' }],
  },
};

const manifests = {
  'app/rollout.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: myapp
  annotations: { argocd.argoproj.io/sync-wave: "0" }
spec:
  replicas: 10
  selector: { matchLabels: { app: myapp } }
  template:
    metadata: { labels: { app: myapp } }
    spec: { containers: [{ name: myapp, image: "myapp:latest" }] }
  strategy:
    canary:
      steps: [{ setWeight: 10 }, { pause: { duration: 5m } }]
`,
  'app/after.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: after-rollout
  annotations: { argocd.argoproj.io/sync-wave: "1" }
data: { ready: "yes" }
`,
};

describe('built-in health of custom resources in the app-controller', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const app = (): Promise<Application> =>
    clusters.hubKube.get<Application>({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name: 'myapp' } });
  const rollout: KubeObject = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { namespace: DEST, name: 'myapp' } };
  const rolloutHealth = async (): Promise<unknown> => (await app()).status?.resources?.find((r) => r.kind === 'Rollout')?.health;
  /** Writes status as the Rollouts controller would, for the Rollout's current generation. */
  const setStatus = async (status: object): Promise<unknown> => {
    const live = await clusters.spokeKube.get(rollout);
    return clusters.spokeKube.patch(
      rollout,
      { status: { observedGeneration: String(live.metadata?.generation ?? 1), ...status } },
      'merge',
      { subresource: 'status' },
    );
  };

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'crd-health', namespace: NS, prefix: PREFIX, env: { FLOTILLA_SYNC_STEP_WAIT_MS: '300' } });
    ({ clusters, git } = stack);
    await installCrds(clusters.spokeKube, [rolloutCrd, databaseCrd]);
    git.commit(manifests, 'a rollout, and a config map in the wave after it');
    git.commit(
      { 'db/database.yaml': 'apiVersion: db.example.com/v1\nkind: Database\nmetadata: { name: orders }\nspec: { size: 1 }\n' },
      'a database',
    );
  }, 90_000);

  afterAll(() => stack?.stop(), 30_000);

  it('holds the next wave while the Rollout is Progressing, then follows it to Healthy and Suspended', async () => {
    await clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name: 'myapp', namespace: NS },
      spec: {
        project: 'default',
        source: { repoURL: git.url, path: 'app', targetRevision: 'main' },
        destination: { server: clusters.spoke.url, namespace: DEST },
        syncPolicy: { automated: { prune: true }, syncOptions: ['CreateNamespace=true'] },
      },
    });
    // Applied, but no controller has written its status: Progressing, and wave 1 waits for it.
    await eventually(async () => {
      const a = await app();
      expect(a.status?.operationState?.phase).toBe('Running');
      expect(await rolloutHealth()).toEqual({ status: 'Progressing', message: 'Waiting for rollout spec update to be observed' });
    }, 40_000);
    expect(
      await clusters.spokeKube
        .get({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: DEST, name: 'after-rollout' } })
        .catch(() => undefined),
    ).toBeUndefined();

    await setStatus({ phase: 'Progressing', message: 'more replicas need to be updated', replicas: 10, updatedReplicas: 4 });
    await eventually(async () =>
      expect(await rolloutHealth()).toEqual({ status: 'Progressing', message: 'more replicas need to be updated' }),
    );
    expect((await app()).status?.operationState?.phase).toBe('Running');

    await setStatus({ phase: 'Healthy', message: '', replicas: 10, updatedReplicas: 10, availableReplicas: 10 });
    await eventually(async () => {
      const a = await app();
      expect(a.status?.operationState?.phase).toBe('Succeeded');
      expect(await rolloutHealth()).toEqual({ status: 'Healthy' });
      expect(a.status?.health?.status).toBe('Healthy');
    }, 40_000);
    expect(
      await clusters.spokeKube.get({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: DEST, name: 'after-rollout' } }),
    ).toBeDefined();

    await setStatus({ phase: 'Paused', message: 'CanaryPauseStep' });
    await eventually(async () => {
      expect(await rolloutHealth()).toEqual({ status: 'Suspended', message: 'CanaryPauseStep' });
      expect((await app()).status?.health?.status).toBe('Suspended');
    }, 20_000);
  }, 150_000);

  it('gives a kind listed in flotilla.health.readyCondition.kinds the Ready condition rule', async () => {
    await clusters.hubKube.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm', namespace: NS },
      data: { 'flotilla.health.readyCondition.kinds': '- "*.example.com/*"\n' },
    });
    await clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name: 'db', namespace: NS },
      spec: {
        project: 'default',
        source: { repoURL: git.url, path: 'db', targetRevision: 'main' },
        destination: { server: clusters.spoke.url, namespace: DEST },
        syncPolicy: { automated: { prune: true } },
      },
    });
    const dbApp = (): Promise<Application> =>
      clusters.hubKube.get<Application>({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name: 'db' } });
    const dbHealth = async (): Promise<unknown> => (await dbApp()).status?.resources?.find((r) => r.kind === 'Database')?.health;
    const database: KubeObject = { apiVersion: 'db.example.com/v1', kind: 'Database', metadata: { namespace: DEST, name: 'orders' } };
    const setDbStatus = (status: object): Promise<unknown> =>
      clusters.spokeKube.patch(database, { status }, 'merge', { subresource: 'status' });

    await eventually(
      async () => expect(await dbHealth()).toEqual({ status: 'Progressing', message: 'waiting for a Ready condition' }),
      40_000,
    );
    await setDbStatus({
      observedGeneration: 1,
      conditions: [{ type: 'Ready', status: 'False', reason: 'VolumeFailed', message: 'no storage class' }],
    });
    await eventually(async () => {
      expect(await dbHealth()).toEqual({ status: 'Degraded', message: 'VolumeFailed: no storage class' });
      expect((await dbApp()).status?.health?.status).toBe('Degraded');
    }, 20_000);
    await setDbStatus({
      observedGeneration: 1,
      conditions: [{ type: 'Ready', status: 'True', reason: 'Available', message: 'accepting connections' }],
    });
    await eventually(async () => {
      expect(await dbHealth()).toEqual({ status: 'Healthy', message: 'accepting connections' });
      expect((await dbApp()).status?.health?.status).toBe('Healthy');
    }, 20_000);
  }, 120_000);
});
