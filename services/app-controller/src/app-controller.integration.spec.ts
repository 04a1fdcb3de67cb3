import { appTreeKey, ARGO_API_VERSION, TRACKING_ID_ANNOTATION, type Application, type KubeObject } from '@flotilla/api-types';
import { bootstrapService, type RunningService } from '@flotilla/platform';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadAppControllerConfig } from './app-controller.config';
import { appControllerModule, SERVICE_NAME } from './app-controller.module';
import { eventually, startClusters, startGitRepo, startRepoServer, type Clusters, type GitRepo, type RepoServerProcess } from './testing/app-controller.harness';

const id = randomUUID().slice(0, 8);
const NS = `ac-${id}`;
const PREFIX = `spec-app-controller-${id}`;

const deployment = (replicas: number, image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "${image}" }] }
`;
const service = 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n';
const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { greeting: hello }\n';

describe('app-controller against kube-sim hub and spoke, git over HTTP and repo-server', () => {
  let dir: string;
  let clusters: Clusters;
  let git: GitRepo;
  let repoServer: RepoServerProcess;
  let controller: RunningService;
  let redis: Redis;
  let firstSha: string;

  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const patchApp = (name: string, patch: object): Promise<unknown> => clusters.hubKube.patch({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } }, patch, 'merge');
  const spokeGet = (apiVersion: string, kind: string, name: string, namespace?: string): Promise<KubeObject> => clusters.spokeKube.get({ apiVersion, kind, metadata: { name, namespace } });
  const createApp = (name: string, destination: object, extra: object = {}): Promise<unknown> =>
    clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name, namespace: NS },
      spec: { project: 'default', source: { repoURL: git.url, path: 'app', targetRevision: 'main' }, destination, ...extra },
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'app-controller-spec-'));
    clusters = await startClusters(dir, NS);
    git = await startGitRepo(dir);
    firstSha = git.commit({ 'app/deployment.yaml': deployment(1, 'nginx:1.25'), 'app/service.yaml': service, 'app/configmap.yaml': configMap }, 'first');
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
    redis = new Redis('redis://127.0.0.1:6379');
  }, 90_000);

  afterAll(async () => {
    await controller?.stop();
    await repoServer?.stop();
    await git?.stop();
    await clusters?.stop();
    if (redis) {
      const keys = [...(await redis.keys(`${PREFIX}:*`)), ...(await redis.keys(`flotilla:app:${NS}/*`)), `${PREFIX}:cluster:${clusters?.spoke.url}:info`, `${PREFIX}:cluster:https://127.0.0.1:1:info`];
      await redis.del(...keys);
      redis.disconnect();
    }
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('becomes ready once its hub watches have synced', async () => {
    await eventually(async () => expect((await fetch(`http://127.0.0.1:${controller.opsPort}/readyz`)).status).toBe(200));
  });

  it('syncs manually: creates the namespace and the resources with the tracking id, then Synced/Healthy with one history entry', async () => {
    await createApp('guestbook', { server: clusters.spoke.url, namespace: 'guestbook' });
    const compared = await eventually(async () => {
      const a = await app('guestbook');
      expect(a.status?.sync).toMatchObject({ status: 'OutOfSync', revision: firstSha });
      return a;
    });
    expect(compared.status?.resources?.map((r) => `${r.kind}/${r.name}:${r.health?.status ?? '-'}`).sort()).toEqual(['ConfigMap/settings:Missing', 'Deployment/web:Missing', 'Service/web:Missing']);
    await patchApp('guestbook', { operation: { sync: { revision: firstSha, syncOptions: ['CreateNamespace=true'] }, initiatedBy: { username: 'admin' } } });
    const synced = await eventually(async () => {
      const a = await app('guestbook');
      expect(a.operation).toBeUndefined();
      expect(a.status?.operationState?.phase).toBe('Succeeded');
      expect(a.status?.sync?.status).toBe('Synced');
      expect(a.status?.health?.status).toBe('Healthy');
      return a;
    });
    expect((await spokeGet('v1', 'Namespace', 'guestbook')).metadata?.name).toBe('guestbook');
    const deploy = await spokeGet('apps/v1', 'Deployment', 'web', 'guestbook');
    expect(deploy.metadata?.annotations?.[TRACKING_ID_ANNOTATION]).toBe('guestbook:apps/Deployment:guestbook/web');
    expect((await spokeGet('v1', 'ConfigMap', 'settings', 'guestbook')).metadata?.annotations?.[TRACKING_ID_ANNOTATION]).toBe('guestbook:/ConfigMap:guestbook/settings');
    expect(synced.status?.history).toEqual([expect.objectContaining({ id: 0, revision: firstSha, initiatedBy: { username: 'admin' } })]);
    expect(synced.status?.operationState?.syncResult?.resources?.map((r) => `${r.kind}/${r.name}:${r.status}`).sort()).toEqual([
      'ConfigMap/settings:Synced',
      'Deployment/web:Synced',
      'Namespace/guestbook:Synced',
      'Service/web:Synced',
    ]);
    const tree = await eventually(async () => {
      const t = JSON.parse((await redis.get(appTreeKey(NS, 'guestbook'))) ?? '{}') as { nodes: { kind: string }[] };
      expect(t.nodes.map((n) => n.kind)).toEqual(expect.arrayContaining(['Deployment', 'ReplicaSet', 'Pod', 'Service', 'ConfigMap']));
      return t;
    });
    expect(tree.nodes.find((n) => n.kind === 'Pod')).toMatchObject({ parentRefs: [expect.objectContaining({ kind: 'ReplicaSet' })] });
    const metrics = await (await fetch(`http://127.0.0.1:${controller.opsPort}/metrics`)).text();
    expect(metrics).toMatch(/argocd_app_info\{[^}]*name="guestbook"[^}]*sync_status="Synced"[^}]*health_status="Healthy"/);
    expect(metrics).toMatch(/argocd_app_sync_total\{[^}]*name="guestbook"[^}]*phase="Succeeded"[^}]*\} 1/);
    expect(metrics).toMatch(/argocd_cluster_info\{[^}]*server="https:\/\/127\.0\.0\.1:\d+"[^}]*k8s_version="\d+\.\d+"[^}]*\} 1/);
    expect(metrics).toMatch(/argocd_cluster_connection_status\{[^}]*server="https:\/\/127\.0\.0\.1:\d+"[^}]*\} 1/);
    // Registered at start-up: the depth of the queues it consumes and the owner of each cluster, from Redis.
    expect(metrics).toMatch(/flotilla_queue_jobs\{queue="app-refresh-[^"]+",state="waiting"[^}]*\} \d+/);
    expect(metrics).toMatch(/flotilla_queue_jobs\{queue="app-operation-[^"]+",state="failed"[^}]*\} 0/);
    expect(metrics).toMatch(/flotilla_queue_oldest_waiting_seconds\{queue="app-refresh-[^"]+"[^}]*\} \d/);
    expect(metrics).toMatch(/flotilla_shard_owned\{shard="https:\/\/127\.0\.0\.1:\d+"[^}]*\} 1/);
    expect(metrics).toMatch(/flotilla_shards\{state="unowned"[^}]*\} 0/);
  }, 40_000);

  it('auto-syncs a new commit with prune: applies the change and deletes the removed resource', async () => {
    const secondSha = git.commit({ 'app/deployment.yaml': deployment(2, 'nginx:1.27'), 'app/configmap.yaml': null }, 'second');
    await patchApp('guestbook', { spec: { syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] } } });
    const a = await eventually(async () => {
      const current = await app('guestbook');
      expect(current.status?.history?.map((h) => h.revision)).toEqual([firstSha, secondSha]);
      expect(current.status?.sync).toMatchObject({ status: 'Synced', revision: secondSha });
      return current;
    }, 30_000);
    expect(a.status?.history?.[1].initiatedBy).toEqual({ automated: true });
    expect(a.status?.operationState?.syncResult?.resources).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'ConfigMap', name: 'settings', status: 'Pruned' })]));
    await expect(spokeGet('v1', 'ConfigMap', 'settings', 'guestbook')).rejects.toMatchObject({ code: 404 });
    const deploy = (await spokeGet('apps/v1', 'Deployment', 'web', 'guestbook')) as KubeObject & { spec: { replicas: number } };
    expect(deploy.spec.replicas).toBe(2);
  }, 40_000);

  it('self-heals a manual change to the Deployment in the spoke', async () => {
    await clusters.spokeKube.patch({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'guestbook', name: 'web' } }, { spec: { replicas: 5 } }, 'merge');
    await eventually(async () => {
      const deploy = (await spokeGet('apps/v1', 'Deployment', 'web', 'guestbook')) as KubeObject & { spec: { replicas: number } };
      expect(deploy.spec.replicas).toBe(2);
      const current = await app('guestbook');
      expect(current.status?.history).toHaveLength(3);
      expect(current.status?.operationState?.operation.sync?.resources).toEqual([{ group: 'apps', kind: 'Deployment', name: 'web', namespace: 'guestbook' }]);
    }, 30_000);
  }, 40_000);

  it('reports an unreachable or unknown cluster as a condition, with sync and health Unknown', async () => {
    await createApp('lost', { server: 'https://127.0.0.1:1', namespace: 'x' });
    await createApp('nowhere', { name: 'mars', namespace: 'x' });
    await eventually(async () => {
      const lost = await app('lost');
      expect(lost.status?.sync?.status).toBe('Unknown');
      expect(lost.status?.health?.status).toBe('Unknown');
      expect(lost.status?.conditions).toEqual([expect.objectContaining({ type: 'ComparisonError', message: expect.stringContaining('https://127.0.0.1:1 (dead) is unreachable') })]);
      const nowhere = await app('nowhere');
      expect(nowhere.status?.conditions).toEqual([expect.objectContaining({ type: 'InvalidSpecError', message: 'Application destination spec is invalid: there are no clusters with this name: mars' })]);
    });
  }, 30_000);
});
