import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@flotilla/testing';
import { CHART, find, manifests } from './chart.harness';

// The redis-ha ConfigMap's init script and configs, run as three "pods" on this machine: each pod
// is a loopback address (127.0.0.10-12) standing for its DNS name, /readonly-config, /data and
// /auth are directories here. Fresh, the first pod is master and the others replicate it; a pod
// that restarts after a failover asks the Sentinels and rejoins as a replica of the new master.

const run = promisify(execFile);
const HELM = join(__dirname, '../../.tools/bin/helm');
const POD_HOST = /argocd-redis-ha-server-(\d)\.argocd-redis-ha\.argocd\.svc/g;
const ip = (n: number) => `127.0.0.1${n}`;

let dir: string;
let ports: { redis: number; sentinel: number };
let files: Record<string, string>;
const procs = new Map<string, ChildProcess>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-redis-ha-pods-'));
  ports = { redis: await freePort(), sentinel: await freePort() };
  const values = ['redis-ha.enabled=true', 'redis-ha.auth=true', 'redis-ha.redisPassword=pods-pw', 'redis-ha.sentinel.downAfterMilliseconds=1000'];
  values.push(`redis-ha.redis.port=${ports.redis}`, `redis-ha.sentinel.port=${ports.sentinel}`);
  const { stdout } = await run(HELM, ['template', 'argocd', CHART, '--namespace', 'argocd', ...values.flatMap((v) => ['--set', v])], { env: { ...process.env, HOME: dir } });
  files = find(manifests(stdout), 'ConfigMap', 'argocd-redis-ha-configmap').data as Record<string, string>;
  mkdirSync(join(dir, 'ro'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'ro', name), text);
  mkdirSync(join(dir, 'auth'));
  writeFileSync(join(dir, 'auth', 'password'), 'pods-pw');
});

afterAll(async () => {
  await Promise.all([...procs.values()].map(stop));
  rmSync(dir, { recursive: true, force: true });
});

function stop(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  p.kill('SIGTERM');
  return exited;
}

/** Runs the init script as pod n would, then its redis-server and Sentinel with the configs it wrote. */
async function startPod(n: number): Promise<string> {
  const data = join(dir, `pod${n}`);
  rmSync(data, { recursive: true, force: true });
  mkdirSync(data);
  const script = files['init.sh']
    .replaceAll('/readonly-config', join(dir, 'ro'))
    .replaceAll('/data', data)
    .replaceAll('/auth/password', join(dir, 'auth', 'password'))
    .replace(POD_HOST, (_m, i: string) => ip(Number(i)))
    .replace('me="${HOSTNAME}.argocd-redis-ha.argocd.svc"', `me="${ip(n)}"`);
  const { stdout } = await run('sh', ['-c', script]);
  for (const conf of ['redis.conf', 'sentinel.conf']) {
    const path = join(data, 'conf', conf);
    writeFileSync(path, `bind ${ip(n)}\n${readFileSync(path, 'utf8').replace('dir /data', `dir ${data}`)}`);
  }
  procs.set(`redis${n}`, spawn('redis-server', [join(data, 'conf', 'redis.conf')], { stdio: 'ignore' }));
  procs.set(`sentinel${n}`, spawn('redis-server', [join(data, 'conf', 'sentinel.conf'), '--sentinel'], { stdio: 'ignore' }));
  return stdout.trim();
}

const cli = async (n: number, port: number, ...args: string[]): Promise<string> =>
  (await run('redis-cli', ['-h', ip(n), '-p', String(port), '--no-auth-warning', ...(port === ports.redis ? ['-a', 'pods-pw'] : []), ...args])).stdout.trim();

async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
}

const masterOf = (n: number) => cli(n, ports.sentinel, 'SENTINEL', 'get-master-addr-by-name', 'argocd').then((r) => r.split('\n')[0]);

it('elects the first pod on a fresh install, and a pod restarted after a failover rejoins as a replica of the new master', async () => {
  expect(await startPod(0)).toBe(`redis-ha: ${ip(0)} starts with master ${ip(0)}`);
  await until('pod 0 Sentinel', () => masterOf(0), (m) => m === ip(0));
  expect(await startPod(1)).toBe(`redis-ha: ${ip(1)} starts with master ${ip(0)}`);
  expect(await startPod(2)).toBe(`redis-ha: ${ip(2)} starts with master ${ip(0)}`);
  const sentinelView = (n: number) => cli(n, ports.sentinel, 'SENTINEL', 'master', 'argocd');
  await until('two replicas and three Sentinels', () => sentinelView(0), (v) => /num-slaves\n2\n/.test(v) && /num-other-sentinels\n2\n/.test(v));
  await cli(0, ports.redis, 'SET', 'k', 'v');
  await until('replication', () => cli(1, ports.redis, 'GET', 'k'), (v) => v === 'v');

  // Pod 0 dies with its emptyDir; the Sentinels promote a replica; pod 0 comes back empty.
  await Promise.all([stop(procs.get('redis0')!), stop(procs.get('sentinel0')!)]);
  const promoted = await until('a new master', () => masterOf(1), (m) => m !== ip(0));
  expect(await startPod(0)).toBe(`redis-ha: ${ip(0)} starts with master ${promoted}`);
  await until('pod 0 replicating the new master', () => cli(0, ports.redis, 'ROLE'), (r) => r.startsWith('slave') && r.includes(promoted));
  await until('pod 0 to have synced the data from the new master', () => cli(0, ports.redis, 'GET', 'k'), (v) => v === 'v');
  expect(await masterOf(0)).toBe(promoted);
}, 50_000);
