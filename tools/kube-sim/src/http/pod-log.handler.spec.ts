import { request } from 'node:http';
import { KubeSim, startKubeSim } from '../kube-sim';

// Pod logs as kube-apiserver 1.20 and its kubelet answer them, from what the simulated containers
// write (the logs annotation, ticks, a start-up line by default).
let sim: KubeSim;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'pod-logs', tls: false, timing: { instant: true } });
});
afterAll(() => sim.stop());

interface Answer {
  status: number;
  type: string;
  body: string;
}

function call(method: string, path: string, body?: unknown, opts: { abortAfterMs?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(`${sim.url}${path}`, { method, headers: { Authorization: `Bearer ${sim.adminToken}`, ...(payload ? { 'Content-Type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      const done = () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text });
      res.on('end', done);
      res.on('close', done);
    });
    req.on('error', (e) => (opts.abortAfterMs ? undefined : reject(e)));
    if (opts.abortAfterMs) setTimeout(() => req.destroy(), opts.abortAfterMs);
    req.end(payload);
  });
}

const status = (a: Answer) => JSON.parse(a.body) as { code: number; reason: string; message: string };

async function runningPod(name: string, annotations: Record<string, string> = {}, containers = [{ name: 'app', image: 'nginx:1.25' }], extra: Record<string, unknown> = {}): Promise<void> {
  const created = await call('POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, annotations }, spec: { containers, ...extra } });
  expect(created.status).toBe(201);
  for (let i = 0; i < 100; i++) {
    const pod = JSON.parse((await call('GET', `/api/v1/namespaces/default/pods/${name}`)).body) as { status?: { phase?: string } };
    if (pod.status?.phase === 'Running' || pod.status?.phase === 'Succeeded') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`pod ${name} did not start`);
}

describe('pods/log', () => {
  it('answers a running container with its start-up line as text/plain', async () => {
    await runningPod('web');
    const a = await call('GET', '/api/v1/namespaces/default/pods/web/log');
    expect(a).toMatchObject({ status: 200, type: 'text/plain', body: 'kube-sim: container web started from image nginx:1.25\n'.replace('web', 'app') });
  });

  it('writes the lines of the logs annotation, with tailLines, timestamps and limitBytes', async () => {
    await runningPod('scripted', { 'kube-sim.flotilla.dev/logs': 'booting\nlistening on :8080\nready' });
    expect((await call('GET', '/api/v1/namespaces/default/pods/scripted/log')).body).toBe('booting\nlistening on :8080\nready\n');
    expect((await call('GET', '/api/v1/namespaces/default/pods/scripted/log?tailLines=2')).body).toBe('listening on :8080\nready\n');
    expect((await call('GET', '/api/v1/namespaces/default/pods/scripted/log?tailLines=0')).body).toBe('');
    expect((await call('GET', '/api/v1/namespaces/default/pods/scripted/log?limitBytes=10')).body).toBe('booting\nli');
    const stamped = (await call('GET', '/api/v1/namespaces/default/pods/scripted/log?timestamps=true')).body.split('\n').filter(Boolean);
    expect(stamped).toHaveLength(3);
    for (const line of stamped) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z (booting|listening on :8080|ready)$/);
  });

  it('follows a container: lines as they are written, until the pod is deleted', async () => {
    await runningPod('ticker', { 'kube-sim.flotilla.dev/logs': 'start', 'kube-sim.flotilla.dev/log-interval-ms': '100' });
    const following = call('GET', '/api/v1/namespaces/default/pods/ticker/log?follow=true&tailLines=1');
    await new Promise((r) => setTimeout(r, 450));
    await call('DELETE', '/api/v1/namespaces/default/pods/ticker?gracePeriodSeconds=0');
    const a = await following;
    expect(a.status).toBe(200);
    const lines = a.body.split('\n').filter(Boolean);
    // The last line written before the follow began, then every tick after it, in order, without gaps.
    const ticks = lines.filter((l) => l.startsWith('tick ')).map((l) => Number(l.slice(5)));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks).toEqual(Array.from({ length: ticks.length }, (_, i) => ticks[0] + i));
  });

  it('keeps, with sinceTime, the lines written at or after it, as the kubelet does, and applies tailLines after it', async () => {
    await runningPod('since', { 'kube-sim.flotilla.dev/logs': 'start', 'kube-sim.flotilla.dev/log-interval-ms': '100' });
    await new Promise((r) => setTimeout(r, 650));
    const stamped = (await call('GET', '/api/v1/namespaces/default/pods/since/log?timestamps=true')).body.split('\n').filter(Boolean);
    expect(stamped.length).toBeGreaterThanOrEqual(5);
    const [at, text] = [stamped[2].slice(0, stamped[2].indexOf(' ')), stamped[2].slice(stamped[2].indexOf(' ') + 1)];
    const from = (since: string, more = '') => call('GET', `/api/v1/namespaces/default/pods/since/log?sinceTime=${encodeURIComponent(since)}${more}`);
    // A line written exactly at sinceTime is in; one a millisecond earlier is not.
    const exact = (await from(at)).body.split('\n').filter(Boolean);
    expect(exact[0]).toBe(text);
    expect(exact.length).toBeGreaterThanOrEqual(stamped.length - 2);
    const later = new Date(Date.parse(at) + 1).toISOString();
    expect((await from(later)).body.split('\n')[0]).toBe(stamped[3].slice(stamped[3].indexOf(' ') + 1));
    expect((await from(at, '&tailLines=1')).body.split('\n').filter(Boolean)).toHaveLength(1);
    expect((await from(new Date(Date.now() + 3_600_000).toISOString())).body).toBe('');
    // Whole seconds, as a metav1.Time in a query usually comes: every line of the second it names.
    const second = `${at.slice(0, 19)}Z`;
    const fromSecond = stamped.filter((l) => Date.parse(l.slice(0, l.indexOf(' '))) >= Date.parse(second)).map((l) => l.slice(l.indexOf(' ') + 1));
    expect((await from(second)).body.split('\n').slice(0, fromSecond.length)).toEqual(fromSecond);

    const bad = await from('yesterday');
    expect(status(bad)).toMatchObject({ code: 400, message: 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"' });
    const both = await from(at, '&sinceSeconds=10');
    expect(both.status).toBe(422);
    expect(status(both).message).toBe('PodLogOptions "since" is invalid: []: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified');
  });

  it("refuses as the API server does: choice of container, bad options, unknown pod", async () => {
    await runningPod('two', {}, [
      { name: 'app', image: 'a:1' },
      { name: 'sidecar', image: 'b:1' },
    ], { initContainers: [{ name: 'init', image: 'c:1' }] });
    const noChoice = await call('GET', '/api/v1/namespaces/default/pods/two/log');
    expect(noChoice.status).toBe(400);
    expect(status(noChoice)).toMatchObject({ reason: 'BadRequest', message: 'a container name must be specified for pod two, choose one of: [app sidecar] or one of the init containers: [init]' });
    expect(status(await call('GET', '/api/v1/namespaces/default/pods/two/log?container=nope')).message).toBe('container nope is not valid for pod two');
    expect((await call('GET', '/api/v1/namespaces/default/pods/two/log?container=sidecar')).body).toBe('kube-sim: container sidecar started from image b:1\n');
    const prev = await call('GET', '/api/v1/namespaces/default/pods/two/log?container=app&previous=true');
    expect(status(prev)).toMatchObject({ code: 400, message: 'previous terminated container "app" in pod "two" not found' });
    const invalid = await call('GET', '/api/v1/namespaces/default/pods/two/log?container=app&tailLines=-1&sinceSeconds=0');
    expect(invalid.status).toBe(422);
    expect(status(invalid).message).toBe('PodLogOptions "two" is invalid: [tailLines: Invalid value: -1: must be greater than or equal to 0, sinceSeconds: Invalid value: 0: must be greater than 0]');
    const missing = await call('GET', '/api/v1/namespaces/default/pods/ghost/log');
    expect(missing.status).toBe(404);
    expect(status(missing).message).toBe('pods "ghost" not found');
  });

  it('names why a container that has not started has no logs, and shows a crashed one its last run', async () => {
    await call('POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'slow', annotations: { 'kube-sim.flotilla.dev/start-ms': '60000' } }, spec: { containers: [{ name: 'app', image: 'a:1' }] } });
    let waiting: Answer | undefined;
    for (let i = 0; i < 50 && !waiting?.body.includes('waiting'); i++) {
      waiting = await call('GET', '/api/v1/namespaces/default/pods/slow/log');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status(waiting!)).toMatchObject({ code: 400, message: 'container "app" in pod "slow" is waiting to start: ContainerCreating' });

    await call('POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crashy', annotations: { 'kube-sim.flotilla.dev/fail': 'crash', 'kube-sim.flotilla.dev/logs': 'connecting to db\nfatal: db unreachable' } }, spec: { containers: [{ name: 'app', image: 'a:1' }] } });
    let crashed: Answer | undefined;
    for (let i = 0; i < 60 && crashed?.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      crashed = await call('GET', '/api/v1/namespaces/default/pods/crashy/log?previous=true');
    }
    expect(crashed!.body).toBe('connecting to db\nfatal: db unreachable\nkube-sim: container exited with code 1\n');
  });
});
