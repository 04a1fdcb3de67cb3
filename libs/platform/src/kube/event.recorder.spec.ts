import { startKubeSim, KubeSim } from '@flotilla/kube-sim';
import type { KubeObject } from '@flotilla/api-types';
import pino from 'pino';
import { Writable } from 'node:stream';
import { KubeEventRecorder, type EventSubject } from './event.recorder';
import { kubeClientFromKubeconfigString } from './kube-client.factory';
import type { KubeClient } from './kube.client';

interface EventObject extends KubeObject {
  metadata: { name: string; namespace: string; annotations?: Record<string, string> };
  involvedObject: Record<string, string>;
  reason: string;
  message: string;
  type: string;
  count: number;
  source: { component: string };
  firstTimestamp: string;
  lastTimestamp: string;
}

let sim: KubeSim;
let kube: KubeClient;

/** A pino logger whose lines the spec can read. */
function capturingLogger(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines: () => lines };
}

const app = (name: string, uid = `uid-${name}`): EventSubject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  name,
  namespace: 'default',
  uid,
  resourceVersion: '7',
});

const eventsOf = async (subject: EventSubject): Promise<EventObject[]> =>
  (
    await kube.list<EventObject>('v1', 'Event', {
      namespace: 'default',
      fieldSelector: `involvedObject.name=${subject.name},involvedObject.uid=${subject.uid ?? ''}`,
    })
  ).items.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

beforeAll(async () => {
  sim = await startKubeSim({ name: 'platform-events', timing: { nodes: 1 } });
  kube = kubeClientFromKubeconfigString(sim.kubeconfig());
});
afterAll(async () => {
  kube.close();
  await sim.stop();
});

