// Start-up cost of each service run as TypeScript through @swc-node/register (as npm start did) and as
// the compiled JavaScript of `npm run build`: time from spawn to /readyz answering 200, and the
// process's resident memory at that moment. Medians of BENCH_RUNS starts (default 3) per service and
// way, alternating the two ways so the machine's load weighs on both alike. Needs Redis on 6379;
// the hub is an in-process kube-sim with the namespace and CRDs in place, as after the api-server's first start.
// Run: npm run bench:startup (builds dist/ first)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { flotillaCrds } from '@flotilla/api-types';
import { serviceEntry } from '@flotilla/build';
import { renderKubeconfig, startKubeSim } from '@flotilla/kube-sim';
import { isAlreadyExists, kubeClientFromKubeconfig } from '@flotilla/platform';

const ROOT = join(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const READY_TIMEOUT_MS = 120_000;
const NAMESPACE = 'argocd';
const SERVICES = ['repo-server', 'api-server', 'app-controller', 'appset-controller', 'notifier'] as const;
type Service = (typeof SERVICES)[number];
type Way = 'typescript' | 'compiled';

interface Sample {
  readyMs: number;
  rssBytes: number;
}

/** The environment local-fleet gives each service, with fresh ports and a queue prefix of its own per start. */
function serviceEnv(service: Service, kubeconfig: string, dir: string, [port, opsPort]: number[], run: string): Record<string, string> {
  const common = {
    FLOTILLA_KUBECONFIG: kubeconfig,
    FLOTILLA_KUBE_CONTEXT: 'hub',
    FLOTILLA_NAMESPACE: NAMESPACE,
    FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379',
    FLOTILLA_QUEUE_PREFIX: `flotilla-bench-startup-${run}`,
    FLOTILLA_LOG_LEVEL: 'warn',
  };
  // Nothing listens there: start-up does not wait for the repo-server, so each service is measured alone.
  const repoServer = { FLOTILLA_REPO_SERVER: `127.0.0.1:${port}` };
  switch (service) {
    case 'repo-server':
      return {
        ...common,
        FLOTILLA_REPO_SERVER_PORT: String(port),
        FLOTILLA_REPO_SERVER_OPS_PORT: String(opsPort),
        FLOTILLA_REPO_CACHE_DIR: join(dir, run),
      };
    case 'api-server':
      return { ...common, ...repoServer, FLOTILLA_API_PORT: String(port), FLOTILLA_OPS_PORT: String(opsPort) };
    case 'app-controller':
    case 'appset-controller':
      return { ...common, ...repoServer, FLOTILLA_OPS_PORT: String(opsPort) };
    case 'notifier':
      return { ...common, FLOTILLA_OPS_PORT: String(opsPort) };
  }
}

async function startOnce(service: Service, way: Way, kubeconfig: string, dir: string, run: string): Promise<Sample> {
  const ports = await freePorts(2);
  const entry = way === 'compiled' ? serviceEntry(join(ROOT, 'dist'), service) : join(ROOT, 'services', service, 'src', 'main.ts');
  const args = way === 'compiled' ? [entry] : ['-r', '@swc-node/register', entry];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      ...serviceEnv(service, kubeconfig, dir, ports, run),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  try {
    await waitReady(child, ports[1], () => stderr);
    const readyMs = performance.now() - started;
    return { readyMs, rssBytes: rssOf(child.pid!) };
  } finally {
    await stop(child);
  }
}

async function waitReady(child: ChildProcess, opsPort: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} during start-up: ${stderr()}`);
    const ok = await fetch(`http://127.0.0.1:${opsPort}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    // Short, so the figure is the service's start-up and not the polling's.
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not ready within ${READY_TIMEOUT_MS / 1000}s: ${stderr()}`);
}

/** Resident set size as the kernel counts it (VmRSS), what a container's memory limit is compared with. */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  child.kill('SIGTERM');
  await exited;
  clearTimeout(timer);
}

async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve) => {
          const s = createServer();
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'startup-bench-'));
  const hub = await startKubeSim({ name: 'hub' });
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, renderKubeconfig([hub.access()]), { mode: 0o600 });
  const client = kubeClientFromKubeconfig(kubeconfig, 'hub');
  for (const obj of [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } }, ...flotillaCrds()])
    await client.create(obj).catch((err) => {
      if (!isAlreadyExists(err)) throw err;
    });

  const rows: string[][] = [];
  try {
    for (const service of SERVICES) {
      const samples: Record<Way, Sample[]> = { typescript: [], compiled: [] };
      for (let i = 0; i < RUNS; i++)
        for (const way of ['typescript', 'compiled'] as const)
          samples[way].push(await startOnce(service, way, kubeconfig, dir, `${process.pid}-${service}-${way}-${i}`));
      const ready = (w: Way): number => median(samples[w].map((s) => s.readyMs));
      const rss = (w: Way): number => median(samples[w].map((s) => s.rssBytes));
      rows.push([service, secs(ready('typescript')), secs(ready('compiled')), mib(rss('typescript')), mib(rss('compiled'))]);
      process.stdout.write(`${service}: done\n`);
    }
  } finally {
    // The services' queues and leases, left in the shared Redis by every start.
    const redis = new Redis({ host: '127.0.0.1', port: 6379 });
    for await (const keys of redis.scanStream({ match: `flotilla-bench-startup-${process.pid}-*`, count: 500 }))
      if ((keys as string[]).length) await redis.del(...(keys as string[]));
    redis.disconnect();
    client.close();
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['service', 'ready (swc-node)', 'ready (dist)', 'RSS (swc-node)', 'RSS (dist)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  process.stdout.write(
    `\nService start-up, median of ${RUNS} (swc-node = node -r @swc-node/register main.ts; dist = node dist/…/main.js)\n`,
  );
  process.stdout.write(`${[line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
