import * as grpc from '@grpc/grpc-js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { RepoServerClient, RepoServerError } from '@flotilla/clients';
import { GitRepo, startGitRepo } from '@flotilla/testing';
import { AppListStore } from '../cache/app-list.store';
import { ManifestCacheStore } from '../cache/manifest-cache.store';
import { GitQueryService } from '../git/git-query.service';
import { RepoServerGrpcHandler } from '../grpc/repo-server.grpc-handler';
import { ManifestGenerationService } from '../manifests/manifest-generation.service';
import { renderLimitsOf, toolBinariesOf } from '../repo-server.config';
import { releaseSpecRedis, testConfig, testRegistry } from '../testing/test-repository';
import { AppDetailsService } from './app-details.service';

// ListApps and GetAppDetails over gRPC, on a repository served over HTTP, with the real Redis,
// kubectl kustomize and a repository that tries to lead discovery out of its checkout.
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:rs-apps:${process.pid}:${Date.now()}`;
let dir: string;
let outside: string;
let repo: GitRepo;
let server: grpc.Server;
let client: RepoServerClient;
let query: GitQueryService;
let first: string;
let second: string;

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          image: busybox:1.36\n      containers:\n        - name: web\n          image: nginx:1.25\n';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rs-apps-spec-'));
  // A directory outside the repository that looks like an app: nothing in it may be found or read.
  outside = join(dir, 'outside');
  mkdirSync(join(outside, 'app'), { recursive: true });
  writeFileSync(join(outside, 'app', 'Chart.yaml'), 'apiVersion: v2\nname: stolen\nversion: 1.0.0\n');
  writeFileSync(join(outside, 'values.yaml'), 'secret: from-outside\n');
  repo = await startGitRepo(dir, 'apps');
  first = repo.commit(
    {
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'charts/web/values.yaml': 'replicas: 1\nimage:\n  repository: nginx\n  tag: "1.25"\nports: [80, 443]\n',
      'charts/web/values-prod.yaml': 'replicas: 5\nimage:\n  tag: "1.27"\n',
      'charts/web/ci/values-test.yml': 'replicas: 2\n',
      'charts/web/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
      'charts/web/values-stolen.yaml': { symlink: join(outside, 'values.yaml') },
      'base/kustomization.yaml': 'resources:\n  - deploy.yaml\n',
      'base/deploy.yaml': DEPLOY,
      'overlays/dev/kustomization.yaml': 'resources:\n  - ../../base\nimages:\n  - name: nginx\n    newTag: "1.27"\n',
      'both/Chart.yaml': 'apiVersion: v2\nname: both\nversion: 0.1.0\n',
      'both/kustomization.yaml': 'resources: []\n',
      'plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n',
      // Hostile: a link to a directory outside, a kustomization that is a link to a file outside,
      // a climb through `..`, and a link to an in-repo chart (never followed, as Argo's walk does not follow links).
      evil: { symlink: outside },
      'escape/kustomization.yaml': { symlink: '../../../../../../../../etc/passwd' },
      'climb/Chart.yaml': { symlink: `../${'../'.repeat(12)}${outside.slice(1)}/app/Chart.yaml` },
      mirror: { symlink: 'charts/web' },
    },
    'apps',
  );
  second = repo.commit({ 'Chart.yaml': 'apiVersion: v2\nname: root\nversion: 0.1.0\n' }, 'a chart at the root');
  const config = testConfig(dir);
  const repos = testRegistry(config, 60_000);
  const manifests = new ManifestGenerationService(repos, new ManifestCacheStore(redis, 60, `${prefix}:manifests`), { limits: renderLimitsOf(config), tools: toolBinariesOf(config) });
  query = new GitQueryService(repos, { apps: new AppListStore(redis, 60, `${prefix}:apps`) });
  const handler = new RepoServerGrpcHandler(manifests, query, new AppDetailsService(repos, undefined, manifests));
  server = new grpc.Server();
  server.addService(handler.definition, handler.implementation());
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  client = new RepoServerClient(`127.0.0.1:${port}`, { deadlineMs: 60_000 });
}, 60_000);

afterAll(async () => {
  client?.close();
  server?.forceShutdown();
  await repo?.stop();
  await releaseSpecRedis(redis, prefix);
  rmSync(dir, { recursive: true, force: true });
});

const failure = (p: Promise<unknown>): Promise<RepoServerError> =>
  p.then(
    () => Promise.reject(new Error('expected a failure')),
    (e: RepoServerError) => e,
  );

describe('ListApps', () => {
  it('finds Helm and Kustomize directories at a revision; plain directories and links are not apps', async () => {
    expect(await client.listApps({ repo: repo.url }, first)).toEqual({
      'charts/web': 'Helm',
      'overlays/dev': 'Kustomize',
      base: 'Kustomize',
      both: 'Kustomize',
    });
    // HEAD (an empty revision) has the root chart too, reported as `.`.
    expect(await client.listApps({ repo: repo.url }, '')).toEqual({
      '.': 'Helm',
      'charts/web': 'Helm',
      'overlays/dev': 'Kustomize',
      base: 'Kustomize',
      both: 'Kustomize',
    });
  });

  it("remembers a commit's answer in Redis, keyed by repository and commit", async () => {
    await client.listApps({ repo: repo.url }, 'main');
    const keys = await redis.keys(`${prefix}:apps:*:${second}`);
    expect(keys).toHaveLength(1);
    expect(JSON.parse((await redis.get(keys[0]))!)).toMatchObject({ '.': 'Helm', 'charts/web': 'Helm' });
  });

  it('names a revision that does not exist, and a tree over the bound', async () => {
    const missing = await failure(client.listApps({ repo: repo.url }, 'no-such-branch'));
    expect(missing.code).toBe(grpc.status.NOT_FOUND);
    expect(missing.message).toContain("unable to resolve 'no-such-branch'");

    const small = new GitQueryService(testRegistry(testConfig(join(dir, 'bounded'))), { maxEntries: 5 });
    await expect(small.listApps(repo.url, {}, first)).rejects.toThrow(/the repository holds 16 files, over the 5 files application discovery walks/);
  });
});

describe('GetAppDetails', () => {
  it("Helm: the chart's value files, values.yaml's text and its parameters overlaid with the selected value files", async () => {
    const source = { repoURL: repo.url, path: 'charts/web', targetRevision: first, helm: { valueFiles: ['values-prod.yaml', 'values-stolen.yaml'], fileParameters: [{ name: 'cfg', path: 'files/cfg.txt' }] } };
    const details = await client.appDetails({ repo: repo.url }, source);
    expect(details).toEqual({
      type: 'Helm',
      details: {
        revision: first,
        helm: {
          // The link to a file outside is not in the checkout, so it is neither listed nor read.
          valueFiles: ['ci/values-test.yml', 'values-prod.yaml', 'values.yaml'],
          values: 'replicas: 1\nimage:\n  repository: nginx\n  tag: "1.25"\nports: [80, 443]\n',
          parameters: [
            { name: 'replicas', value: '5' },
            { name: 'image.repository', value: 'nginx' },
            { name: 'image.tag', value: '1.27' },
            { name: 'ports[0]', value: '80' },
            { name: 'ports[1]', value: '443' },
          ],
          fileParameters: [{ name: 'cfg', path: 'files/cfg.txt' }],
        },
      },
    });
    expect(JSON.stringify(details)).not.toContain('from-outside');
  });

  it('Kustomize: every container image the overlay builds, sorted; Directory: the type alone', async () => {
    expect(await client.appDetails({ repo: repo.url }, { repoURL: repo.url, path: 'overlays/dev', targetRevision: first })).toEqual({
      type: 'Kustomize',
      details: { revision: first, kustomize: { images: ['busybox:1.36', 'nginx:1.27'] } },
    });
    expect(await client.appDetails({ repo: repo.url }, { repoURL: repo.url, path: 'plain', targetRevision: first })).toEqual({ type: 'Directory', details: { revision: first } });
  });

  it('refuses a path that leads out of the repository through a link, and one that is not there', async () => {
    const out = await failure(client.appDetails({ repo: repo.url }, { repoURL: repo.url, path: 'evil/app', targetRevision: first }));
    expect(out.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(out.message).toBe(`evil/app: app path does not exist at ${first.slice(0, 7)}`);
    const none = await failure(client.appDetails({ repo: repo.url }, { repoURL: repo.url, path: 'nowhere', targetRevision: first }));
    expect(none.message).toContain('nowhere: app path does not exist');
  });
});
