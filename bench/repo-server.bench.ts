// repo-server's rendering figures: renders/sec cold and cached for Helm, Kustomize and directory
// sources, cache-hit latency (goal < 5 ms), and peak memory while 50 apps of one repository render
// after a commit. Uses the real git, helm, kubectl kustomize and Redis (127.0.0.1:6379).
// Run: SWC_NODE_PROJECT=tsconfig.base.json node --expose-gc -r @swc-node/register bench/repo-server.bench.ts
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Redis from 'ioredis';
import { ManifestCacheStore } from '../services/repo-server/src/cache/manifest-cache.store';
import { RepositoryRegistry } from '../services/repo-server/src/git/repository.registry';
import { ManifestGenerationService, ManifestRequest } from '../services/repo-server/src/manifests/manifest-generation.service';
import { gitTransportOf, loadRepoServerConfig, renderLimitsOf, toolBinariesOf } from '../services/repo-server/src/repo-server.config';

const APPS_PER_TYPE = Number(process.env.BENCH_APPS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const root = mkdtempSync(join(tmpdir(), 'repo-server-bench-'));
const origin = join(root, 'origin');
const url = `file://${origin}`;
const redis = new Redis({ host: '127.0.0.1', port: 6379 });
const prefix = `flotilla-bench:repo-server:${process.pid}`;

const git = (...args: string[]): string => execFileSync('git', args, { cwd: origin, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@e', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@e' } }).toString().trim();
const write = (path: string, content: string): void => {
  mkdirSync(dirname(join(origin, path)), { recursive: true });
  writeFileSync(join(origin, path), content);
};
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** 50-ish apps in one repository: Helm charts, Kustomize overlays over one base, plain directories. */
function writeApps(generation: number): void {
  write('base/kustomization.yaml', 'resources: [deploy.yaml, svc.yaml]\n');
  write('base/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers: [{name: api, image: example/api:1.0}]\n');
  write('base/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {ports: [{port: 80}]}\n');
  for (let i = 0; i < APPS_PER_TYPE; i++) {
    write(`helm/app-${i}/Chart.yaml`, `apiVersion: v2\nname: app-${i}\nversion: 0.1.${generation}\n`);
    write(`helm/app-${i}/values.yaml`, `replicas: ${generation + 1}\nimage: nginx:1.${i}\n`);
    for (const kind of ['deployment', 'service', 'configmap']) {
      write(`helm/app-${i}/templates/${kind}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-${kind}\n  labels: {app: {{ .Release.Name | quote }}}\ndata:\n  replicas: {{ .Values.replicas | quote }}\n  image: {{ .Values.image | quote }}\n`);
    }
    write(`kustomize/app-${i}/kustomization.yaml`, `resources: [../../base]\nnamePrefix: app-${i}-\ncommonLabels: {generation: "${generation}"}\n`);
    write(`plain/app-${i}/deploy.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}}\nspec:\n  replicas: ${generation + 1}\n`);
    write(`plain/app-${i}/cm.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-${i}}\ndata: {generation: "${generation}"}\n`);
  }
  git('add', '-A');
  git('commit', '-q', '-m', `generation ${generation}`);
}

const requests = (type: 'helm' | 'kustomize' | 'plain', count = APPS_PER_TYPE): ManifestRequest[] =>
  Array.from({ length: count }, (_, i) => ({
    source: { repoURL: url, path: `${type}/app-${i}`, targetRevision: 'main', ...(type === 'kustomize' ? { kustomize: { images: [`example/api:1.${i}`] } } : {}) },
    appName: `${type}-${i}`,
    namespace: 'bench',
  }));

