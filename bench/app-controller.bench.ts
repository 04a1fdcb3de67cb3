// The app-controller at fleet scale: 1,000 Applications over 20 kube-sim spokes (50 per spoke, 50
// distinct paths in one git repository), with repo-server, api-server and app-controller as real
// processes. Prints: time from creation to all Synced/Healthy, time from a commit touching every app
// to all Synced on the new revision, reconcile throughput, p50/p95 refresh latency, controller memory.
// Run: npm run bench:app-controller   (BENCH_CLUSTERS, BENCH_APPS_PER_CLUSTER, BENCH_PATHS to scale)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Application } from '@flotilla/api-types';
import { NAMESPACE, startLocalFleet, type LocalFleet } from '@flotilla/local-fleet';
import { stringify } from 'yaml';

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 20);
const PER_CLUSTER = Number(process.env.BENCH_APPS_PER_CLUSTER ?? 50);
const PATHS = Number(process.env.BENCH_PATHS ?? 50);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 1200) * 1000;

const pad = (i: number): string => String(i).padStart(2, '0');
const appFiles = (version: string): Record<string, string> => {
  const files: Record<string, string> = {};
  for (let p = 0; p < PATHS; p++) {
    const name = `svc-${pad(p)}`;
    files[`apps/${name}/deployment.yaml`] = stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image: `registry.example.com/${name}:${version}` }] } },
      },
    });
    files[`apps/${name}/config.yaml`] = stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config` }, data: { version } });
  }
  return files;
};

const rss = (pid: number | undefined): { rss: number; peak: number } => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
};
/** Where the memory is, from the controller's own /metrics: its JS heap, memory outside it, and the rest. */
async function breakdown(opsPort: number, rssMiB: number): Promise<string> {
  const text = await fetch(`http://127.0.0.1:${opsPort}/metrics`).then((r) => r.text());
  const mib = (name: string): number => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 1024 / 1024;
  const heapUsed = mib('nodejs_heap_size_used_bytes');
  const heapTotal = mib('nodejs_heap_size_total_bytes');
  const external = mib('nodejs_external_memory_bytes');
  const rest = rssMiB - heapTotal - external;
  return `JS heap ${heapUsed.toFixed(0)} of ${heapTotal.toFixed(0)} MiB, external ${external.toFixed(0)} MiB, rest (worker threads, code, native) ${rest.toFixed(0)} MiB`;
}
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function until(fleet: LocalFleet, what: string, done: (apps: Application[]) => number): Promise<number> {
  const start = Date.now();
  let lastReport = 0;
  for (;;) {
    const apps = await fleet.applications();
    const count = done(apps);
    if (count >= CLUSTERS * PER_CLUSTER) return Date.now() - start;
    if (Date.now() - start > TIMEOUT_MS) throw new Error(`${what}: only ${count} of ${CLUSTERS * PER_CLUSTER} after ${secs(TIMEOUT_MS)}`);
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      process.stderr.write(`  … ${what}: ${count}/${CLUSTERS * PER_CLUSTER} after ${secs(Date.now() - start)}\n`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'flotilla-bench-'));
  const spokes = Array.from({ length: CLUSTERS }, (_, i) => `spoke-${pad(i)}`);
  process.stderr.write(`starting ${CLUSTERS} spokes and the services…\n`);
  const fleet = await startLocalFleet({
    dir,
    apiPort: 0,
    cliConfig: join(dir, 'cli-config'),
    queuePrefix: `bench${process.pid}`,
    spokes,
    resyncSeconds: 600,
    only: ['repo-server', 'api-server', 'app-controller'],
  });
  try {
    const base = await fleet.repo.commit(appFiles('v1'), 'bench: 50 services');
    const controller = fleet.services.get('app-controller')!;
    const servers = new Map([...fleet.spokes].map(([name, sim]) => [name, sim.url]));

    process.stderr.write(`creating ${CLUSTERS * PER_CLUSTER} Applications…\n`);
    const created = Date.now();
    const names: string[] = [];
    for (const spoke of spokes) {
      await Promise.all(
        Array.from({ length: PER_CLUSTER }, (_, i) => {
          const path = `apps/svc-${pad(i % PATHS)}`;
          const name = `${spoke}-svc-${pad(i)}`;
          names.push(name);
          return fleet.hubClient.create({
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'Application',
            metadata: { name, namespace: NAMESPACE },
            spec: {
              project: 'default',
              source: { repoURL: fleet.repoUrl, path, targetRevision: 'main' },
              destination: { server: servers.get(spoke), namespace: `svc-${pad(i)}` },
              syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
            },
          });
        }),
      );
    }
    const healthy = (sha: string) => (apps: Application[]) =>
      apps.filter((a) => a.status?.sync?.status === 'Synced' && a.status?.health?.status === 'Healthy' && a.status?.sync?.revision === sha).length;
    await until(fleet, 'first sync', healthy(base));
    const coldTotal = Date.now() - created;
    const afterCold = rss(controller.pid);
    const coldBreakdown = await breakdown(controller.opts.opsPort, afterCold.rss);

    // A commit touching every app; then a refresh request per app, as a git webhook would make.
    const sha = await fleet.repo.commit(appFiles('v2'), 'bench: v2 everywhere');
    const committed = Date.now();
    await Promise.all(
      names.map((name) =>
        fleet.hubClient.patch(
          { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name, namespace: NAMESPACE } },
          { metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } } },
          'merge',
        ),
      ),
    );
    const commitMs = await until(fleet, 'commit to all Synced', healthy(sha));
    const afterCommit = rss(controller.pid);
    const commitBreakdown = await breakdown(controller.opts.opsPort, afterCommit.rss);

    // Refresh latency on a quiet fleet: one app at a time, from the annotation to a new reconciledAt.
    const latencies: number[] = [];
    for (let i = 0; i < 40; i++) {
      const name = names[(i * 37) % names.length];
      const ref = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name, namespace: NAMESPACE } };
      const before = (await fleet.hubClient.get<Application>(ref)).status?.reconciledAt;
      const start = Date.now();
      await fleet.hubClient.patch(ref, { metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } } }, 'merge');
      for (;;) {
        const app = await fleet.hubClient.get<Application>(ref);
        if (app.status?.reconciledAt !== before && !app.metadata.annotations?.['argocd.argoproj.io/refresh']) break;
        if (Date.now() - start > 60_000) throw new Error(`refresh of ${name} not seen within 60 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
      latencies.push(Date.now() - start);
      // reconciledAt has a resolution of one second: wait for the next second before the next sample.
      await new Promise((r) => setTimeout(r, 1000));
    }

    const total = CLUSTERS * PER_CLUSTER;
    const lines = [
      `app-controller bench: ${total} Applications, ${CLUSTERS} clusters, ${PATHS} paths in one repo`,
      `  creation → all Synced/Healthy:    ${secs(coldTotal)} (${(total / (coldTotal / 1000)).toFixed(1)} apps/s)`,
      `  commit → all Synced/Healthy:      ${secs(commitMs)} (${(total / (commitMs / 1000)).toFixed(1)} apps/s reconciled and synced)`,
      `  refresh latency (40 samples):     p50 ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, max ${Math.max(...latencies)} ms`,
      `  controller memory:                ${afterCold.rss.toFixed(0)} MiB after first sync, ${afterCommit.rss.toFixed(0)} MiB after commit, peak ${afterCommit.peak.toFixed(0)} MiB`,
      `    after first sync: ${coldBreakdown}`,
      `    after commit:     ${commitBreakdown}`,
      `  (commit issued at ${new Date(committed).toISOString()}; refresh requested per app, as a webhook does)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await fleet.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
