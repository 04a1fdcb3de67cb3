import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { LoginBackoffPolicy, SessionStateStore } from './session-state.store';

// Real Redis: the script's arithmetic and expiry are what is under test.
describe('SessionStateStore login attempts (Redis)', () => {
  const redis = new Redis('redis://127.0.0.1:6379');
  const namespace = `spec-${randomBytes(4).toString('hex')}`;
  const store = new SessionStateStore(redis, namespace);
  const policy: LoginBackoffPolicy = { maxFailures: 3, windowSeconds: 300, maxEntries: 100, baseDelayMs: 400, maxDelayMs: 1000 };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** `n` attempts that all fail (nothing clears them). */
  const fail = async (client: string, user: string, n: number, p = policy) => {
    const results = [];
    for (let i = 0; i < n; i++) results.push(await store.beginLoginAttempt(client, user, p));
    return results;
  };

  afterAll(async () => {
    const keys = await redis.keys(`flotilla:session:${namespace}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('lets N attempts through, then makes the client wait, without counting the refused ones', async () => {
    const results = await fail('10.0.0.1', 'admin', 20);
    expect(results.slice(0, 3)).toEqual([1, 2, 3].map((failures) => ({ allowed: true, failures })));
    for (const refused of results.slice(3)) {
      expect(refused).toMatchObject({ allowed: false, failures: 3 });
      expect((refused as { retryInMs: number }).retryInMs).toBeGreaterThan(0);
      expect((refused as { retryInMs: number }).retryInMs).toBeLessThanOrEqual(400);
    }
  });

  it('counts per client: another client, or another user, is not slowed down', async () => {
    await fail('10.0.0.2', 'admin', 3);
    expect(await store.beginLoginAttempt('10.0.0.3', 'admin', policy)).toEqual({ allowed: true, failures: 1 });
    expect(await store.beginLoginAttempt('10.0.0.2', 'alice', policy)).toEqual({ allowed: true, failures: 1 });
    expect(await store.beginLoginAttempt('10.0.0.2', 'admin', policy)).toMatchObject({ allowed: false });
  });

  it('doubles the delay with each failure after the wait, up to the cap, and success clears it', async () => {
    await fail('10.0.0.4', 'admin', 3);
    await sleep(450);
    expect(await store.beginLoginAttempt('10.0.0.4', 'admin', policy)).toEqual({ allowed: true, failures: 4 });
    const doubled = await store.beginLoginAttempt('10.0.0.4', 'admin', policy);
    expect(doubled).toMatchObject({ allowed: false, failures: 4 });
    expect((doubled as { retryInMs: number }).retryInMs).toBeGreaterThan(400);
    await sleep(850);
    expect(await store.beginLoginAttempt('10.0.0.4', 'admin', policy)).toEqual({ allowed: true, failures: 5 });
    // 400 ms * 2^2 = 1600 ms, capped at 1000.
    const capped = await store.beginLoginAttempt('10.0.0.4', 'admin', policy);
    expect((capped as { retryInMs: number }).retryInMs).toBeGreaterThan(800);
    expect((capped as { retryInMs: number }).retryInMs).toBeLessThanOrEqual(1000);
    await store.clearLoginAttempts('10.0.0.4', 'admin');
    expect(await store.beginLoginAttempt('10.0.0.4', 'admin', policy)).toEqual({ allowed: true, failures: 1 });
  });

  it('forgets failures older than the window', async () => {
    const shortWindow = { ...policy, windowSeconds: 1, baseDelayMs: 5000, maxDelayMs: 5000 };
    await fail('10.0.0.5', 'admin', 3, shortWindow);
    expect(await store.beginLoginAttempt('10.0.0.5', 'admin', shortWindow)).toMatchObject({ allowed: false, failures: 3 });
    await sleep(1100);
    expect(await store.beginLoginAttempt('10.0.0.5', 'admin', shortWindow)).toEqual({ allowed: true, failures: 1 });
  });

  it('keeps at most maxEntries client-and-user entries, dropping the oldest', async () => {
    const small = { ...policy, maxEntries: 3 };
    const other = new SessionStateStore(redis, `${namespace}-cap`);
    for (const client of ['a', 'b', 'c', 'd']) await other.beginLoginAttempt(client, 'admin', small);
    expect(await redis.zcard(`flotilla:session:${namespace}-cap:login-failures:recent`)).toBe(3);
    expect(await redis.hlen(`flotilla:session:${namespace}-cap:login-failures`)).toBe(3);
    // 'a' was dropped: it starts again; 'd' was kept.
    expect(await other.beginLoginAttempt('a', 'admin', small)).toEqual({ allowed: true, failures: 1 });
    expect(await other.beginLoginAttempt('d', 'admin', small)).toEqual({ allowed: true, failures: 2 });
    await redis.del(`flotilla:session:${namespace}-cap:login-failures`, `flotilla:session:${namespace}-cap:login-failures:recent`);
  });
});
