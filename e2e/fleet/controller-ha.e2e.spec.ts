// Two app-controller replicas split the clusters through Redis; killing one moves its clusters to
// the other within the lease time (10 s by default), and every Application is reconciled again.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Application } from '@flotilla/api-types';
import { guestbookDeployment, NAMESPACE, ServiceProcess, startLocalFleet, type LocalFleet } from '@flotilla/local-fleet';
import Redis from 'ioredis';

jest.setTimeout(300_000);

const SPOKES = ['north', 'south', 'east', 'west'];
let dir: string;
let fleet: LocalFleet;
let second: ServiceProcess;
const redis = new Redis('redis://127.0.0.1:6379');
const prefix = `ha${process.pid}`;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as import('node:net').AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function eventually<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, summary: (v: T) => unknown = (v) => v): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  let last: T | undefined;
  while (Date.now() - start < timeoutMs) {
    last = await probe().catch(() => undefined);
    if (last !== undefined && ok(last)) return { value: last, ms: Date.now() - start };
    await new Promise((r) => setTimeout(r, 250));
  }
  const seen = last === undefined ? 'nothing' : JSON.stringify(summary(last))?.slice(0, 1500);
  throw new Error(`timed out waiting for ${what}; last seen: ${seen}\n${logTails()}`);
}

/** The last lines of each service's log, so a timeout under CI says what the services were doing. */
function logTails(lines = 40): string {
  const logs = join(dir, 'logs');
  return ['app-controller', 'app-controller-b', 'repo-server', 'api-server']
    .map((name) => join(logs, `${name}.log`))
    .filter((file) => existsSync(file))
    .map((file) => `--- ${file} (last ${lines} lines)\n${readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')}`)
    .join('\n');
}

const assignment = async (): Promise<Record<string, string>> => {
  const raw = await redis.get(`${prefix}:app-controller:shards:assignment`);
  return raw ? (JSON.parse(raw) as { shards: Record<string, string> }).shards : {};
};
/** What a timeout reports of the apps: the fields the waits look at, not whole objects cut off mid-way. */
const appStates = (apps: Application[]) =>
  apps.map((a) => ({
    name: a.metadata.name,
    sync: a.status?.sync?.status,
    revision: a.status?.sync?.revision,
    health: a.status?.health?.status,
    operation: a.operation ? 'pending' : undefined,
    phase: a.status?.operationState?.phase,
    reconciledAt: a.status?.reconciledAt,
  }));
const syncedAt = (sha: string) => (apps: Application[]) =>
  apps.length === SPOKES.length && apps.every((a) => a.status?.sync?.status === 'Synced' && a.status?.health?.status === 'Healthy' && a.status?.sync?.revision === sha);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-ha-'));
  fleet = await startLocalFleet({
    dir,
    apiPort: 0,
    cliConfig: join(dir, 'cli-config'),
    queuePrefix: prefix,
    spokes: SPOKES,
    resyncSeconds: 600,
    only: ['repo-server', 'api-server', 'app-controller'],
  });
  const first = fleet.services.get('app-controller')!;
  second = new ServiceProcess({
    name: 'app-controller',
    env: { ...first.opts.env, FLOTILLA_OPS_PORT: String(await freePort()), FLOTILLA_CONTROLLER_REPLICA_ID: 'replica-b' },
    opsPort: 0,
    logFile: join(dir, 'logs', 'app-controller-b.log'),
  });
  second.opts.opsPort = Number(second.opts.env.FLOTILLA_OPS_PORT);
  await second.start();
  for (const spoke of SPOKES) {
    await fleet.hubClient.create({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: `guestbook-${spoke}`, namespace: NAMESPACE },
      spec: {
        project: 'default',
        source: { repoURL: fleet.repoUrl, path: 'guestbook', targetRevision: 'main' },
        destination: { server: fleet.spokes.get(spoke)!.url, namespace: 'guestbook' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
      },
    });
  }
});

afterAll(async () => {
  await second?.stop();
  await fleet?.stop();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

it('two replicas share the clusters; killing one moves its clusters to the other and nothing is left unreconciled', async () => {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: fleet.repo.workDir }).toString().trim();
  await eventually('all four apps Synced and Healthy', () => fleet.applications(), syncedAt(head), 120_000, appStates);
  const servers = new Map(SPOKES.map((s) => [fleet.spokes.get(s)!.url, s]));
  const split = await eventually(
    'both replicas to hold spokes',
    assignment,
    (a) => new Set([...servers.keys()].map((s) => a[s])).size === 2,
    30_000,
  );
  const ofB = [...servers.keys()].filter((s) => split.value[s] === 'replica-b');
  expect(ofB.length).toBeGreaterThan(0);
  expect(ofB.length).toBeLessThan(SPOKES.length);

  await second.kill();
  const killedAt = Date.now();
  const moved = await eventually('replica-b to leave the split', assignment, (a) => [...servers.keys()].every((s) => a[s] && a[s] !== 'replica-b'), 30_000);
  expect(Object.values(moved.value).every((id) => id !== 'replica-b')).toBe(true);
  expect(Date.now() - killedAt).toBeLessThan(30_000);

  // A change reaches every cluster, including those replica-b held.
  const sha = await fleet.repo.commit({ 'guestbook/guestbook-ui-deployment.yaml': guestbookDeployment(2) }, 'two replicas');
  for (const spoke of SPOKES) {
    await fleet.hubClient.patch(
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: `guestbook-${spoke}`, namespace: NAMESPACE } },
      { metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } } },
      'merge',
    );
  }
  await eventually('all four apps Synced on the new commit', () => fleet.applications(), syncedAt(sha), 60_000, appStates);
  process.stdout.write(`controller HA: replica-b held ${ofB.length} of ${SPOKES.length} spokes; they moved in ${(moved.ms / 1000).toFixed(1)} s\n`);
});
