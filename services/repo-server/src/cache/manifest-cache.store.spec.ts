import Redis from 'ioredis';
import { ManifestCacheStore, sourceHash } from './manifest-cache.store';
import { releaseSpecRedis } from '../testing/test-repository';

// Real Redis, as in production; each run uses its own key prefix.
const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:${process.pid}:${Date.now()}`;
const store = new ManifestCacheStore(redis, 60, prefix);

afterAll(async () => {
  await releaseSpecRedis(redis, prefix);
});

describe('ManifestCacheStore', () => {
  it('returns what was rendered for the same repository, commit and source, and nothing otherwise', async () => {
    const source = { repoURL: 'https://git.example.com/app.git', path: 'app', directory: { recurse: true } };
    const value = { revision: 'a'.repeat(40), manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }], renderedAt: '2026-01-01T00:00:00Z' };
    await store.set(source.repoURL, 'a'.repeat(40), source, value);
    expect(await store.get(source.repoURL, 'a'.repeat(40), { directory: { recurse: true }, path: 'app', repoURL: source.repoURL })).toEqual(value);
    expect(await store.get(source.repoURL, 'b'.repeat(40), source)).toBeUndefined();
    expect(await store.get(source.repoURL, 'a'.repeat(40), { ...source, directory: { recurse: false } })).toBeUndefined();
    expect(await redis.ttl(store.key(source.repoURL, 'a'.repeat(40), source))).toBeGreaterThan(50);
  });

  it('stores entries gzipped, and treats an entry it cannot read as a miss', async () => {
    const source = { repoURL: 'https://git.example.com/big.git', path: 'app' };
    const manifests = Array.from({ length: 200 }, (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, labels: { app: 'big' } }, data: { key: 'value' } }));
    const value = { revision: 'c'.repeat(40), manifests, renderedAt: '2026-01-01T00:00:00Z' };
    await store.set(source.repoURL, 'c'.repeat(40), source, value);
    const raw = (await redis.getBuffer(store.key(source.repoURL, 'c'.repeat(40), source)))!;
    expect(raw.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(raw.length).toBeLessThan(JSON.stringify(value).length / 5);
    expect(await store.get(source.repoURL, 'c'.repeat(40), source)).toEqual(value);
    await redis.set(store.key(source.repoURL, 'c'.repeat(40), source), '{"not":"gzip"}');
    expect(await store.get(source.repoURL, 'c'.repeat(40), source)).toBeUndefined();
  });

  it('remembers the commit a request was last rendered at, while that render is cached', async () => {
    const source = { repoURL: 'https://git.example.com/last.git', path: 'app' };
    const identity = { source, appName: 'web' };
    const value = { revision: 'd'.repeat(40), manifests: [], renderedAt: '2026-01-01T00:00:00Z' };
    expect(await store.lastRendered(source.repoURL, identity)).toBeUndefined();
    await store.set(source.repoURL, 'd'.repeat(40), source, value);
    await store.setLastRendered(source.repoURL, identity, 'd'.repeat(40), source);
    expect(await store.lastRendered(source.repoURL, identity)).toEqual({ sha: 'd'.repeat(40), entry: value });
    expect(await store.lastRendered(source.repoURL, { ...identity, appName: 'other' })).toBeUndefined();
    await redis.del(store.key(source.repoURL, 'd'.repeat(40), source));
    expect(await store.lastRendered(source.repoURL, identity)).toBeUndefined();
  });

  it('hashes sources independently of field order', () => {
    expect(sourceHash({ a: 1, b: { c: 2, d: 3 } })).toBe(sourceHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(sourceHash({ a: 1 })).not.toBe(sourceHash({ a: 2 }));
  });
});
