import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import Redis from 'ioredis';
import pino from 'pino';
import { RepoServerClient } from '@flotilla/clients';
import { createGrpcServer, MetricsRegistry } from '@flotilla/platform';
import { ManifestCacheStore } from '../cache/manifest-cache.store';
import { AppDetailsService } from '../details/app-details.service';
import { GitQueryService } from '../git/git-query.service';
import { ManifestGenerationService } from '../manifests/manifest-generation.service';
import { renderLimitsOf, toolBinariesOf } from '../repo-server.config';
import { releaseSpecRedis, runCli, testConfig, testRegistry, TestRepository, yamlObjects } from '../testing/test-repository';
import { RepoServerGrpcHandler } from './repo-server.grpc-handler';

// Every source type through the gRPC API, compared with what helm and kubectl kustomize print.
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:rs-render:${process.pid}:${Date.now()}`;
const repo = new TestRepository();
let server: grpc.Server;
let client: RepoServerClient;
let sha: string;

beforeAll(async () => {
  repo
    .write('charts/common/Chart.yaml', 'apiVersion: v2\nname: common\nversion: 0.1.0\n')
    .write('charts/common/templates/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-common\ndata:\n  cluster: {{ .Values.global.cluster | quote }}\n')
    .write('charts/web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 0.1.0\n    repository: file://../common\n')
    .write('charts/web/values.yaml', 'replicas: 1\nimage:\n  repository: nginx\n  tag: "1.0"\nglobal:\n  cluster: none\nlabels: {}\n')
    .write('charts/web/values-in-cluster.yaml', 'replicas: 2\nglobal:\n  cluster: in-cluster\n')
    .write('charts/web/values-prod.yaml', 'replicas: 5\nglobal:\n  cluster: prod\n')
    .write('charts/web/crds/crd.yaml', 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]\n')
    .write(
      'charts/web/templates/deployment.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  namespace: {{ .Release.Namespace }}\n  labels: {{ toYaml .Values.labels | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicas }}\n  template:\n    spec:\n      containers:\n        - name: web\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n',
    )
    .write('charts/web/templates/test.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-test\n  annotations:\n    helm.sh/hook: test\nspec:\n  containers: [{name: t, image: busybox}]\n')
    .write('kustomize/base/kustomization.yaml', 'resources:\n  - deploy.yaml\n  - svc.yaml\n')
    .write('kustomize/base/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: api\n          image: example/api:1.0\n')
    .write('kustomize/base/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports: [{port: 80}]\n')
    .write('kustomize/overlays/prod/kustomization.yaml', 'resources:\n  - ../../base\nnamePrefix: prod-\n')
    .write('jsonnet/lib/labels.libsonnet', '{ labels(app):: { app: app } }\n')
    .write('jsonnet/app/main.jsonnet', "local l = import 'labels.libsonnet';\nfunction(name, replicas) [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: name, labels: l.labels(name) }, spec: { replicas: replicas } }]\n")
    .write('plain/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "1"\n')
    .write('plain/list.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: s1}\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: s2}\n');
  sha = repo.commit();
  const config = testConfig(repo.root);
  const repos = testRegistry(config, 60_000);
  const manifests = new ManifestGenerationService(repos, new ManifestCacheStore(redis, 60, prefix), { limits: renderLimitsOf(config), tools: toolBinariesOf(config), parallelismLimit: 4 });
  const handler = new RepoServerGrpcHandler(manifests, new GitQueryService(repos), new AppDetailsService(repos));
  server = createGrpcServer({ handlers: [handler], metrics: new MetricsRegistry('repo-server-spec', { defaultMetrics: false }), logger: pino({ level: 'silent' }) });
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  client = new RepoServerClient(`127.0.0.1:${port}`, { deadlineMs: 60_000 });
});

afterAll(async () => {
  client.close();
  server.forceShutdown();
  await releaseSpecRedis(redis, prefix);
  repo.dispose();
});

/** A copy of the committed tree to run the real tools on, as a user's checkout would be. */
const userCheckout = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'repo-server-expected-'));
  cpSync(repo.dir, dir, { recursive: true, filter: (src) => !src.includes('/.git') });
  return dir;
};

describe('GenerateManifest renders what the real tools print', () => {
  it('Helm: local dependency, a values file per cluster, parameters, CRDs and test hooks', async () => {
    const cluster = 'prod';
    const helm = { valueFiles: [`values-${cluster}.yaml`], parameters: [{ name: 'image.tag', value: '1.25', forceString: true }, { name: 'labels.team', value: 'a,b' }] };
    const out = await client.generateManifest({ repo: { repo: repo.url }, source: { repoURL: repo.url, path: 'charts/web', targetRevision: 'main', helm }, appName: 'web', namespace: 'shop' });
    expect(out).toMatchObject({ revision: sha, sourceType: 'Helm', fromCache: false });

    const chart = join(userCheckout(), 'charts/web');
    runCli('helm', ['dependency', 'build'], chart);
    const expected = yamlObjects(runCli('helm', ['template', '.', '--name-template', 'web', '--namespace', 'shop', '--set-string', 'image.tag=1.25', '--set', 'labels.team=a\\,b', '--values', 'values-prod.yaml', '--include-crds'], chart));
    expect(out.manifests).toEqual(expected);
    expect(out.manifests.map((m) => `${m.kind}/${m.metadata?.name}`)).toEqual(['CustomResourceDefinition/widgets.example.com', 'ConfigMap/web-common', 'Deployment/web', 'Pod/web-test']);
    expect(out.manifests.find((m) => m.kind === 'Pod')?.metadata?.annotations).toEqual({ 'helm.sh/hook': 'test' });

    const other = await client.generateManifest({ repo: { repo: repo.url }, source: { repoURL: repo.url, path: 'charts/web', helm: { valueFiles: ['values-in-cluster.yaml'], skipCrds: true, skipTests: true } }, appName: 'web' });
    expect(other.manifests.map((m) => m.kind)).toEqual(['ConfigMap', 'Deployment']);
    expect(other.manifests[0]).toMatchObject({ data: { cluster: 'in-cluster' } });
    expect((await client.generateManifest({ repo: { repo: repo.url }, source: { repoURL: repo.url, path: 'charts/web', targetRevision: 'main', helm }, appName: 'web', namespace: 'shop' })).fromCache).toBe(true);
  });

  it('Kustomize: an overlay over a local base with image, prefix, label and replica overrides', async () => {
    const kustomize = { images: ['example/api=registry.local/api:${ARGOCD_APP_REVISION_SHORT}'], nameSuffix: '-v2', commonLabels: { app: 'api' }, replicas: [{ name: 'api', count: 3 }] };
    const out = await client.generateManifest({ repo: { repo: repo.url }, source: { repoURL: repo.url, path: 'kustomize/overlays/prod', kustomize }, appName: 'api' });
    expect(out.sourceType).toBe('Kustomize');

    const checkout = userCheckout();
    writeFileSync(
      join(checkout, 'kustomize/overlays/prod/kustomization.yaml'),
      `resources:\n  - ../../base\nnamePrefix: prod-\nnameSuffix: -v2\nimages:\n  - name: example/api\n    newName: registry.local/api\n    newTag: "${sha.slice(0, 7)}"\nreplicas:\n  - name: api\n    count: 3\ncommonLabels:\n  app: api\n`,
    );
    expect(out.manifests).toEqual(yamlObjects(runCli('kubectl', ['kustomize', 'kustomize/overlays/prod'], checkout)));
    expect(JSON.stringify(out.manifests)).toContain(`registry.local/api:${sha.slice(0, 7)}`);
  });

  it('Jsonnet with tlas (string and code) and a library path; a plain directory with a List', async () => {
    const jsonnet = { tlas: [{ name: 'name', value: '$ARGOCD_APP_NAME' }, { name: 'replicas', value: '2 + 1', code: true }], libs: ['jsonnet/lib'] };
    const out = await client.generateManifest({ repo: { repo: repo.url }, source: { repoURL: repo.url, path: 'jsonnet/app', directory: { jsonnet } }, appName: 'dash' });
    expect(out.manifests).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'dash', labels: { app: 'dash' } }, spec: { replicas: 3 } }]);

    const plain = await client.generateManifest({ repo: { repo: repo.url }, source: { repoURL: repo.url, path: 'plain' } });
    expect(plain.sourceType).toBe('Directory');
    expect(plain.manifests).toEqual([...yamlObjects('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "1"\n'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's1' } }, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's2' } }]);
  });

  it('multi-source: $ref value files from another repository; GetAppDetails lists value files and parameters', async () => {
    const values = new TestRepository();
    try {
      values.write('envs/prod.yaml', 'replicas: 7\n');
      values.commit();
      const out = await client.generateManifest({
        repo: { repo: repo.url },
        source: { repoURL: repo.url, path: 'charts/web', helm: { valueFiles: ['$values/envs/prod.yaml'] } },
        appName: 'web',
        refSources: { values: { repo: { repo: values.url }, targetRevision: 'main' } },
      });
      expect(out.manifests.find((m) => m.kind === 'Deployment')).toMatchObject({ spec: { replicas: 7 } });
    } finally {
      values.dispose();
    }
    const details = await client.appDetails({ repo: repo.url }, { repoURL: repo.url, path: 'charts/web', helm: { valueFiles: ['values-prod.yaml'] } });
    expect(details.type).toBe('Helm');
    expect(details.details.helm).toEqual({
      valueFiles: ['values-in-cluster.yaml', 'values-prod.yaml', 'values.yaml'],
      values: 'replicas: 1\nimage:\n  repository: nginx\n  tag: "1.0"\nglobal:\n  cluster: none\nlabels: {}\n',
      parameters: [
        { name: 'replicas', value: '5' },
        { name: 'image.repository', value: 'nginx' },
        { name: 'image.tag', value: '1.0' },
        { name: 'global.cluster', value: 'prod' },
      ],
    });
  });
});