describe('KubeEventRecorder against kube-sim', () => {
  it("writes a core/v1 Event about the subject, named <name>.<hex nanoseconds>, that a field selector on the subject's name and uid finds", async () => {
    const { logger } = capturingLogger();
    const recorder = new KubeEventRecorder(kube, { component: 'argocd-application-controller', logger });
    const subject = app('guestbook');
    recorder.record(subject, { type: 'Normal', reason: 'OperationStarted', message: "Initiated automated sync to 'abc'", annotations: { 'dest-namespace': 'web' } });
    recorder.record(app('other'), { type: 'Normal', reason: 'OperationStarted', message: 'not about guestbook' });
    await recorder.flush();
    const [event, ...rest] = await eventsOf(subject);
    expect(rest).toEqual([]);
    expect(event.metadata.name).toMatch(/^guestbook\.[0-9a-f]{15,}$/);
    expect(event.metadata.annotations).toEqual({ 'dest-namespace': 'web' });
    expect(event).toMatchObject({
      involvedObject: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', name: 'guestbook', namespace: 'default', uid: 'uid-guestbook', resourceVersion: '7' },
      reason: 'OperationStarted',
      message: "Initiated automated sync to 'abc'",
      type: 'Normal',
      count: 1,
      source: { component: 'argocd-application-controller' },
    });
    expect(event.firstTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(event.lastTimestamp).toBe(event.firstTimestamp);
  });

  it('folds identical Events within the window into one with a growing count and a later lastTimestamp; a different message is a new Event', async () => {
    const { logger } = capturingLogger();
    let clock = Date.parse('2026-01-01T10:00:00Z');
    const recorder = new KubeEventRecorder(kube, { component: 'argocd-server', logger, aggregateWindowMs: 60_000, now: () => new Date(clock) });
    const subject = app('folded');
    const note = { type: 'Normal' as const, reason: 'ResourceUpdated', message: 'Updated health status: Healthy -> Degraded' };
    recorder.record(subject, note);
    clock += 5_000;
    recorder.record(subject, note);
    clock += 5_000;
    recorder.record(subject, note);
    recorder.record(subject, { ...note, message: 'Updated health status: Degraded -> Healthy' });
    await recorder.flush();
    const events = await eventsOf(subject);
    expect(events.map((e) => [e.message, e.count, e.firstTimestamp, e.lastTimestamp])).toEqual([
      ['Updated health status: Healthy -> Degraded', 3, '2026-01-01T10:00:00Z', '2026-01-01T10:00:10Z'],
      ['Updated health status: Degraded -> Healthy', 1, '2026-01-01T10:00:10Z', '2026-01-01T10:00:10Z'],
    ]);

    // Past the window since the last occurrence: a new Event, as client-go's correlator forgets.
    clock += 61_000;
    recorder.record(subject, note);
    await recorder.flush();
    expect((await eventsOf(subject)).map((e) => e.count)).toEqual([3, 1, 1]);
  });

  it('starts a new Event when the one it would fold into was deleted', async () => {
    const { logger } = capturingLogger();
    const recorder = new KubeEventRecorder(kube, { component: 'argocd-server', logger });
    const subject = app('deleted-meanwhile');
    const note = { type: 'Warning' as const, reason: 'OperationCompleted', message: 'Sync operation to abc failed: boom' };
    recorder.record(subject, note);
    await recorder.flush();
    const [first] = await eventsOf(subject);
    await kube.delete({ apiVersion: 'v1', kind: 'Event', metadata: { namespace: 'default', name: first.metadata.name } });
    recorder.record(subject, note);
    await recorder.flush();
    const events = await eventsOf(subject);
    expect(events.map((e) => [e.type, e.count])).toEqual([['Warning', 1]]);
    expect(events[0].metadata.name).not.toBe(first.metadata.name);
  });

  it('holds at most queueLimit Events waiting and drops the rest, saying so once', async () => {
    const { logger, lines } = capturingLogger();
    const recorder = new KubeEventRecorder(kube, { component: 'argocd-server', logger, queueLimit: 2 });
    const subject = app('bounded');
    for (let i = 0; i < 5; i++) recorder.record(subject, { type: 'Normal', reason: 'ResourceUpdated', message: `change ${i}` });
    await recorder.flush();
    // The first is already being written when the others come: two wait, two are dropped.
    expect(recorder.droppedCount).toBe(2);
    expect((await eventsOf(subject)).map((e) => e.message)).toEqual(['change 0', 'change 1', 'change 2']);
    expect(lines().filter((l) => String(l.msg).startsWith('event queue full'))).toHaveLength(1);
  });

  it('never throws and never blocks when the API server cannot be reached; failures are logged once per interval', async () => {
    const gone = await startKubeSim({ name: 'platform-events-gone', timing: { nodes: 1 } });
    const unreachable = kubeClientFromKubeconfigString(gone.kubeconfig());
    await gone.stop();
    const { logger, lines } = capturingLogger();
    const recorder = new KubeEventRecorder(unreachable, { component: 'argocd-application-controller', logger, errorLogIntervalMs: 60_000 });
    const started = performance.now();
    for (let i = 0; i < 3; i++) expect(() => recorder.record(app('unreachable'), { type: 'Normal', reason: 'OperationStarted', message: `try ${i}` })).not.toThrow();
    // Queued, not written: recording takes no round trip.
    expect(performance.now() - started).toBeLessThan(50);
    await expect(recorder.flush()).resolves.toBeUndefined();
    const failures = lines().filter((l) => String(l.msg).startsWith('could not record Event OperationStarted'));
    expect(failures).toHaveLength(1);
    expect(failures[0].msg).toContain('Application default/unreachable');
    unreachable.close();
  });

  it('takes nothing more once closed', async () => {
    const { logger } = capturingLogger();
    const recorder = new KubeEventRecorder(kube, { component: 'argocd-server', logger });
    const subject = app('closed');
    recorder.record(subject, { type: 'Normal', reason: 'ResourceCreated', message: 'admin created application' });
    await recorder.close();
    recorder.record(subject, { type: 'Normal', reason: 'ResourceDeleted', message: 'admin deleted application' });
    await recorder.flush();
    expect((await eventsOf(subject)).map((e) => e.reason)).toEqual(['ResourceCreated']);
  });
});