async function pool<T>(items: T[], fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

async function throughput(service: ManifestGenerationService, label: string, reqs: ManifestRequest[], noCache: boolean): Promise<void> {
  const started = performance.now();
  await pool(reqs, async (r) => {
    const out = await service.generate({ ...r, noCache });
    if (out.fromCache === noCache) throw new Error(`${label}: expected fromCache=${!noCache}`);
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(34)} ${(reqs.length / seconds).toFixed(1).padStart(8)} renders/s   (${reqs.length} apps, ${CONCURRENCY} at once)`);
}

async function main(): Promise<void> {
  mkdirSync(origin);
  git('init', '-q', '-b', 'main');
  writeApps(0);
  const config = loadRepoServerConfig({ PATH: `${resolve(__dirname, '../.tools/bin')}:${process.env.PATH ?? ''}`, FLOTILLA_REPO_CACHE_DIR: join(root, 'cache'), FLOTILLA_REPO_ALLOW_LOCAL_URLS: 'true' }); // the origin is a file:// repository
  const service = new ManifestGenerationService(new RepositoryRegistry(config.FLOTILLA_REPO_CACHE_DIR, 60_000, Date.now, gitTransportOf(config)), new ManifestCacheStore(redis, 600, prefix), {
    limits: renderLimitsOf(config),
    tools: toolBinariesOf(config),
    parallelismLimit: CONCURRENCY,
  });
  await service.generate(requests('plain', 1)[0]); // clone once, outside the figures
  console.log(`repo-server render benchmark (${APPS_PER_TYPE} apps per type, ${CONCURRENCY} concurrent renders)`);
  for (const type of ['helm', 'kustomize', 'plain'] as const) {
    await throughput(service, `${type} cold (render, noCache)`, requests(type), true);
    await throughput(service, `${type} cached (Redis hit)`, requests(type), false);
  }

  const hits: number[] = [];
  const hit = requests('helm', 1)[0];
  for (let i = 0; i < 500; i++) {
    const started = performance.now();
    await service.generate(hit);
    hits.push(performance.now() - started);
  }
  hits.sort((a, b) => a - b);
  console.log(`cache hit latency (GenerateManifest)   p50 ${hits[250].toFixed(2)} ms   p99 ${hits[495].toFixed(2)} ms   max ${hits[499].toFixed(2)} ms`);

  // A commit touching every app, then 50 apps of the repository rendering at once.
  (globalThis as { gc?: () => void }).gc?.();
  writeApps(1);
  const fifty = [...requests('helm', 17), ...requests('kustomize', 17), ...requests('plain', 16)].map((r) => ({ ...r, noRevisionCache: true }));
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);
  const started = performance.now();
  const outs = await Promise.all(fifty.map((r) => service.generate(r)));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (outs.some((o) => o.fromCache)) throw new Error('the new commit should render every app');
  console.log(`50 apps after a commit                 ${seconds.toFixed(2)} s   peak RSS ${mib(peakRss)} (baseline ${mib(baseline.rss)})   peak heap ${mib(peakHeap)}   parallelismLimit ${CONCURRENCY}`);

  // A commit outside every app's paths: with manifest-generate-paths the 50 renders are reused, no tool runs.
  const annotated = fifty.map((r) => ({ ...r, manifestGeneratePaths: '.' }));
  await Promise.all(annotated.map((r) => service.generate(r)));
  write('docs/CHANGELOG.md', `generation 2 at ${Date.now()}\n`);
  git('add', '-A');
  git('commit', '-q', '-m', 'docs only');
  const reuseStarted = performance.now();
  const reused = await Promise.all(annotated.map((r) => service.generate(r)));
  const reuseSeconds = (performance.now() - reuseStarted) / 1000;
  if (reused.some((o) => !o.reusedFrom)) throw new Error('a docs-only commit should reuse every render');
  console.log(`50 apps after a docs-only commit       ${reuseSeconds.toFixed(2)} s   (manifest-generate-paths: renders reused, none run)`);

  // What the gzipped cache costs in Redis against the JSON it holds.
  const keys = await redis.keys(`${prefix}:*`);
  const entries = keys.filter((k) => !k.includes(':last:') && !k.endsWith(':failures'));
  let stored = 0;
  let raw = 0;
  for (const key of entries) {
    const value = await redis.getBuffer(key);
    if (!value) continue;
    stored += value.length;
    raw += gunzipSync(value).length;
  }
  console.log(`manifest cache in Redis                ${entries.length} entries   ${(stored / 1024).toFixed(0)} KiB gzipped   ${(raw / 1024).toFixed(0)} KiB as JSON   (${(raw / stored).toFixed(1)}x)`);
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    rmSync(root, { recursive: true, force: true });
  });
