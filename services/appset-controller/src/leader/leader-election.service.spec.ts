import { Redis } from 'ioredis';
import pino from 'pino';
import { LeaderElection } from './leader-election.service';

const until = async (check: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('LeaderElection (real Redis)', () => {
  const redis = new Redis('redis://127.0.0.1:6379');
  const key = `flotilla-test:appset-leader:${process.pid}:${Date.now()}`;
  const logger = pino({ level: 'silent' });
  const events: string[] = [];
  const candidate = (name: string) =>
    new LeaderElection(
      redis,
      key,
      3000,
      { onStartedLeading: () => void events.push(`${name} leads`), onStoppedLeading: () => void events.push(`${name} stops`) },
      logger,
    );
  const a = candidate('a');
  const b = candidate('b');

  afterAll(async () => {
    await a.stop();
    await b.stop();
    await redis.del(key);
    redis.disconnect();
  });

  it('lets exactly one candidate lead, hands over on stop, and steps down when the lease is taken away', async () => {
    a.start();
    await until(() => a.isLeader);
    b.start();
    await new Promise((r) => setTimeout(r, 1200));
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    expect(await redis.get(key)).toBe(a.identity);
    expect(await redis.pttl(key)).toBeGreaterThan(1500);

    await a.stop();
    await until(() => b.isLeader);
    expect(await redis.get(key)).toBe(b.identity);

    // Someone else holds the lease now (e.g. ours expired during a pause): b must stop at its next renewal.
    await redis.set(key, 'intruder', 'PX', 3000);
    await until(() => !b.isLeader);
    expect(events).toEqual(['a leads', 'a stops', 'b leads', 'b stops']);
  });
});
