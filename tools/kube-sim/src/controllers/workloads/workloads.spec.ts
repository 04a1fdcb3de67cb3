import { builtinAdmission } from '../../admission/builtin-admission';
import { ManagedFieldsTracking } from '../../cluster/managed-fields.tracking';
import { SimulatedCluster } from '../../cluster/simulated-cluster';
import { KubeObject } from '../../store/kube-object';
import { nextRun, parseCron } from './cron-schedule';
import { nodeObjects, workloadReconcilers } from './index';

// The simulated controllers through the cluster's own API, with kube's admission defaults.
let cluster: SimulatedCluster;

beforeEach(() => {
  cluster = new SimulatedCluster({
    name: 't',
    admission: builtinAdmission(),
    fields: new ManagedFieldsTracking({ forKind: () => undefined }),
    schemas: { forKind: () => undefined },
    crdSchemas: { register() {}, unregister() {} },
    caPem: 'ca',
    timing: { podStartMs: 30, jobRunMs: 30, nodes: 3 },
    reconcilers: workloadReconcilers(),
  });
  cluster.start(nodeObjects(3));
});
afterEach(() => cluster.stop());

const t = (group: string, plural: string) => cluster.resource(group, plural);
const get = (group: string, plural: string, name: string, ns = 'default'): any => cluster.api.find(t(group, plural), ns, name);
const list = (group: string, plural: string, ns = 'default'): any[] => cluster.api.list(t(group, plural), { namespace: ns }).items.map((s) => JSON.parse(s.json));

async function until<T>(probe: () => T, what: string, ms = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const podTemplate = (image: string, annotations: Record<string, string> = {}) => ({ metadata: { labels: { app: 'web' }, annotations }, spec: { containers: [{ name: 'app', image }] } });
const deployment = (replicas: number, image: string, extra: object = {}): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: podTemplate(image), ...extra } });
const complete = (d: any) => d?.status?.conditions?.some((c: any) => c.type === 'Progressing' && c.reason === 'NewReplicaSetAvailable') && d.status.availableReplicas === d.spec.replicas && d.status.replicas === d.spec.replicas;

