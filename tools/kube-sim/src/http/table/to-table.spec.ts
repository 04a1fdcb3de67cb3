import { builtinResources } from '../../registry/builtin-resources';
import { ResourceType } from '../../registry/resource-type';
import { KubeObject } from '../../store/kube-object';
import { humanDuration } from './human-duration';
import { toTable } from './to-table';

const now = new Date('2026-01-01T12:00:00Z');
const created = '2026-01-01T11:58:55Z';
const type = (kind: string): ResourceType => builtinResources().find((t) => t.kind === kind)!;
const row = (kind: string, obj: Partial<KubeObject>) => toTable(type(kind), [{ metadata: { name: 'x', creationTimestamp: created }, ...obj }], { now, includeObject: 'None' }).rows[0].cells.slice(1);

describe('server-side tables', () => {
  it('prints ages the way kubectl does', () => {
    const s = 1000;
    expect([45 * s, 125 * s, 15 * 60 * s, 200 * 60 * s, 50 * 3600 * s, 45 * 86400 * s, 800 * 86400 * s].map(humanDuration)).toEqual(['45s', '2m5s', '15m', '3h20m', '2d2h', '45d', '2y70d']);
  });

  it('shows pod status the way kubelet reasons read', () => {
    const pod = (containerStatuses: object[], phase = 'Running') => row('Pod', { spec: { containers: containerStatuses.map((_, i) => ({ name: `c${i}` })) }, status: { phase, containerStatuses } });
    expect(pod([{ ready: true, restartCount: 0, state: { running: {} } }]).slice(0, 3)).toEqual(['1/1', 'Running', '0']);
    expect(pod([{ ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } }], 'Pending')[1]).toBe('ImagePullBackOff');
    expect(pod([{ ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }], 'Succeeded')[1]).toBe('Completed');
    const crashing = pod([{ ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { finishedAt: '2026-01-01T11:59:30Z' } } }]);
    expect(crashing.slice(1, 3)).toEqual(['CrashLoopBackOff', '4 (30s ago)']);
  });

  it('prints deployments, services, jobs and secrets with their kubectl columns', () => {
    const deploy = toTable(type('Deployment'), [{ metadata: { name: 'web', creationTimestamp: created }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1' }] } } }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } }], { now, includeObject: 'None' });
    expect(deploy.columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual(['Name:0', 'Ready:0', 'Up-to-date:0', 'Available:0', 'Age:0', 'Containers:1', 'Images:1', 'Selector:1']);
    expect(deploy.rows[0].cells).toEqual(['web', '2/3', 3, 2, '65s', 'nginx', 'nginx:1', 'app=web']);
    expect(row('Service', { spec: { type: 'LoadBalancer', clusterIP: '10.96.0.10', ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] }, status: {} }).slice(0, 4)).toEqual(['LoadBalancer', '10.96.0.10', '<pending>', '80:31000/TCP']);
    expect(row('Job', { spec: { completions: 1 }, status: { succeeded: 1, startTime: '2026-01-01T11:59:00Z', completionTime: '2026-01-01T11:59:12Z', conditions: [{ type: 'Complete', status: 'True' }] } }).slice(0, 3)).toEqual(['Complete', '1/1', '12s']);
    expect(row('Secret', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } }).slice(0, 2)).toEqual(['kubernetes.io/tls', 2]);
  });

  it("uses a CRD's additionalPrinterColumns, with JSONPath", () => {
    const widgets: ResourceType = { ...type('ConfigMap'), group: 'example.com', kind: 'Widget', plural: 'widgets', custom: true };
    const crd = { metadata: { name: 'widgets.example.com' }, spec: { versions: [{ name: 'v1', additionalPrinterColumns: [{ name: 'Phase', type: 'string', jsonPath: '.status.phase' }, { name: 'Size', type: 'integer', jsonPath: '.spec.size' }, { name: 'Hosts', type: 'string', jsonPath: '.spec.routes[*].host', priority: 1 }] }] } } as unknown as KubeObject;
    const t = toTable(widgets, [{ metadata: { name: 'w' }, spec: { size: 3, routes: [{ host: 'a' }, { host: 'b' }] }, status: { phase: 'Ready' } }], { now, includeObject: 'Object', crd });
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Phase', 'Size', 'Hosts']);
    expect(t.rows[0].cells).toEqual(['w', 'Ready', 3, 'a,b']);
    expect((t.rows[0].object as KubeObject).metadata.name).toBe('w');
  });

  it('sends PartialObjectMetadata rows when asked for metadata only', () => {
    const t = toTable(type('ConfigMap'), [{ metadata: { name: 'cm', creationTimestamp: created }, data: { a: '1' } }], { now, includeObject: 'Metadata' });
    expect(t.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 'cm', creationTimestamp: created } });
  });
});
