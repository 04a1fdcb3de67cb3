import Redis from 'ioredis';
import pino from 'pino';
import { LeaderElection } from './leader-election';

const key = `flotilla-test:leader:${process.pid}:${Date.now()}`;
const logger = pino({ level: 'silent' });

const waitFor = async (cond: () => boolean, ms = 5000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('LeaderElection over a Redis lease', () => {
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  it('lets exactly one replica lead, hands over on stop, on expiry, and steps down when the lease is taken', async () => {
    const events: string[] = [];
    const make = (id: string) =>
      new LeaderElection(redis, logger, { key, ttlMs: 600, renewEveryMs: 100, identity: id }, {
        onElected: () => void events.push(`${id} elected`),
        onLost: () => void events.push(`${id} lost`),
      });
    const [a, b, c] = [make('a'), make('b'), make('c')];
    a.start();
    await waitFor(() => a.isLeader);
    b.start();
    await new Promise((r) => setTimeout(r, 900)); // longer than the TTL: renewals keep a in charge
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    expect(await redis.get(key)).toBe('a');

    await a.stop();
    await waitFor(() => b.isLeader);
    expect(events).toEqual(['a elected', 'a lost', 'b elected']);

    // Someone else holds the key now (b's lease expired during a pause and was won elsewhere).
    await redis.set(key, 'intruder', 'PX', 700);
    await waitFor(() => !b.isLeader);
    expect(events).toEqual(['a elected', 'a lost', 'b elected', 'b lost']);
    // When the intruder's lease lapses without renewal, a waiting replica takes over.
    c.start();
    await waitFor(() => b.isLeader || c.isLeader, 3000);
    expect([b.isLeader, c.isLeader].filter(Boolean)).toHaveLength(1);
    await b.stop();
    await c.stop();
  });
});
