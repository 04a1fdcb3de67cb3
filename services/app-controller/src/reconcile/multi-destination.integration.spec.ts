import { ARGO_API_VERSION, PARENT_APPLICATION_LABEL, RESOURCES_FINALIZER, type Application, type KubeObject } from '@flotilla/api-types';
import { bootstrapService, type KubeClient, type RunningService } from '@flotilla/platform';
import { E2E_IMAGE, spokeKind } from '@flotilla/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { parse } from 'yaml';
import { loadAppControllerConfig } from '../app-controller.config';
import { appControllerModule, SERVICE_NAME } from '../app-controller.module';
import { eventually, startClusters, startGitRepo, startRepoServer, type Clusters, type GitRepo, type RepoServerProcess } from '../testing/app-controller.harness';

// Seed 003: one Application whose `destination.servers` lists several clusters deploys to every one
// of them, with prune and self-heal in each — through the real app-controller, repo-server, git over
// HTTP and the clusters: the kube-sim hub as in-cluster, and two spokes, the first of them the real
// cluster under FLOTILLA_TEST_CLUSTER=real.
const id = randomUUID().slice(0, 8);
const NS = `md-${id}`;
const PREFIX = `spec-multi-destination-${id}`;
const PARENT = 'my-app-multi-cluster';

// The article's manifests, as written; only the placeholders (repository, cluster URLs, namespace) are
// filled in, and on the real cluster, which pulls nothing, the image is one it has.
const IMAGE = spokeKind() === 'real' ? E2E_IMAGE : 'nginx:latest';
const deployment = (replicas: number): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-app
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - name: my-app
        image: ${IMAGE}
`;
const application = (repoURL: string, dev: string, prod: string): string => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: my-app-multi-cluster
  namespace: ${NS} # The namespace where Argo CD is installed
spec:
  project: default
  source:
    repoURL: '${repoURL}' # Your Git repository
    path: manifests # The directory containing your app manifests
    targetRevision: HEAD
  destination:
    # This is where the magic happens for multi-cluster
    # We'll define multiple destinations here
    servers:
      - 'https://kubernetes.default.svc' # Default cluster (where Argo CD is running)
      - '${dev}' # Your dev cluster's API server
      - '${prod}' # Your prod cluster's API server
  syncPolicy:
    automated:
      prune: true # Automatically clean up resources that are no longer in Git
      selfHeal: true # Automatically fix drift between Git and cluster state
`;

type Deployment = KubeObject & { spec: { replicas: number } };

