import { builtinAdmission } from '../../admission/builtin-admission';
import { ManagedFieldsTracking } from '../../cluster/managed-fields.tracking';
import { SimulatedCluster } from '../../cluster/simulated-cluster';
import { KubeObject } from '../../store/kube-object';
import { eventsOf } from './event.recorder';
import { EventTtlReconciler } from './event-ttl.reconciler';

// Events never take a sim's memory with them: a cap on their number, and client-go's spam filter
// on what one source writes about one object.
let cluster: SimulatedCluster;

const start = (limit: number): void => {
  cluster = new SimulatedCluster({
    name: 'limits',
    admission: builtinAdmission(),
    fields: new ManagedFieldsTracking({ forKind: () => undefined }),
    schemas: { forKind: () => undefined },
    crdSchemas: { register() {}, unregister() {} },
    caPem: 'ca',
    reconcilers: [new EventTtlReconciler(limit)],
  });
  cluster.start();
};
afterEach(() => cluster.stop());

const events = (): KubeObject[] => cluster.api.list(cluster.resource('', 'events'), {}).items.map((s) => JSON.parse(s.json) as KubeObject);
const configMap = (name: string): KubeObject => cluster.api.create(cluster.resource('', 'configmaps'), 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
const settle = () => new Promise((r) => setTimeout(r, 50));
/** The reconciler runs off the store's events: on a loaded machine it can take longer than one settle. */
async function until(done: () => boolean, timeoutMs = 5000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !done() && Date.now() < end; ) await settle();
}

describe('Event limits', () => {
  it('keeps a cluster under its cap by dropping the least recently written Events', async () => {
    start(10);
    const t = cluster.resource('', 'events');
    for (let i = 0; i < 12; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString().replace(/\.\d{3}Z$/, 'Z');
      cluster.api.create(t, 'default', { apiVersion: 'v1', kind: 'Event', metadata: { name: `e${String(i).padStart(2, '0')}` }, involvedObject: { kind: 'ConfigMap', name: 'x' }, reason: 'R', message: 'm', lastTimestamp: at });
    }
    await until(() => events().length <= 10);
    const left = events().map((e) => e.metadata.name);
    expect(left.length).toBeLessThanOrEqual(10);
    expect(left).toContain('e11');
    expect(left).not.toContain('e00');
  });

  it('lets one source write 25 Events about an object, then drops the rest', async () => {
    start(1000);
    const cm = configMap('noisy');
    for (let i = 0; i < 40; i++) eventsOf(cluster.ctx).record({ component: 'test-controller' }, cm, { type: 'Normal', reason: 'Tick', message: `tick ${i}` });
    eventsOf(cluster.ctx).record({ component: 'other-controller' }, cm, { type: 'Normal', reason: 'Tick', message: 'from elsewhere' });
    await settle();
    const written = events();
    expect(written.filter((e) => (e.source as { component: string }).component === 'test-controller')).toHaveLength(25);
    expect(written.some((e) => e.message === 'from elsewhere')).toBe(true);
  });

  it('folds an identical occurrence into the first Event, counting it', async () => {
    start(1000);
    const cm = configMap('repeat');
    for (let i = 0; i < 3; i++) eventsOf(cluster.ctx).record({ component: 'test-controller' }, cm, { type: 'Warning', reason: 'Again', message: 'same thing' });
    await settle();
    expect(events()).toEqual([expect.objectContaining({ count: 3, reason: 'Again', type: 'Warning' })]);
  });
});
