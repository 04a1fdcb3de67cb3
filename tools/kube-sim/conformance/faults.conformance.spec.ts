import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeSim, startKubeSim } from '../src/kube-sim';
import { call } from './http.harness';

// Faults on demand and persistence: how Flotilla's tests make a spoke unreachable or restart it.
describe('kube-sim faults', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({ name: 'faulty', tls: false });
  });
  afterAll(async () => {
    await sim.stop();
  });
  afterEach(async () => {
    await sim.faults.clear();
  });

  it('refuses connections until cleared, on the same address', async () => {
    await sim.faults.set({ refuseConnections: true });
    await expect(call(sim, 'GET', '/version')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await sim.faults.clear();
    expect((await call(sim, 'GET', '/version')).status).toBe(200);
  });

  it('answers a share of requests with 429 and Retry-After', async () => {
    await sim.faults.set({ errorRate: 1, errorCode: 429 });
    const r = await call(sim, 'GET', '/api/v1/namespaces');
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('1');
    expect(r.json()).toMatchObject({ kind: 'Status', reason: 'TooManyRequests', code: 429 });
    await sim.faults.set({ errorRate: 0.5, errorCode: 500 });
    const codes = await Promise.all(Array.from({ length: 60 }, () => call(sim, 'GET', '/api/v1/namespaces').then((x) => x.status)));
    expect(codes.filter((c) => c === 500).length).toBeGreaterThan(5);
    expect(codes.filter((c) => c === 200).length).toBeGreaterThan(5);
  });

  it('adds latency to every answer', async () => {
    await sim.faults.set({ latencyMs: 300 });
    const started = Date.now();
    expect((await call(sim, 'GET', '/version')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('hangs: requests are accepted and never answered', async () => {
    await sim.faults.set({ hang: true });
    const outcome = await Promise.race([call(sim, 'GET', '/version').then(() => 'answered'), new Promise((r) => setTimeout(() => r('hung'), 500))]);
    expect(outcome).toBe('hung');
  });
});

describe('kube-sim persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sim-persist-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps objects, uids and resourceVersion order across a restart', async () => {
    const persistPath = join(dir, 'hub.jsonl');
    const first = await startKubeSim({ name: 'hub', persistPath, tls: false });
    const created = (await call(first, 'POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'kept' }, data: { a: '1' } } })).json();
    await call(first, 'POST', '/api/v1/namespaces', { body: { metadata: { name: 'team-a' } } });
    await first.stop();

    const second = await startKubeSim({ name: 'hub', persistPath, tls: false });
    try {
      const kept = (await call(second, 'GET', '/api/v1/namespaces/default/configmaps/kept')).json();
      expect(kept.metadata.uid).toBe(created.metadata.uid);
      expect(kept.data).toEqual({ a: '1' });
      expect((await call(second, 'GET', '/api/v1/namespaces/team-a')).status).toBe(200);
      const next = (await call(second, 'POST', '/api/v1/namespaces/default/configmaps', { body: { metadata: { name: 'after' } } })).json();
      expect(BigInt(next.metadata.resourceVersion)).toBeGreaterThan(BigInt(created.metadata.resourceVersion));
    } finally {
      await second.stop();
    }
  });
});

describe('many sims in one process', () => {
  it('runs 50 clusters side by side, each with its own CA and state', async () => {
    const sims = await Promise.all(Array.from({ length: 50 }, (_, i) => startKubeSim({ name: `spoke-${i}` })));
    try {
      expect(new Set(sims.map((s) => s.caData)).size).toBe(50);
      await Promise.all(sims.map((s) => call(s, 'POST', '/api/v1/namespaces', { body: { metadata: { name: `only-${s.name}` } } })));
      const answers = await Promise.all(sims.map((s) => call(s, 'GET', '/api/v1/namespaces').then((r) => r.json().items.map((n: any) => n.metadata.name))));
      answers.forEach((names, i) => {
        expect(names).toContain(`only-spoke-${i}`);
        expect(names.filter((n: string) => n.startsWith('only-'))).toHaveLength(1);
      });
      const foreign = await call(sims[1], 'GET', '/api/v1/namespaces', { token: sims[0].adminToken });
      expect(foreign.status).toBe(401);
    } finally {
      await Promise.all(sims.map((s) => s.stop()));
    }
  }, 60_000);
});
