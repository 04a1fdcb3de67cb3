import { KubeSim, startKubeSim } from '../../kube-sim';
import { jittered } from './workload-timing';

// Pods on a real node start in seconds, each a little differently; tests that do not care how long
// it takes ask for instant mode. The kube-sim.flotilla.dev annotations keep their exact meaning.
const sims: KubeSim[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop()));
});

async function sim(timing: object): Promise<KubeSim> {
  const s = await startKubeSim({ name: `timing-${sims.length}`, tls: false, auth: false, timing: { nodes: 1, ...timing } });
  sims.push(s);
  return s;
}

async function api(s: KubeSim, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${s.url}${path}`, { method: body ? 'POST' : 'GET', headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const pod = (name: string, annotations: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, annotations }, spec: { containers: [{ name: 'main', image: 'app:1' }] } });
const ready = (p: any): boolean => !!p?.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True');
const getPod = (s: KubeSim, name: string) => api(s, `/api/v1/namespaces/default/pods/${name}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readyWithin(s: KubeSim, name: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (ready(await getPod(s, name))) return true;
    await sleep(20);
  }
  return false;
}

describe('workload timing', () => {
  it('spreads pod start times by ±jitter, fixed per pod', async () => {
    const s = await sim({ podStartMs: 4000, jitter: 0.25 });
    // Pods until one is due early (≤ 3200 ms) and one late (≥ 4800 ms); the spread is hashed from the uid.
    const created = new Map<string, number>();
    let early: string | undefined;
    let late: string | undefined;
    // Each pod is early or late with chance 0.1: 40 pods missed one of them about 3 % of the time, 300 never in practice.
    for (let i = 0; i < 300 && !(early && late); i++) {
      const p = await api(s, '/api/v1/namespaces/default/pods', pod(`p${i}`));
      created.set(p.metadata.name, Date.now());
      const due = jittered(4000, 0.25, `${p.metadata.uid}/start`);
      if (due <= 3200 && !early) early = p.metadata.name;
      if (due >= 4800 && !late) late = p.metadata.name;
    }
    expect(early && late).toBeTruthy();
    // Without jitter every pod turns Ready 4000 ms after it was first seen.
    expect(await readyWithin(s, early!, created.get(early!)! + 3800 - Date.now())).toBe(true);
    await sleep(created.get(late!)! + 4200 - Date.now());
    expect(ready(await getPod(s, late!))).toBe(false);
  });

  it('keeps jittered times within the share and stable for one seed', () => {
    const times = Array.from({ length: 200 }, (_, i) => jittered(1000, 0.25, `uid-${i}`));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(750);
    expect(Math.max(...times)).toBeLessThanOrEqual(1250);
    expect(new Set(times).size).toBeGreaterThan(50);
    expect(jittered(1000, 0.25, 'uid-7')).toBe(times[7]);
    expect(jittered(1000, 0, 'uid-7')).toBe(1000);
  });

  it('in instant mode makes pods Ready and Jobs complete on the next tick', async () => {
    const s = await sim({ instant: true });
    await api(s, '/apis/apps/v1/namespaces/default/deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'main', image: 'app:1' }] } } } });
    await api(s, '/apis/batch/v1/namespaces/default/jobs', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'app:1' }] } } } });
    const t0 = Date.now();
    for (;;) {
      const d = await api(s, '/apis/apps/v1/namespaces/default/deployments/web');
      const j = await api(s, '/apis/batch/v1/namespaces/default/jobs/once');
      if (d.status?.availableReplicas === 2 && j.status?.conditions?.some((c: any) => c.type === 'Complete')) break;
      // With the default times the Job's pod would start in 750 ms at the earliest and run 1500 ms more.
      expect(Date.now() - t0).toBeLessThan(2000);
      await sleep(10);
    }
    const [jobPod] = (await api(s, '/api/v1/namespaces/default/pods?labelSelector=job-name%3Donce')).items;
    expect(jobPod.status.phase).toBe('Succeeded');
  });

  it('honours the start-ms and fail annotations exactly, in instant mode too', async () => {
    const s = await sim({ instant: true });
    await api(s, '/api/v1/namespaces/default/pods', pod('held', { 'kube-sim.flotilla.dev/start-ms': '600' }));
    await api(s, '/api/v1/namespaces/default/pods', pod('broken', { 'kube-sim.flotilla.dev/fail': 'image-pull' }));
    await sleep(300);
    expect(ready(await getPod(s, 'held'))).toBe(false);
    expect(await readyWithin(s, 'held', 2000)).toBe(true);
    const broken = await getPod(s, 'broken');
    expect(broken.status.phase).toBe('Pending');
    expect(broken.status.containerStatuses[0].state.waiting.reason).toMatch(/ErrImagePull|ImagePullBackOff/);
  });
});
