import { Redis } from 'ioredis';
import pino from 'pino';
import { LeaderElection } from './leader-election.service';

const key = `flotilla-test:notifier-leader:${process.pid}:${Date.now()}`;
const logger = pino({ level: 'silent' });

const waitFor = async (cond: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('LeaderElection (real Redis)', () => {
  const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  it('lets exactly one replica lead, hands over on release and on expiry', async () => {
    const events: string[] = [];
    const replicas = ['a', 'b'].map((id) => new LeaderElection(redis, logger, { key, ttlMs: 600, renewEveryMs: 100, identity: id }));
    const callbacks = (id: string) => ({ onElected: () => void events.push(`${id} elected`), onLost: () => void events.push(`${id} lost`) });
    replicas[0].start(callbacks('a'));
    await waitFor(() => replicas[0].isLeader);
    replicas[1].start(callbacks('b'));
    await new Promise((r) => setTimeout(r, 900)); // longer than the TTL: renewals keep a in charge
    expect(replicas.map((r) => r.isLeader)).toEqual([true, false]);
    expect(await redis.get(key)).toBe('a');

    await replicas[0].stop(callbacks('a'));
    await waitFor(() => replicas[1].isLeader);
    expect(events).toEqual(['a elected', 'a lost', 'b elected']);

    // Someone else takes the key (b's lease "expired" and was won elsewhere): b must step down.
    await redis.set(key, 'c', 'PX', 5000);
    await waitFor(() => !replicas[1].isLeader);
    expect(events).toEqual(['a elected', 'a lost', 'b elected', 'b lost']);
    await replicas[1].stop();
    expect(await redis.get(key)).toBe('c');
  });
});
