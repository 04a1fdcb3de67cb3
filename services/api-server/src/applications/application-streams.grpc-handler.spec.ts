import * as grpc from '@grpc/grpc-js';
import { appTreeKey, appTreeUpdatedChannel } from '@flotilla/api-types';
import { contracts } from '@flotilla/contracts';
import type { ApplicationServiceClient } from '@flotilla/contracts';
import { Redis } from 'ioredis';
import { ApiServerHarness, appManifest, call, startApiServer } from '../testing/api-server.harness';

const LOGS = 'kube-sim.flotilla.dev/logs';
const LOG_INTERVAL = 'kube-sim.flotilla.dev/log-interval-ms';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads a REST stream's frames (one JSON document a line) as they arrive. */
class FrameReader {
  frames: any[] = [];
  text = '';
  done = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly finished: Promise<void>;

  constructor(readonly res: Response) {
    this.reader = res.body!.getReader();
    this.finished = this.pump();
  }

  private async pump(): Promise<void> {
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await this.reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      this.text += decoder.decode(value, { stream: true });
      let nl = this.text.indexOf('\n');
      while (nl >= 0) {
        const line = this.text.slice(0, nl).trim();
        this.text = this.text.slice(nl + 1);
        if (line.startsWith('data: ')) this.frames.push(JSON.parse(line.slice(6)));
        else if (line) this.frames.push(JSON.parse(line));
        nl = this.text.indexOf('\n');
      }
    }
    this.done = true;
  }

  async until(pred: (frames: any[]) => boolean, what: string, timeoutMs = 20_000): Promise<any[]> {
    const deadline = Date.now() + timeoutMs;
    while (!pred(this.frames)) {
      if (Date.now() > deadline || (this.done && !pred(this.frames))) throw new Error(`${what}: got ${JSON.stringify(this.frames).slice(0, 2000)}`);
      await sleep(50);
    }
    return this.frames;
  }

  async end(): Promise<any[]> {
    await this.finished;
    return this.frames;
  }

  cancel(): void {
    this.reader.cancel().catch(() => undefined);
  }
}

/** A gRPC server stream's messages and how it ended. */
function collect<T>(stream: grpc.ClientReadableStream<T>) {
  const messages: T[] = [];
  let status: grpc.StatusObject | undefined;
  let error: grpc.ServiceError | undefined;
  stream.on('data', (m: T) => messages.push(m));
  stream.on('error', (e: grpc.ServiceError) => (error = e));
  stream.on('status', (s: grpc.StatusObject) => (status = s));
  const ended = new Promise<void>((resolve) => stream.on('close', () => resolve()));
  return {
    messages,
    get error() {
      return error;
    },
    get status() {
      return status;
    },
    ended,
    async until(pred: (m: T[]) => boolean, what: string, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pred(messages)) {
        if (Date.now() > deadline || error) throw new Error(`${what}: ${error?.message ?? JSON.stringify(messages).slice(0, 2000)}`);
        await sleep(50);
      }
    },
  };
}

const md = (token: string) => {
  const m = new grpc.Metadata();
  m.set('authorization', `Bearer ${token}`);
  return m;
};

