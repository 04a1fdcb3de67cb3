import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { createLogger, defineQueue, LeaderElection, loadConfig, platformEnv, QueueFactory, RedisClient } from '@flotilla/platform';
import { eventually, RepoServerProcess, SentinelGroup, startRepoServer, startSentinelGroup } from '@flotilla/testing';

// Redis HA as the chart's redis-ha runs it: a master, a replica and three Sentinels. A service's
// queues, leases and pub/sub go through libs/platform's RedisClient, configured from the
// FLOTILLA_REDIS_* environment, and carry on when the master is failed over or killed.

const PASSWORD = 'pw-7f3a9c';
const logs: string[] = [];
const logger = createLogger('failover-spec', 'info', new Writable({ write: (c: Buffer, _e, cb) => (logs.push(c.toString()), cb()) }));

let group: SentinelGroup;
let repoServer: RepoServerProcess;
let dir: string;
let redis: RedisClient;
let queues: QueueFactory;
const processed = new Map<string, number>();
const work = defineQueue<{ n: number }>('work');

beforeAll(async () => {
  group = await startSentinelGroup({ password: PASSWORD });
  const config = loadConfig(z.object(platformEnv), { ...group.env, FLOTILLA_QUEUE_PREFIX: 'failover' });
  redis = new RedisClient(config, logger);
  queues = new QueueFactory({ connection: redis, prefix: config.FLOTILLA_QUEUE_PREFIX, logger });
  queues.worker(work, (_data, job) => Promise.resolve(void processed.set(job.id!, (processed.get(job.id!) ?? 0) + 1)), { concurrency: 4 });
  queues.start();
  // A service as a process, configured only by the FLOTILLA_REDIS_* environment (the URL leads nowhere).
  dir = mkdtempSync(join(tmpdir(), 'flotilla-failover-'));
  repoServer = await startRepoServer(dir, 'failover-repo', { ...group.env, FLOTILLA_REDIS_URL: 'redis://127.0.0.1:1', FLOTILLA_LOG_LEVEL: 'info' });
}, 60_000);

afterAll(async () => {
  await repoServer?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await queues?.close(2000);
  await redis?.close();
  await group?.stop();
});

const add = (batch: string, count: number) =>
  Promise.all(Array.from({ length: count }, (_, n) => queues.queue(work).add({ n }, { jobId: `${batch}-${n}` })));

/** Every job of the batches ran, each exactly once. */
async function allProcessedOnce(batches: Record<string, number>): Promise<void> {
  const expected = Object.entries(batches).flatMap(([b, count]) => Array.from({ length: count }, (_, n) => `${b}-${n}`));
  await eventually(() => expect(expected.filter((id) => !processed.has(id))).toEqual([]), 20_000);
  // A job run twice would show up here once its second run had finished too.
  await new Promise((r) => setTimeout(r, 300));
  expect([...processed.entries()].filter(([, runs]) => runs !== 1)).toEqual([]);
  expect([...processed.keys()].sort()).toEqual(expected.sort());
}

describe('a service on Redis behind Sentinel', () => {
  it('connects to the master the Sentinels name, with the password from FLOTILLA_REDIS_PASSWORD', async () => {
    await redis.set('failover:probe', 'x');
    expect(redis.target).toBe(`master argocd of Sentinels ${group.env.FLOTILLA_REDIS_SENTINELS}`);
    expect((await redis.call('ROLE')) as unknown[]).toContain('master');
    expect(await group.command(await group.masterPort(), ['GET', 'failover:probe'])).toBe('x');
  });

  it('processes every job exactly once across SENTINEL FAILOVER and a killed master, and its lease and subscription resume', async () => {
    const leader = new LeaderElection(redis, logger, { key: 'failover:leader', ttlMs: 3000, renewEveryMs: 500, identity: 'a' }, { onElected: () => undefined, onLost: () => undefined });
    const subscriber = redis.duplicate();
    subscriber.on('error', () => undefined); // RedisClient logs the connection's errors once
    const heard: string[] = [];
    await subscriber.subscribe('failover:events');
    subscriber.on('message', (_channel: string, message: string) => void heard.push(message));
    leader.start();
    try {
      await add('before', 30);
      await allProcessedOnce({ before: 30 });
      await eventually(() => expect(leader.isLeader).toBe(true));

      // Graceful: the master hands over to the replica; the client follows +switch-master.
      const first = await group.masterPort();
      const second = await group.failover();
      expect(second).not.toBe(first);
      await add('after-failover', 30);
      await allProcessedOnce({ before: 30, 'after-failover': 30 });
      await redis.publish('failover:events', 'after-failover');
      await eventually(() => expect(heard).toContain('after-failover'));

      // A dead master: jobs added while there is none wait in the client and go to the new one.
      await group.command(second, ['WAIT', '1', '2000']);
      const killed = group.killMaster();
      await new Promise((r) => setTimeout(r, 200)); // SIGKILL has landed; the Sentinels have not noticed yet
      const during = add('during-kill', 30);
      const third = await killed;
      expect(third).toBe(first);
      await during;
      await add('after-kill', 30);
      await allProcessedOnce({ before: 30, 'after-failover': 30, 'during-kill': 30, 'after-kill': 30 });
      await eventually(() => expect(leader.isLeader).toBe(true), 10_000);
      expect(await group.command(third, ['GET', 'failover:leader'])).toBe('a');
      await redis.publish('failover:events', 'after-kill');
      await eventually(() => expect(heard).toContain('after-kill'));
    } finally {
      await leader.stop();
      subscriber.disconnect();
    }
  }, 50_000);

  it('keeps a service process ready: repo-server, through the failover and the killed master, reconnects to the master that is left', async () => {
    const ready = () => fetch(`http://${repoServer.opsAddress}/readyz`).then((r) => r.status);
    await eventually(() => expect(ready()).resolves.toBe(200), 10_000);
    expect(repoServer.logs()).toContain(`switched master argocd to 127.0.0.1:${await group.masterPort()}`);
    expect(repoServer.logs()).not.toContain(PASSWORD);
  });

  it('reports a wrong password naming the failure, never the password', async () => {
    const wrong = 'wrong-pw-51c2e8';
    const config = loadConfig(z.object(platformEnv), { ...group.env, FLOTILLA_REDIS_PASSWORD: wrong });
    const lines: string[] = [];
    const own = createLogger('failover-spec', 'info', new Writable({ write: (c: Buffer, _e, cb) => (lines.push(c.toString()), cb()) }));
    const client = new RedisClient(config, own);
    try {
      await eventually(() => expect(lines.join('')).toContain('WRONGPASS'), 5000);
      await expect(client.checkReady()).rejects.toThrow(/redis is \w+: WRONGPASS/);
      expect(lines.join('')).not.toContain(wrong);
    } finally {
      await client.close();
    }
    expect(logs.join('')).not.toContain(PASSWORD);
  });
});
