import { KubeSim, startKubeSim } from '../../kube-sim';

// The Events a real cluster's controllers write (client-go tools/record; pkg/kubelet/events;
// pkg/controller/*), read back over HTTP as `kubectl get events` and `describe` read them.
let sim: KubeSim;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'events', tls: false, auth: false, timing: { podStartMs: 50, jobRunMs: 50, jitter: 0, nodes: 1, namespaceDeletionMs: 0 } });
});
afterAll(async () => {
  await sim.stop();
});

async function api(path: string, init: { method?: string; body?: unknown } = {}): Promise<any> {
  const res = await fetch(`${sim.url}${path}`, { method: init.method ?? 'GET', headers: { 'Content-Type': 'application/json' }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

async function until<T>(probe: () => Promise<T> | T, what: string, ms = 8000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const events = async (ns: string, selector = ''): Promise<any[]> => (await api(`/api/v1/namespaces/${ns}/events${selector ? `?fieldSelector=${encodeURIComponent(selector)}` : ''}`)).items;
const find = (items: any[], reason: string, kind?: string) => items.find((e) => e.reason === reason && (!kind || e.involvedObject.kind === kind));
const namespace = (name: string) => api('/api/v1/namespaces', { method: 'POST', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
const container = (annotations: Record<string, string> = {}, extra: object = {}) => ({ metadata: { labels: { app: 'web' }, annotations }, spec: { containers: [{ name: 'main', image: 'nginx:1.27' }], ...extra } });

describe('Events', () => {
  it('records a rollout as the scheduler, kubelet, replicaset and deployment controllers do', async () => {
    await namespace('ev-rollout');
    await api('/apis/apps/v1/namespaces/ev-rollout/deployments', { method: 'POST', body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: container() } } });
    const items = await until(async () => {
      const all = await events('ev-rollout');
      return all.filter((e) => e.reason === 'Started').length === 2 ? all : undefined;
    }, 'two Started events');
    const [pod] = (await api('/api/v1/namespaces/ev-rollout/pods')).items;
    const rs = (await api('/apis/apps/v1/namespaces/ev-rollout/replicasets')).items[0];

    const started = items.find((e) => e.reason === 'Started' && e.involvedObject.name === pod.metadata.name);
    expect(started).toMatchObject({
      apiVersion: 'v1',
      kind: 'Event',
      type: 'Normal',
      message: 'Started container main',
      count: 1,
      source: { component: 'kubelet', host: pod.spec.nodeName },
      reportingComponent: 'kubelet',
      reportingInstance: pod.spec.nodeName,
      eventTime: null,
      involvedObject: { kind: 'Pod', namespace: 'ev-rollout', name: pod.metadata.name, uid: pod.metadata.uid, apiVersion: 'v1', fieldPath: 'spec.containers{main}' },
    });
    expect(started.metadata.name).toMatch(new RegExp(`^${pod.metadata.name}\\.[0-9a-f]{16}$`));
    expect(started.involvedObject.resourceVersion).toMatch(/^\d+$/);
    expect(started.firstTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(started.lastTimestamp).toBe(started.firstTimestamp);

    const scheduled = items.find((e) => e.reason === 'Scheduled' && e.involvedObject.name === pod.metadata.name);
    expect(scheduled).toMatchObject({ type: 'Normal', action: 'Binding', source: {}, firstTimestamp: null, reportingComponent: 'default-scheduler', message: `Successfully assigned ev-rollout/${pod.metadata.name} to ${pod.spec.nodeName}` });
    expect(scheduled.eventTime).toMatch(/\.\d{6}Z$/);
    // The scheduler writes through events.k8s.io/v1, and its managedFields say so.
    expect(scheduled.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'kube-scheduler', apiVersion: 'events.k8s.io/v1', operation: 'Update' })]);
    expect(scheduled.count).toBeUndefined();

    const pulled = items.filter((e) => e.reason === 'Pulled' && e.involvedObject.name === pod.metadata.name);
    expect(pulled[0].message).toMatch(/^Successfully pulled image "nginx:1.27" in (\d+ms|[\d.]+s) \((\d+ms|[\d.]+s) including waiting\)\. Image size: \d+ bytes\.$/);
    expect(find(items, 'Pulling')).toMatchObject({ message: 'Pulling image "nginx:1.27"', involvedObject: { fieldPath: 'spec.containers{main}' } });
    expect(find(items, 'Created')).toMatchObject({ message: 'Created container: main' });

    const creates = items.filter((e) => e.reason === 'SuccessfulCreate');
    expect(creates.map((e) => e.message).sort()).toEqual(items.filter((e) => e.reason === 'Scheduled').map((e) => `Created pod: ${e.involvedObject.name}`).sort());
    expect(creates[0]).toMatchObject({ source: { component: 'replicaset-controller' }, involvedObject: { kind: 'ReplicaSet', name: rs.metadata.name, apiVersion: 'apps/v1', uid: rs.metadata.uid } });
    expect(find(items, 'ScalingReplicaSet', 'Deployment')).toMatchObject({ message: `Scaled up replica set ${rs.metadata.name} from 0 to 2`, source: { component: 'deployment-controller' }, reportingComponent: 'deployment-controller', reportingInstance: '' });

    // kubectl describe asks for one object's Events by field selector.
    const forPod = await events('ev-rollout', `involvedObject.name=${pod.metadata.name},involvedObject.namespace=ev-rollout,involvedObject.uid=${pod.metadata.uid}`);
    expect(forPod.map((e) => e.reason)).toEqual(expect.arrayContaining(['Scheduled', 'Pulled', 'Created', 'Started']));
    expect(forPod.every((e) => e.involvedObject.name === pod.metadata.name)).toBe(true);
  });

  it('records a scale-down: the deployment scales the set, the set deletes a pod, the kubelet stops it', async () => {
    await namespace('ev-down');
    await api('/apis/apps/v1/namespaces/ev-down/deployments', { method: 'POST', body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: container() } } });
    await until(async () => (await events('ev-down')).filter((e) => e.reason === 'Started').length === 2, 'two pods started');
    await fetch(`${sim.url}/apis/apps/v1/namespaces/ev-down/deployments/web`, { method: 'PATCH', headers: { 'Content-Type': 'application/merge-patch+json' }, body: JSON.stringify({ spec: { replicas: 1 } }) });
    const items = await until(async () => {
      const all = await events('ev-down');
      return find(all, 'Killing') ? all : undefined;
    }, 'a Killing event');
    const deleted = find(items, 'SuccessfulDelete', 'ReplicaSet');
    expect(deleted.message).toMatch(/^Deleted pod: web-\w+-\w+$/);
    expect(find(items, 'Killing')).toMatchObject({ type: 'Normal', message: 'Stopping container main', source: { component: 'kubelet' }, involvedObject: { kind: 'Pod', name: deleted.message.slice('Deleted pod: '.length), fieldPath: 'spec.containers{main}' } });
    expect(items.filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Scaled down replica set web-\w+ from 2 to 1$/)]));
  });

  it('records the StatefulSet controller creating ordinal pods and their claims, and the DaemonSet controller its pods', async () => {
    await namespace('ev-sets');
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { replicas: 2, serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: container(), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } };
    await api('/apis/apps/v1/namespaces/ev-sets/statefulsets', { method: 'POST', body: sts });
    await api('/apis/apps/v1/namespaces/ev-sets/daemonsets', { method: 'POST', body: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'web' } }, template: container() } } });
    const items = await until(async () => {
      const all = await events('ev-sets');
      return all.filter((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.kind === 'StatefulSet').length === 4 && find(all, 'SuccessfulCreate', 'DaemonSet') ? all : undefined;
    }, 'the sets\' pods and claims');
    expect(items.filter((e) => e.involvedObject.kind === 'StatefulSet').map((e) => e.message).sort()).toEqual([
      'create Claim data-db-0 Pod db-0 in StatefulSet db success',
      'create Claim data-db-1 Pod db-1 in StatefulSet db success',
      'create Pod db-0 in StatefulSet db successful',
      'create Pod db-1 in StatefulSet db successful',
    ]);
    expect(find(items, 'SuccessfulCreate', 'StatefulSet').source).toEqual({ component: 'statefulset-controller' });
    expect(find(items, 'SuccessfulCreate', 'DaemonSet')).toMatchObject({ source: { component: 'daemonset-controller' }, message: expect.stringMatching(/^Created pod: agent-\w{5}$/) });
  });

  it('folds a crashing container\'s repeated back-off into one Warning whose count grows', async () => {
    await namespace('ev-crash');
    await api('/api/v1/namespaces/ev-crash/pods', { method: 'POST', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crasher', annotations: { 'kube-sim.flotilla.dev/fail': 'crash' } }, spec: { containers: [{ name: 'main', image: 'app:1' }] } } });
    const backOff = await until(async () => (await events('ev-crash')).find((e) => e.reason === 'BackOff' && e.count >= 2), 'a repeated BackOff', 6000);
    expect(backOff).toMatchObject({ type: 'Warning', involvedObject: { fieldPath: 'spec.containers{main}' } });
    expect(backOff.message).toMatch(/^Back-off restarting failed container main in pod crasher_ev-crash\([0-9a-f-]{36}\)$/);
    expect(backOff.lastTimestamp >= backOff.firstTimestamp).toBe(true);
    expect((await events('ev-crash')).filter((e) => e.reason === 'BackOff')).toHaveLength(1);
  });

  it('reports image pull failures as the kubelet does', async () => {
    await namespace('ev-pull');
    await api('/api/v1/namespaces/ev-pull/pods', { method: 'POST', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nopull', annotations: { 'kube-sim.flotilla.dev/fail': 'image-pull' } }, spec: { containers: [{ name: 'main', image: 'missing:1' }] } } });
    const items = await until(async () => {
      const all = await events('ev-pull');
      return all.some((e) => e.message === 'Error: ImagePullBackOff') ? all : undefined;
    }, 'ImagePullBackOff');
    expect(items.filter((e) => e.type === 'Warning').map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'Failed to pull image "missing:1": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/missing:1": failed to resolve reference "docker.io/library/missing:1": docker.io/library/missing:1: not found',
        'Error: ErrImagePull',
        'Error: ImagePullBackOff',
      ]),
    );
    expect(find(items, 'BackOff')).toMatchObject({ type: 'Normal', message: 'Back-off pulling image "missing:1"' });
    expect(find(items, 'Pulling')).toMatchObject({ message: 'Pulling image "missing:1"' });
  });

  it('records a Job completing, and one failing past its backoff limit', async () => {
    await namespace('ev-jobs');
    const job = (name: string, annotations: Record<string, string>) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { backoffLimit: 0, template: container(annotations, { restartPolicy: 'Never' }) } });
    await api('/apis/batch/v1/namespaces/ev-jobs/jobs', { method: 'POST', body: job('ok', {}) });
    await api('/apis/batch/v1/namespaces/ev-jobs/jobs', { method: 'POST', body: job('bad', { 'kube-sim.flotilla.dev/fail': 'job' }) });
    const items = await until(async () => {
      const all = await events('ev-jobs');
      return find(all, 'Completed') && find(all, 'BackoffLimitExceeded') ? all : undefined;
    }, 'both Jobs to finish');
    expect(find(items, 'Completed')).toMatchObject({ type: 'Normal', message: 'Job completed', source: { component: 'job-controller' }, involvedObject: { kind: 'Job', name: 'ok', apiVersion: 'batch/v1' } });
    expect(find(items, 'BackoffLimitExceeded')).toMatchObject({ type: 'Warning', message: 'Job has reached the specified backoff limit', involvedObject: { name: 'bad' } });
    expect(items.filter((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.kind === 'Job').map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Created pod: ok-[a-z0-9]{5}$/), expect.stringMatching(/^Created pod: bad-[a-z0-9]{5}$/)]));
  });

  it('serves the same Events as events.k8s.io/v1, and streams them to a watch', async () => {
    await namespace('ev-v1');
    const watch = new AbortController();
    const seen: any[] = [];
    const streaming = fetch(`${sim.url}/api/v1/namespaces/ev-v1/events?watch=1`, { signal: watch.signal }).then(async (res) => {
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) for (const line of decoder.decode(chunk).split('\n').filter(Boolean)) seen.push(JSON.parse(line));
    }).catch(() => undefined);
    await api('/api/v1/namespaces/ev-v1/pods', { method: 'POST', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo' }, spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] } } });
    const started = await until(async () => find(await events('ev-v1'), 'Started'), 'Started');
    // The one node already pulled this image for the rollout above.
    expect(find(await events('ev-v1'), 'Pulled').message).toBe('Container image "nginx:1.27" already present on machine');
    const v1 = await until(async () => (await api('/apis/events.k8s.io/v1/namespaces/ev-v1/events')).items.find((e: any) => e.metadata.name === started.metadata.name), 'the events.k8s.io copy');
    expect(v1).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: started.metadata.name, uid: started.metadata.uid },
      regarding: started.involvedObject,
      note: 'Started container main',
      reason: 'Started',
      type: 'Normal',
      reportingController: 'kubelet',
      deprecatedSource: started.source,
      deprecatedCount: 1,
      deprecatedFirstTimestamp: started.firstTimestamp,
      eventTime: null,
    });
    await until(() => seen.some((e) => e.type === 'ADDED' && e.object.reason === 'Started'), 'the watch to deliver Started');
    watch.abort();
    await streaming;
  });

  it('takes a namespace\'s Events with it when the namespace is deleted', async () => {
    await namespace('ev-gone');
    await api('/api/v1/namespaces/ev-gone/pods', { method: 'POST', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] } } });
    await until(async () => find(await events('ev-gone'), 'Started'), 'Started');
    await api('/api/v1/namespaces/ev-gone', { method: 'DELETE' });
    await until(async () => (await fetch(`${sim.url}/api/v1/namespaces/ev-gone`)).status === 404, 'the namespace to go');
    expect((await api('/api/v1/events')).items.filter((e: any) => e.metadata.namespace === 'ev-gone')).toEqual([]);
    expect((await api('/apis/events.k8s.io/v1/events')).items.filter((e: any) => e.metadata.namespace === 'ev-gone')).toEqual([]);
  });
});