describe("Application streams: Watch, WatchResourceTree and PodLogs (api-server on a kube-sim hub, over REST and gRPC)", () => {
  let api: ApiServerHarness;
  let redis: Redis;
  let alice: string;
  let token: string;
  const podNames: string[] = [];
  const uids: Record<string, string> = {};

  const watchStream = (query: Record<string, unknown>, auth = token) =>
    api.clients.applications.Watch(query, md(auth)) as unknown as grpc.ClientReadableStream<{ type: string; application: { json: string } }>;
  const appOf = (m: { application: { json: string } }) => JSON.parse(m.application.json);
  const patchApp = (name: string, patch: unknown) =>
    api.kube('PATCH', api.nsPath(`applications/${name}`), patch, 'application/merge-patch+json');

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_STREAM_BUFFER_MESSAGES: '5' });
    token = await api.login();
    redis = new Redis('redis://127.0.0.1:6379');
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm' },
      data: { 'accounts.alice': 'login' },
    });
    await api.kube('POST', `/api/v1/namespaces/${api.namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-rbac-cm' },
      // alice may get the default project's Applications, but not read their logs.
      data: { 'policy.csv': 'p, alice, applications, get, default/*, allow' },
    });
    await sleep(1100); // settings are cached for a second
    await call(
      api.clients.accounts,
      'UpdatePassword',
      { name: 'alice', currentPassword: await api.initialPassword(), newPassword: 'alice-password' },
      api.md(),
    );
    alice = (await call(api.clients.session, 'Create', { username: 'alice', password: 'alice-password' })).token;

    for (const [name, project] of [
      ['alpha', 'default'],
      ['beta', 'default'],
      ['gamma', 'default'],
      ['hidden', 'secret'],
    ])
      expect((await api.kube('POST', api.nsPath('applications'), appManifest(name, { project }))).status).toBe(201);

    // A Deployment of two pods on the hub (the in-cluster destination), writing two lines and then a tick every 300 ms.
    await api.kube('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } });
    const deployment = await api.kube('POST', '/apis/apps/v1/namespaces/web/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' }, annotations: { [LOGS]: 'starting web\nlistening on :80', [LOG_INTERVAL]: '300' } },
          spec: { containers: [{ name: 'main', image: 'web:1' }] },
        },
      },
    });
    expect(deployment.status).toBe(201);
    let pods: any[] = [];
    for (let i = 0; i < 200; i++) {
      pods = (await api.kube('GET', '/api/v1/namespaces/web/pods')).body.items.filter((p: any) => p.status?.phase === 'Running');
      if (pods.length === 2) break;
      await sleep(100);
    }
    expect(pods).toHaveLength(2);
    const replicaSets = (await api.kube('GET', '/apis/apps/v1/namespaces/web/replicasets')).body.items;
    const node = (o: any, group: string, version: string) => ({
      group,
      version,
      kind: o.kind,
      namespace: 'web',
      name: o.metadata.name,
      uid: o.metadata.uid,
      parentRefs: (o.metadata.ownerReferences ?? []).map((r: any) => ({ kind: r.kind, name: r.name, namespace: 'web', uid: r.uid })),
    });
    const podNodes = pods.map((p) => node({ ...p, kind: 'Pod' }, '', 'v1'));
    podNames.push(...pods.map((p) => p.metadata.name).sort());
    uids.web = deployment.body.metadata.uid;
    const tree = {
      nodes: [
        node({ ...deployment.body, kind: 'Deployment' }, 'apps', 'v1'),
        ...replicaSets.map((rs: any) => node({ ...rs, kind: 'ReplicaSet' }, 'apps', 'v1')),
        ...podNodes,
      ],
    };
    for (const app of ['alpha', 'hidden']) await redis.set(appTreeKey(api.namespace, app), JSON.stringify(tree), 'EX', 600);
  }, 240_000);

  afterAll(async () => {
    if (redis && api) await redis.del(appTreeKey(api.namespace, 'alpha'), appTreeKey(api.namespace, 'hidden'));
    await redis?.quit();
    await api?.stop();
  }, 60_000);

  describe('Watch', () => {
    it('streams over gRPC each Application, then every change of it in the hub, in order', async () => {
      const stream = collect(watchStream({ name: 'alpha' }));
      await stream.until((m) => m.length >= 1, 'the initial ADDED');
      expect(stream.messages[0].type).toBe('ADDED');
      expect(appOf(stream.messages[0]).metadata.name).toBe('alpha');
      expect((await patchApp('alpha', { metadata: { labels: { step: 'one' } } })).status).toBe(200);
      expect((await patchApp('alpha', { metadata: { labels: { step: 'two' } } })).status).toBe(200);
      await stream.until((m) => m.length >= 3, 'two MODIFIED events');
      expect(stream.messages.map((m) => [m.type, appOf(m).metadata.labels?.step])).toEqual([
        ['ADDED', undefined],
        ['MODIFIED', 'one'],
        ['MODIFIED', 'two'],
      ]);
      (stream as unknown as { cancel?: () => void }).cancel?.();
    });

    it('streams over REST as {"result": {type, application}} lines, and as server-sent events to an EventSource', async () => {
      const res = await api.rest('/api/v1/stream/applications?name=beta');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      const frames = new FrameReader(res);
      await frames.until((f) => f.length >= 1, 'the initial ADDED');
      expect(Object.keys(frames.frames[0])).toEqual(['result']);
      expect(Object.keys(frames.frames[0].result)).toEqual(['type', 'application']);
      expect(frames.frames[0].result.type).toBe('ADDED');
      expect(frames.frames[0].result.application).toMatchObject({ kind: 'Application', metadata: { name: 'beta' }, spec: { project: 'default' } });
      expect((await api.kube('DELETE', api.nsPath('applications/beta'))).status).toBe(200);
      await frames.until((f) => f.some((x) => x.result?.type === 'DELETED'), 'the DELETED event');
      frames.cancel();

      const sse = await api.rest('/api/v1/stream/applications?name=alpha', { headers: { accept: 'text/event-stream' } });
      expect(sse.headers.get('content-type')).toBe('text/event-stream');
      const reader = sse.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(first).toMatch(/^data: \{"result":\{"type":"ADDED","application":\{.*"name":"alpha".*\}\}\}\n\n/);
      await reader.cancel();
    });

    it('sends only the Applications the caller may get, matching projects and selector', async () => {
      const all = collect(watchStream({}, alice));
      await all.until((m) => m.length >= 2, "alice sees the default project's apps");
      await sleep(500);
      expect(all.messages.map((m) => appOf(m).metadata.name)).toEqual(['alpha', 'gamma']);
      const adminAll = collect(watchStream({}));
      await adminAll.until((m) => m.length >= 3, 'admin sees them all');
      expect(adminAll.messages.map((m) => appOf(m).metadata.name)).toEqual(['alpha', 'gamma', 'hidden']);
      const byProject = collect(watchStream({ projects: ['secret'] }));
      const bySelector = collect(watchStream({ selector: 'team=web,step=two' }));
      await byProject.until((m) => m.length >= 1, 'the secret project');
      await bySelector.until((m) => m.length >= 1, 'the selector');
      await sleep(300);
      expect(byProject.messages.map((m) => appOf(m).metadata.name)).toEqual(['hidden']);
      expect(bySelector.messages.map((m) => appOf(m).metadata.name)).toEqual(['alpha']);
      // With a resourceVersion and no name, only changes after it come.
      const rv = appOf(adminAll.messages[0]).metadata.resourceVersion;
      const since = collect(watchStream({ resourceVersion: rv }));
      await sleep(500);
      expect(since.messages).toEqual([]);
      await patchApp('hidden', { metadata: { labels: { touched: 'yes' } } });
      await since.until((m) => m.length >= 1, 'a change after the resourceVersion');
      expect(since.messages.map((m) => [m.type, appOf(m).metadata.name])).toEqual([['MODIFIED', 'hidden']]);
      // alice was not told about it.
      await sleep(300);
      expect(all.messages).toHaveLength(2);
    });

    it('refuses a malformed selector, a foreign namespace and a caller without a session', async () => {
      const bad = await api.rest('/api/v1/stream/applications?selector=team%20in%20(web');
      expect(bad.status).toBe(400);
      const body = await bad.json();
      expect(body.error).toMatchObject({ grpc_code: 3, http_code: 400, http_status: 'Bad Request' });
      expect(body.error.message).toMatch(/^error parsing labels with selectors: /);
      const ns = await api.rest('/api/v1/stream/applications?appNamespace=elsewhere');
      expect(ns.status).toBe(403);
      expect((await ns.json()).error.message).toBe("namespace 'elsewhere' is not permitted");
      const anonymous = await api.rest('/api/v1/stream/applications', { token: null });
      expect(anonymous.status).toBe(401);
      const grpcAnonymous = collect(api.clients.applications.Watch({}) as unknown as grpc.ClientReadableStream<unknown>);
      await grpcAnonymous.ended;
      expect(grpcAnonymous.error?.code).toBe(grpc.status.UNAUTHENTICATED);
    });

    it('closes the stream of a client that does not read, with RESOURCE_EXHAUSTED, while other watchers keep up', async () => {
      const slow = watchStream({ name: 'alpha' });
      const slowSeen = collect(slow);
      await slowSeen.until((m) => m.length >= 1, 'the slow watcher starts');
      slow.pause();
      // On a connection of its own: streams sharing one would share its HTTP/2 flow-control window.
      const Client = contracts().application.ApplicationService as unknown as new (a: string, c: grpc.ChannelCredentials, o: object) => ApplicationServiceClient;
      const own = new Client(api.address, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 });
      const fast = collect(own.Watch({ name: 'alpha' }, md(token)) as unknown as grpc.ClientReadableStream<{ type: string; application: { json: string } }>);
      await fast.until((m) => m.length >= 1, 'the fast watcher starts');
      const big = 'x'.repeat(60_000);
      for (let i = 0; i < 40; i++) expect((await patchApp('alpha', { metadata: { annotations: { big: `${i}${big}` } } })).status).toBe(200);
      await fast.until((m) => m.some((x) => appOf(x).metadata.annotations?.big?.startsWith('39')), 'the fast watcher sees every change');
      const bigs = fast.messages.filter((m) => appOf(m).metadata.annotations?.big).map((m) => parseInt(appOf(m).metadata.annotations.big, 10));
      expect(bigs).toEqual([...Array(40).keys()]);
      slow.resume();
      await slowSeen.ended;
      expect(slowSeen.error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
      expect(slowSeen.error?.details).toBe('stream closed: the client did not keep up, and more than 5 messages were waiting to be sent');
      expect(slowSeen.messages.length).toBeLessThan(41);
      await patchApp('alpha', { metadata: { annotations: { big: null } } });
      own.close();
    }, 120_000);
  });

  describe('WatchResourceTree', () => {
    const publishTree = async (app: string, tree: unknown) => {
      await redis.set(appTreeKey(api.namespace, app), JSON.stringify(tree), 'EX', 600);
      await redis.publish(appTreeUpdatedChannel(api.namespace, app), '');
    };
    const subscribed = async (app: string) => {
      for (let i = 0; i < 100; i++) {
        const [, n] = (await redis.pubsub('NUMSUB', appTreeUpdatedChannel(api.namespace, app))) as [string, number];
        if (Number(n) > 0) return;
        await sleep(50);
      }
      throw new Error('the api-server did not subscribe to the tree updates');
    };

    it('sends the tree each time the app-controller records it, over REST and gRPC', async () => {
      const before = JSON.parse((await redis.get(appTreeKey(api.namespace, 'alpha')))!);
      const rest = api.rest('/api/v1/stream/applications/alpha/resource-tree');
      const grpcStream = collect(
        api.clients.applications.WatchResourceTree({ applicationName: 'alpha' }, md(token)) as unknown as grpc.ClientReadableStream<{ json: string }>,
      );
      await subscribed('alpha');
      await sleep(300);
      await publishTree('alpha', { ...before, hosts: [{ name: 'node-1' }] });
      const frames = new FrameReader(await rest);
      await frames.until((f) => f.length >= 1, 'the first tree');
      expect(frames.frames[0].result.hosts).toEqual([{ name: 'node-1' }]);
      expect(frames.frames[0].result.nodes.map((n: any) => n.kind)).toContain('Deployment');
      await publishTree('alpha', before);
      await frames.until((f) => f.length >= 2, 'the second tree');
      expect(frames.frames[1].result.hosts).toBeUndefined();
      await grpcStream.until((m) => m.length >= 2, 'gRPC sees both trees');
      expect(JSON.parse(grpcStream.messages[0].json).hosts).toEqual([{ name: 'node-1' }]);
      frames.cancel();
    });

    it('refuses an app the caller may not get, and names a missing one', async () => {
      const denied = await api.rest('/api/v1/stream/applications/hidden/resource-tree', { token: alice });
      expect(denied.status).toBe(403);
      expect((await denied.json()).error.message).toBe('permission denied: applications, get, secret/hidden, sub: alice');
      const missing = await api.rest('/api/v1/stream/applications/nope/resource-tree');
      expect(missing.status).toBe(404);
      expect((await missing.json()).error).toEqual({
        grpc_code: 5,
        http_code: 404,
        message: 'applications.argoproj.io "nope" not found',
        http_status: 'Not Found',
      });
    });
  });

  describe('PodLogs', () => {
    const logs = async (path: string, auth = token) => {
      const res = await api.rest(path, { token: auth });
      return { status: res.status, frames: await new FrameReader(res).end() };
    };

    it("answers one pod's lines as LogEntries with every field, then a last entry", async () => {
      const pod = podNames[0];
      const { status, frames } = await logs(`/api/v1/applications/alpha/pods/${pod}/logs?container=main`);
      expect(status).toBe(200);
      const entries = frames.map((f) => f.result);
      expect(entries.slice(0, 2).map((e) => e.content)).toEqual(['starting web', 'listening on :80']);
      for (const e of entries.slice(0, -1)) {
        expect(Object.keys(e).sort()).toEqual(['content', 'last', 'podName', 'timeStamp', 'timeStampStr']);
        expect(e).toMatchObject({ podName: pod, last: false });
        expect(e.timeStamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(e.timeStampStr).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
        expect(e.timeStampStr.slice(0, 19)).toBe(e.timeStamp.slice(0, 19));
      }
      expect(entries[entries.length - 1]).toMatchObject({ content: '', podName: '', last: true });
      const download = await api.rest(`/api/v1/applications/alpha/logs?kind=Pod&resourceName=${pod}&download=true&namespace=web&podName=${pod}&container=main`);
      expect(download.headers.get('content-disposition')).toBe(`attachment;filename="web-${pod}-main.log"`);
      expect((await download.text()).split('\n').slice(0, 2)).toEqual(['starting web', 'listening on :80']);
      const tail = await logs(`/api/v1/applications/alpha/pods/${pod}/logs?tailLines=1`);
      expect(tail.frames).toHaveLength(2);
      expect(tail.frames[0].result.content).toMatch(/^tick \d+$/);
    });

    it('passes sinceTime (REST sinceTime.seconds, gRPC application.Time) to the pod log read: lines from that second on', async () => {
      const pod = podNames[0];
      const path = `/api/v1/applications/alpha/pods/${pod}/logs?container=main`;
      let all = (await logs(path)).frames.map((f) => f.result).filter((e) => !e.last);
      // Ticks come every 300 ms: wait until the log spans a whole second after its first line.
      while (Date.parse(all[all.length - 1].timeStampStr) < (Math.floor(Date.parse(all[0].timeStampStr) / 1000) + 2) * 1000) {
        await sleep(300);
        all = (await logs(path)).frames.map((f) => f.result).filter((e) => !e.last);
      }
      const since = Math.floor(Date.parse(all[0].timeStampStr) / 1000) + 1;
      const expected = all.filter((e) => Date.parse(e.timeStampStr) >= since * 1000).map((e) => e.timeStampStr);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      const viaRest = (await logs(`${path}&sinceTime.seconds=${since}`)).frames.map((f) => f.result).filter((e) => !e.last);
      expect(viaRest.map((e) => e.timeStampStr).slice(0, expected.length)).toEqual(expected);
      expect(viaRest.every((e) => Date.parse(e.timeStampStr) >= since * 1000)).toBe(true);

      const stream = api.clients.applications.PodLogs({ name: 'alpha', podName: pod, container: 'main', sinceTime: { seconds: String(since), nanos: 0 } }, md(token));
      const viaGrpc = collect(stream as unknown as grpc.ClientReadableStream<{ timeStampStr: string; last: boolean }>);
      await viaGrpc.ended;
      const grpcTimes = viaGrpc.messages.filter((e) => !e.last).map((e) => e.timeStampStr);
      expect(grpcTimes.slice(0, expected.length)).toEqual(expected);

      const both = await api.rest(`${path}&sinceTime.seconds=${since}&sinceSeconds=10`);
      expect((await both.json()).error).toMatchObject({
        grpc_code: grpc.status.INVALID_ARGUMENT,
        message: 'sinceSeconds and sinceTime cannot both be set: Kubernetes takes at most one of them',
      });
    });

    it('answers the lines of every pod under a Deployment, in time order, filtered as asked', async () => {
      const { frames } = await logs('/api/v1/applications/alpha/logs?kind=Deployment&group=apps&resourceName=web&namespace=web');
      const entries = frames.map((f) => f.result).filter((e) => !e.last);
      expect([...new Set(entries.map((e) => e.podName))].sort()).toEqual(podNames);
      const times = entries.map((e) => Date.parse(e.timeStampStr));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const started = await logs('/api/v1/applications/alpha/logs?kind=Deployment&group=apps&resourceName=web&filter=STARTING');
      expect(started.frames.filter((f) => !f.result.last).map((f) => [f.result.podName, f.result.content]).sort()).toEqual(
        podNames.map((p) => [p, 'starting web']),
      );
      const noTicks = await logs('/api/v1/applications/alpha/logs?kind=Deployment&group=apps&resourceName=web&filter=!tick');
      expect(noTicks.frames.filter((f) => !f.result.last).map((f) => f.result.content).sort()).toEqual([
        'listening on :80',
        'listening on :80',
        'starting web',
        'starting web',
      ]);
      const caseSensitive = await logs('/api/v1/applications/alpha/logs?kind=Deployment&filter=STARTING&matchCase=true');
      expect(caseSensitive.frames.map((f) => f.result.last)).toEqual([true]);
      // A selection with no pods ends the stream with nothing, as Argo's does.
      const none = await logs('/api/v1/applications/alpha/logs?kind=StatefulSet');
      expect(none).toEqual({ status: 200, frames: [] });
    });

    it('follows the log over gRPC as the containers write it', async () => {
      const stream = api.clients.applications.PodLogs(
        { name: 'alpha', kind: 'Deployment', group: 'apps', resourceName: 'web', follow: true, tailLines: '1' },
        md(token),
      ) as unknown as grpc.ClientReadableStream<{ content: string; podName: string; last: boolean }>;
      const seen = collect(stream);
      await seen.until((m) => m.filter((e) => e.content.startsWith('tick')).length >= 6, 'ticks of both pods as they are written', 30_000);
      expect(new Set(seen.messages.map((e) => e.podName))).toEqual(new Set(podNames));
      expect(seen.messages.some((e) => e.last)).toBe(false);
      stream.cancel();
      await seen.ended;
    });

    it('needs logs, get on the app, refuses a bad untilTime, and names a missing app', async () => {
      const denied = await api.rest('/api/v1/applications/alpha/logs', { token: alice });
      expect(denied.status).toBe(403);
      expect((await denied.json()).error).toEqual({
        grpc_code: 7,
        http_code: 403,
        message: 'permission denied: logs, get, default/alpha, sub: alice',
        http_status: 'Forbidden',
      });
      const grpcDenied = collect(api.clients.applications.PodLogs({ name: 'alpha' }, md(alice)) as unknown as grpc.ClientReadableStream<unknown>);
      await grpcDenied.ended;
      expect(grpcDenied.error?.code).toBe(grpc.status.PERMISSION_DENIED);
      const hidden = await api.rest('/api/v1/applications/hidden/logs', { token: alice });
      expect(hidden.status).toBe(403);
      expect((await hidden.json()).error.message).toBe('permission denied: applications, get, secret/hidden, sub: alice');
      const badTime = await api.rest('/api/v1/applications/alpha/logs?untilTime=yesterday');
      expect(badTime.status).toBe(400);
      expect((await badTime.json()).error.message).toBe('invalid untilTime parameter value: yesterday is not an RFC 3339 time');
      const missing = await api.rest('/api/v1/applications/nope/pods/x/logs');
      expect(missing.status).toBe(404);
      expect((await missing.json()).error.message).toBe('applications.argoproj.io "nope" not found');
      const noTree = await api.rest('/api/v1/applications/gamma/logs');
      expect(noTree.status).toBe(404);
      expect((await noTree.json()).error.message).toBe(
        'resource tree for application "gamma" is not available yet: the app-controller has not recorded it',
      );
    });

    it('refuses more pods than argocd-cm server.maxPodLogsToRender allows', async () => {
      await api.kube('PATCH', `/api/v1/namespaces/${api.namespace}/configmaps/argocd-cm`, { data: { 'server.maxPodLogsToRender': '1' } }, 'application/merge-patch+json');
      await sleep(1100);
      const res = await api.rest('/api/v1/applications/alpha/logs?kind=Deployment');
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toBe('max pods to view logs are reached. Please provide more granular query');
      await api.kube('PATCH', `/api/v1/namespaces/${api.namespace}/configmaps/argocd-cm`, { data: { 'server.maxPodLogsToRender': null } }, 'application/merge-patch+json');
    });
  });
});