describe('an Application with destination.servers (seed 003)', () => {
  let dir: string;
  let clusters: Clusters;
  let git: GitRepo;
  let repoServer: RepoServerProcess;
  let controller: RunningService;
  let firstSha: string;
  let spokes: KubeClient[];

  const appRef = (name: string) => ({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>(appRef(name));
  const patchApp = (name: string, patch: object): Promise<unknown> => clusters.hubKube.patch(appRef(name), patch, 'merge');
  const children = async (): Promise<Application[]> => (await clusters.hubKube.list<Application>(ARGO_API_VERSION, 'Application', { namespace: NS, labelSelector: `${PARENT_APPLICATION_LABEL}=${PARENT}` })).items;
  const myApp = (kube: KubeClient): Promise<Deployment> => kube.get<Deployment>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'default', name: 'my-app' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'multi-destination-spec-'));
    clusters = await startClusters(dir, NS, { secondSpoke: true });
    spokes = [clusters.spokeKube, clusters.spoke2Kube!];
    git = await startGitRepo(dir);
    firstSha = git.commit({ 'manifests/app.yaml': deployment(2) }, 'my-app');
    repoServer = await startRepoServer(dir, PREFIX);
    const config = loadAppControllerConfig({
      FLOTILLA_KUBECONFIG: clusters.hubKubeconfig,
      FLOTILLA_NAMESPACE: NS,
      FLOTILLA_REPO_SERVER: repoServer.address,
      FLOTILLA_QUEUE_PREFIX: PREFIX,
      FLOTILLA_APP_RESYNC_SECONDS: '2',
      FLOTILLA_SELF_HEAL_SECONDS: '1',
      FLOTILLA_LOG_LEVEL: process.env.SPEC_LOG_LEVEL ?? 'silent',
    });
    controller = await bootstrapService({ name: SERVICE_NAME, module: appControllerModule(config), opsPort: 0, host: '127.0.0.1', handleSignals: false });
  }, 90_000);

  afterAll(async () => {
    await controller?.stop();
    // The real cluster outlives the run: a failed run must not leave my-app behind in its default namespace.
    await clusters?.spokeKube.delete({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'default', name: 'my-app' } }).catch(() => undefined);
    await repoServer?.stop();
    await git?.stop();
    await clusters?.stop();
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = [...(await redis.keys(`${PREFIX}:*`)), ...(await redis.keys(`flotilla:app:${NS}/*`))];
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('deploys the Deployment to every listed cluster, and reports the parent Synced and Healthy per destination', async () => {
    await clusters.hubKube.create(parse(application(git.url, clusters.spoke.url, clusters.spoke2!.url)) as Application);
    const parent = await eventually(async () => {
      const a = await app(PARENT);
      expect(a.status?.sync).toMatchObject({ status: 'Synced', revision: firstSha });
      expect(a.status?.health?.status).toBe('Healthy');
      return a;
    }, 40_000);
    expect(parent.status?.destinations).toEqual([
      { server: 'https://kubernetes.default.svc', name: 'in-cluster', application: `${PARENT}-in-cluster`, sync: { status: 'Synced', revision: firstSha }, health: { status: 'Healthy' } },
      { server: clusters.spoke.url, name: 'spoke', application: `${PARENT}-spoke`, sync: { status: 'Synced', revision: firstSha }, health: { status: 'Healthy' } },
      { server: clusters.spoke2!.url, name: 'spoke-2', application: `${PARENT}-spoke-2`, sync: { status: 'Synced', revision: firstSha }, health: { status: 'Healthy' } },
    ]);
    for (const kube of [clusters.hubKube, clusters.spokeKube, clusters.spoke2Kube!]) expect((await myApp(kube)).spec.replicas).toBe(2);
    const child = await app(`${PARENT}-spoke-2`);
    expect(child.spec.destination).toEqual({ server: clusters.spoke2!.url });
    expect(child.spec.syncPolicy).toEqual({ automated: { prune: true, selfHeal: true } });
    expect(child.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Application', name: PARENT, uid: parent.metadata.uid, controller: true, blockOwnerDeletion: true })]);
    // The parent deploys nothing itself: its children do, each synced automatically once.
    expect(parent.status?.resources).toBeUndefined();
    expect(child.status?.history).toEqual([expect.objectContaining({ revision: firstSha, initiatedBy: { automated: true } })]);
  }, 50_000);

  it('brings a commit changing replicas to every cluster', async () => {
    const sha = git.commit({ 'manifests/app.yaml': deployment(3) }, 'three replicas');
    await eventually(async () => {
      for (const kube of [clusters.hubKube, clusters.spokeKube, clusters.spoke2Kube!]) expect((await myApp(kube)).spec.replicas).toBe(3);
      const parent = await app(PARENT);
      expect(parent.status?.sync).toMatchObject({ status: 'Synced', revision: sha });
      expect(parent.status?.health?.status).toBe('Healthy');
    }, 40_000);
  }, 50_000);

  it('heals a manual scale in one spoke, leaving the other alone', async () => {
    const before = (await app(`${PARENT}-spoke`)).status?.history?.length;
    await clusters.spoke2Kube!.patch({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'default', name: 'my-app' } }, { spec: { replicas: 7 } }, 'merge');
    await eventually(async () => {
      expect((await myApp(clusters.spoke2Kube!)).spec.replicas).toBe(3);
      const healed = await app(`${PARENT}-spoke-2`);
      expect(healed.status?.operationState?.operation.sync?.resources).toEqual([{ group: 'apps', kind: 'Deployment', name: 'my-app', namespace: 'default' }]);
    }, 30_000);
    expect((await app(`${PARENT}-spoke`)).status?.history?.length).toBe(before);
  }, 40_000);

  it('passes a manual sync on to every destination and finishes it when they have', async () => {
    const head = (await app(PARENT)).status?.sync?.revision;
    await patchApp(PARENT, { operation: { sync: { revision: head, prune: true }, initiatedBy: { username: 'admin' } } });
    const parent = await eventually(async () => {
      const a = await app(PARENT);
      expect(a.operation).toBeUndefined();
      expect(a.status?.operationState).toMatchObject({ phase: 'Succeeded', message: 'successfully synced 3 destinations', operation: { initiatedBy: { username: 'admin' } } });
      return a;
    }, 30_000);
    expect(parent.status?.destinations?.map((d) => d.operationState?.phase)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    for (const child of await children()) {
      expect(child.status?.history?.at(-1)).toMatchObject({ revision: head, initiatedBy: { username: 'admin' } });
    }
  }, 40_000);

  it('deletes the child of a server taken off the list; without a finalizer its Deployment stays', async () => {
    await patchApp(PARENT, { spec: { destination: { servers: [clusters.spoke.url, clusters.spoke2!.url] } } });
    await eventually(async () => {
      expect((await children()).map((c) => c.metadata.name).sort()).toEqual([`${PARENT}-spoke`, `${PARENT}-spoke-2`]);
      expect((await app(PARENT)).status?.destinations?.map((d) => d.name)).toEqual(['spoke', 'spoke-2']);
    }, 20_000);
    expect((await myApp(clusters.hubKube)).spec.replicas).toBe(3);
  }, 30_000);

  it('deleting the parent with the resources finalizer deletes the Deployment from both spokes, then the parent', async () => {
    for (const kube of spokes) expect((await myApp(kube)).spec.replicas).toBe(3);
    await patchApp(PARENT, { metadata: { finalizers: [RESOURCES_FINALIZER] } });
    await eventually(async () => {
      for (const child of await children()) expect(child.metadata.finalizers).toEqual([RESOURCES_FINALIZER]);
    });
    await clusters.hubKube.delete(appRef(PARENT));
    await eventually(async () => {
      for (const kube of spokes) await expect(myApp(kube)).rejects.toMatchObject({ code: 404 });
      expect(await children()).toEqual([]);
      await expect(app(PARENT)).rejects.toMatchObject({ code: 404 });
      // A real kubelet takes seconds per pod, and foreground deletion goes Deployment → ReplicaSet → pods.
    }, 90_000);
  }, 100_000);
});
