import { appTreeKey, ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import { bootstrapService, installCrds, type RunningService } from '@flotilla/platform';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadAppControllerConfig } from '../app-controller.config';
import { appControllerModule, SERVICE_NAME } from '../app-controller.module';
import { eventually, startClusters, startGitRepo, startRepoServer, type Clusters, type GitRepo, type RepoServerProcess } from '../testing/app-controller.harness';

// argocd-cm resource customizations through the real app-controller: a Lua health check for a
// cert-manager Certificate (a CRD kind) and a system-level ignoreDifferences for Deployments,
// changed while the controller runs.
const id = randomUUID().slice(0, 8);
const NS = `rc-${id}`;
const PREFIX = `spec-resource-customizations-${id}`;
const DEST = 'tls';

/** A cert-manager-style check; `prefix` marks which version of argocd-cm the controller uses. */
const certificateHealth = (prefix: string): string => `
local hs = { status = "Progressing", message = "Waiting for certificate" }
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
for _, c in ipairs(obj.status.conditions) do
  if c.type == "Ready" then
    if c.status == "True" then hs.status = "Healthy" end
    hs.message = "${prefix}" .. c.message
  end
end
return hs
`;

const certificateCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'certificates.cert-manager.io' },
  spec: {
    group: 'cert-manager.io',
    scope: 'Namespaced',
    names: { plural: 'certificates', singular: 'certificate', kind: 'Certificate', listKind: 'CertificateList' },
    versions: [{ name: 'v1', served: true, storage: true, subresources: { status: {} }, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
};

const manifests = {
  'app/certificate.yaml': `apiVersion: cert-manager.io/v1
kind: Certificate
metadata: { name: web-tls }
spec:
  secretName: web-tls
  dnsNames: [web.example.com]
  issuerRef: { name: letsencrypt, kind: ClusterIssuer }
`,
  'app/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "nginx:1.27" }] }
`,
};

describe('argocd-cm resource customizations in the app-controller', () => {
  let dir: string;
  let clusters: Clusters;
  let git: GitRepo;
  let repoServer: RepoServerProcess;
  let controller: RunningService;
  let redis: Redis;

  const app = (): Promise<Application> => clusters.hubKube.get<Application>({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name: 'web' } });
  const argocdCm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argocd-cm', namespace: NS } };
  const certificate = { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { namespace: DEST, name: 'web-tls' } };
  const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: DEST, name: 'web' } };
  const setReady = (status: string, message: string): Promise<unknown> =>
    clusters.spokeKube.patch(certificate, { status: { conditions: [{ type: 'Ready', status, reason: status === 'True' ? 'Ready' : 'Issuing', message }] } }, 'merge', { subresource: 'status' });
  const certificateStatus = async (): Promise<unknown> => (await app()).status?.resources?.find((r) => r.kind === 'Certificate')?.health;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'resource-customizations-spec-'));
    clusters = await startClusters(dir, NS);
    // cert-manager's CRD is installed on the spoke, as it would be before apps use it.
    await installCrds(clusters.spokeKube, [certificateCrd]);
    await clusters.hubKube.create({ ...argocdCm, data: { 'resource.customizations.health.cert-manager.io_Certificate': certificateHealth('') } });
    git = await startGitRepo(dir);
    git.commit(manifests, 'a certificate and a deployment');
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

  it('app health follows the Lua check: Progressing while the Certificate is not Ready, Healthy once it is', async () => {
    await clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'Application',
      metadata: { name: 'web', namespace: NS },
      spec: {
        project: 'default',
        source: { repoURL: git.url, path: 'app', targetRevision: 'main' },
        destination: { server: clusters.spoke.url, namespace: DEST },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
      },
    });
    // Synced, the Deployment Healthy, but the Certificate has no status yet: the script says Progressing.
    await eventually(async () => {
      const a = await app();
      expect(a.status?.operationState?.phase).toBe('Succeeded');
      expect(a.status?.sync?.status).toBe('Synced');
      expect(a.status?.resources?.find((r) => r.kind === 'Deployment')?.health?.status).toBe('Healthy');
      expect(await certificateStatus()).toEqual({ status: 'Progressing', message: 'Waiting for certificate' });
      expect(a.status?.health?.status).toBe('Progressing');
    }, 40_000);

    await setReady('False', 'Issuing certificate as Secret does not exist');
    await eventually(async () => {
      expect(await certificateStatus()).toEqual({ status: 'Progressing', message: 'Issuing certificate as Secret does not exist' });
      expect((await app()).status?.health?.status).toBe('Progressing');
    });

    await setReady('True', 'Certificate is up to date and has not expired');
    await eventually(async () => {
      expect(await certificateStatus()).toEqual({ status: 'Healthy', message: 'Certificate is up to date and has not expired' });
      expect((await app()).status?.health?.status).toBe('Healthy');
    });
    // The resource tree the api-server serves carries the same health.
    await eventually(async () => {
      const tree = JSON.parse((await redis.get(appTreeKey(NS, 'web'))) ?? '{}') as { nodes?: { kind: string; health?: unknown }[] };
      expect(tree.nodes?.find((n) => n.kind === 'Certificate')?.health).toEqual({ status: 'Healthy', message: 'Certificate is up to date and has not expired' });
    });
  }, 90_000);

  it('picks up argocd-cm changes: an ignoreDifferences.apps_Deployment rule keeps the app Synced when live replicas change', async () => {
    // The same edit changes the health message, which shows when the controller has the new argocd-cm.
    await clusters.hubKube.patch(argocdCm, {
      data: {
        'resource.customizations.health.cert-manager.io_Certificate': certificateHealth('cert-manager: '),
        'resource.customizations.ignoreDifferences.apps_Deployment': 'jsonPointers:\n- /spec/replicas\n',
      },
    }, 'merge');
    await eventually(async () => expect(await certificateStatus()).toEqual({ status: 'Healthy', message: 'cert-manager: Certificate is up to date and has not expired' }));
    const syncs = (await app()).status?.history?.length;

    await clusters.spokeKube.patch(deployment, { spec: { replicas: 3 } }, 'merge');
    const changedAt = new Date().toISOString();
    // Two full comparisons after the change (resync is 2 s), with selfHeal on: still Synced, nothing synced back.
    await eventually(async () => {
      const a = await app();
      expect(a.status?.reconciledAt && a.status.reconciledAt > changedAt).toBe(true);
      expect(Date.now() - Date.parse(changedAt)).toBeGreaterThan(3_000);
    }, 20_000);
    const a = await app();
    expect(a.status?.sync?.status).toBe('Synced');
    expect(a.status?.resources?.find((r) => r.kind === 'Deployment')?.status).toBe('Synced');
    expect(a.status?.history).toHaveLength(syncs!);
    expect((await clusters.spokeKube.get<KubeObject & { spec: { replicas: number } }>(deployment)).spec.replicas).toBe(3);
  }, 60_000);

  it('a broken health script makes the Certificate and app Unknown, with a ComparisonError naming the resource', async () => {
    await clusters.hubKube.patch(argocdCm, { data: { 'resource.customizations.health.cert-manager.io_Certificate': 'return { status = obj.status.phase.value }' } }, 'merge');
    await eventually(async () => {
      const a = await app();
      expect(a.status?.health?.status).toBe('Unknown');
      expect(await certificateStatus()).toEqual({ status: 'Unknown', message: "cert-manager.io/Certificate health.lua:1: attempt to index a nil value (field 'phase')" });
      expect(a.status?.conditions).toEqual([
        expect.objectContaining({
          type: 'ComparisonError',
          message: `error setting app health: failed to get resource health for "Certificate" with name "web-tls" in namespace "${DEST}": cert-manager.io/Certificate health.lua:1: attempt to index a nil value (field 'phase')`,
        }),
      ]);
    });
  }, 30_000);
});