describe('simulated workloads', () => {
  it('rolls a Deployment out to complete status and conditions', async () => {
    cluster.api.create(t('apps', 'deployments'), 'default', deployment(3, 'app:1'));
    const d = await until(() => (complete(get('apps', 'deployments', 'web')) ? get('apps', 'deployments', 'web') : undefined), 'the rollout');
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.conditions.find((c: any) => c.type === 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
    const pods = list('', 'pods');
    expect(pods).toHaveLength(3);
    expect(new Set(pods.map((p) => p.spec.nodeName)).size).toBe(3);
    expect(pods.every((p) => p.status.phase === 'Running' && p.status.podIP)).toBe(true);
  });

  it('rolls a new template out to a second ReplicaSet and drains the old one', async () => {
    cluster.api.create(t('apps', 'deployments'), 'default', deployment(2, 'app:1'));
    await until(() => complete(get('apps', 'deployments', 'web')), 'the first rollout');
    const live = get('apps', 'deployments', 'web');
    cluster.api.update(t('apps', 'deployments'), 'default', 'web', { ...live, spec: { ...live.spec, template: podTemplate('app:2') } });
    const d = await until(() => {
      const x = get('apps', 'deployments', 'web');
      return x.status.observedGeneration === 2 && complete(x) ? x : undefined;
    }, 'the second rollout');
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    const sets = list('apps', 'replicasets');
    expect(sets).toHaveLength(2);
    expect(sets.map((rs) => rs.spec.replicas).sort()).toEqual([0, 2]);
    await until(() => list('', 'pods').every((p) => p.spec.containers[0].image === 'app:2') && list('', 'pods').length === 2, 'old pods to go');
  });

  it('reports ProgressDeadlineExceeded when images cannot be pulled', async () => {
    const d = deployment(1, 'missing:1', { progressDeadlineSeconds: 1 });
    (d.spec as any).template = podTemplate('missing:1', { 'kube-sim.flotilla.dev/fail': 'image-pull' });
    cluster.api.create(t('apps', 'deployments'), 'default', d);
    const stalled = await until(() => get('apps', 'deployments', 'web').status?.conditions?.find((c: any) => c.reason === 'ProgressDeadlineExceeded'), 'the deadline', 4000);
    expect(stalled).toMatchObject({ type: 'Progressing', status: 'False' });
    const pod = list('', 'pods')[0];
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.containerStatuses[0].state.waiting.reason).toMatch(/ErrImagePull|ImagePullBackOff/);
  });

  it('creates StatefulSet pods in order with a claim each', async () => {
    cluster.api.create(t('apps', 'statefulsets'), 'default', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { replicas: 3, serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: podTemplate('db:1'), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
    });
    const sts = await until(() => (get('apps', 'statefulsets', 'db').status?.readyReplicas === 3 ? get('apps', 'statefulsets', 'db') : undefined), 'three ready replicas');
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision);
    expect(list('', 'pods').map((p) => p.metadata.name).sort()).toEqual(['db-0', 'db-1', 'db-2']);
    await until(() => list('', 'persistentvolumeclaims').filter((c) => c.status?.phase === 'Bound').length === 3, 'bound claims');
    expect(list('', 'persistentvolumeclaims').map((c) => c.metadata.name).sort()).toEqual(['data-db-0', 'data-db-1', 'data-db-2']);
  });

  it('runs one DaemonSet pod per node', async () => {
    cluster.api.create(t('apps', 'daemonsets'), 'default', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate('agent:1') } });
    const ds = await until(() => (get('apps', 'daemonsets', 'agent').status?.numberReady === 3 ? get('apps', 'daemonsets', 'agent') : undefined), 'three ready daemon pods');
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, updatedNumberScheduled: 3, numberMisscheduled: 0 });
  });

  it('completes a Job, and fails one whose pods fail past the backoff limit', async () => {
    const job = (name: string, annotations: Record<string, string>, backoffLimit: number): KubeObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { backoffLimit, template: { metadata: { annotations }, spec: { restartPolicy: 'Never', containers: [{ name: 'run', image: 'busybox:1' }] } } } });
    cluster.api.create(t('batch', 'jobs'), 'default', job('ok', {}, 6));
    cluster.api.create(t('batch', 'jobs'), 'default', job('bad', { 'kube-sim.flotilla.dev/fail': 'job' }, 1));
    const ok = await until(() => (get('batch', 'jobs', 'ok').status?.conditions?.some((c: any) => c.type === 'Complete') ? get('batch', 'jobs', 'ok') : undefined), 'completion');
    expect(ok.status).toMatchObject({ succeeded: 1 });
    expect(ok.status.completionTime).toBeTruthy();
    const bad = await until(() => get('batch', 'jobs', 'bad').status?.conditions?.find((c: any) => c.type === 'Failed'), 'failure');
    expect(bad).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded' });
    expect(get('batch', 'jobs', 'bad').status.failed).toBe(2);
  });

  it('gives LoadBalancer Services an ingress address', async () => {
    cluster.api.create(t('', 'services'), 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] } });
    const ingress = await until(() => get('', 'services', 'lb').status?.loadBalancer?.ingress?.[0], 'an address');
    expect(ingress.ip).toMatch(/^172\.18\.255\.\d+$/);
    expect(get('', 'services', 'lb').spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
  });
});

describe('cron schedules', () => {
  it('finds the next run of common schedules in UTC', () => {
    const at = new Date('2026-11-22T10:07:30Z');
    expect(nextRun(parseCron('*/15 * * * *'), at).toISOString()).toBe('2026-11-22T10:15:00.000Z');
    expect(nextRun(parseCron('@daily'), at).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(nextRun(parseCron('0 9 * * mon-fri'), at).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(nextRun(parseCron('30 2 1 jan,jul *'), at).toISOString()).toBe('2027-01-01T02:30:00.000Z');
  });

  it('rejects malformed schedules', () => {
    expect(() => parseCron('* * *')).toThrow('expected exactly 5 fields, found 3');
    expect(() => parseCron('61 * * * *')).toThrow('invalid minute field "61"');
  });
});