describe('Event expiry', () => {
  it('deletes an Event its TTL after the last write, as the apiserver\'s event lease does', async () => {
    const short = await startKubeSim({ name: 'events-ttl', tls: false, auth: false, timing: { eventTtlMs: 300 } });
    try {
      const res = await fetch(`${short.url}/api/v1/namespaces/default/events`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'x.1' }, involvedObject: { kind: 'Pod', name: 'x', namespace: 'default' }, reason: 'Test', message: 'hello', type: 'Normal', lastTimestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') }) });
      expect(res.status).toBe(201);
      const deadline = Date.now() + 4000;
      while ((await fetch(`${short.url}/api/v1/namespaces/default/events/x.1`)).status !== 404) {
        if (Date.now() > deadline) throw new Error('the Event outlived its TTL');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await short.stop();
    }
  });
});

describe('Events on 1.20', () => {
  it('reads as a real 1.20 cluster\'s: no reporting fields from the core recorder, older texts', async () => {
    const old = await startKubeSim({ name: 'events-120', tls: false, auth: false, kubeVersion: '1.20', timing: { podStartMs: 50, jitter: 0, nodes: 1 } });
    try {
      const post = (path: string, body: unknown) => fetch(`${old.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      await post('/apis/apps/v1/namespaces/default/deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: container() } });
      const items = await until(async () => {
        const all = ((await (await fetch(`${old.url}/api/v1/namespaces/default/events`)).json()) as { items: any[] }).items;
        return all.filter((e) => e.reason === 'Started').length === 2 ? all : undefined;
      }, 'two Started events');
      expect(find(items, 'ScalingReplicaSet').message).toMatch(/^Scaled up replica set web-\w+ to 2$/);
      expect(find(items, 'Created')).toMatchObject({ message: 'Created container main', reportingComponent: '', reportingInstance: '', source: { component: 'kubelet' } });
      expect(find(items, 'SuccessfulCreate')).toMatchObject({ reportingComponent: '', reportingInstance: '' });
      expect(find(items, 'Scheduled')).toMatchObject({ reportingComponent: 'default-scheduler', action: 'Binding' });
    } finally {
      await old.stop();
    }
  });
});
