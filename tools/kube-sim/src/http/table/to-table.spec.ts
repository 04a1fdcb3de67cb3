import { builtinResources } from '../../registry/builtin-resources';
import { ResourceType } from '../../registry/resource-type';
import { KubeObject } from '../../store/kube-object';
import { toTable } from './to-table';

const now = new Date('2026-01-01T12:00:00Z');
const created = '2026-01-01T11:58:55Z';
const type = (kind: string, group?: string): ResourceType =>
  builtinResources().find((t) => t.kind === kind && (group === undefined || t.group === group))!;
const obj = (fields: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: 'x', namespace: 'default', creationTimestamp: created, ...meta },
  ...fields,
});
const table = (kind: string, o: KubeObject) => toTable(type(kind), [o], { now, includeObject: 'None' });
const row = (kind: string, fields: Record<string, unknown>, meta?: Record<string, unknown>): unknown[] =>
  table(kind, obj(fields, meta)).rows[0].cells;
const columns = (kind: string): string[] => table(kind, obj({})).columnDefinitions.map((c) => (c.priority ? `${c.name}(wide)` : c.name));

describe('server-side tables for kubectl get', () => {
  it('answers with a meta.k8s.io/v1 Table whose cells line up with its columns', () => {
    const t = table('ConfigMap', obj({ data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }));
    expect(t).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Data', 'Age']);
    expect(t.columnDefinitions[2]).toMatchObject({
      type: 'string',
      description: expect.stringMatching(/^CreationTimestamp is a timestamp/),
    });
    expect(t.rows[0].cells).toEqual(['x', 3, '65s']);
  });

  it('prints deployments as kubectl does, with containers, images and selector only under -o wide', () => {
    const deploy = obj({
      spec: {
        replicas: 3,
        selector: { matchLabels: { tier: 'web', app: 'shop' } },
        template: {
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx:1.27' },
              { name: 'log', image: 'busybox' },
            ],
          },
        },
      },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    });
    expect(columns('Deployment')).toEqual([
      'Name',
      'Ready',
      'Up-to-date',
      'Available',
      'Age',
      'Containers(wide)',
      'Images(wide)',
      'Selector(wide)',
    ]);
    expect(table('Deployment', deploy).rows[0].cells).toEqual([
      'x',
      '2/3',
      3,
      2,
      '65s',
      'nginx,log',
      'nginx:1.27,busybox',
      'app=shop,tier=web',
    ]);
    expect(
      row('ReplicaSet', {
        spec: { replicas: 2, selector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] } },
        status: { replicas: 2, readyReplicas: 1 },
      }),
    ).toEqual(['x', 2, 2, 1, '65s', '', '', 'env in (dev,prod)']);
    expect(row('StatefulSet', { spec: { replicas: 3 }, status: { readyReplicas: 3 } }).slice(0, 3)).toEqual(['x', '3/3', '65s']);
    expect(
      row('DaemonSet', {
        spec: { template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
        status: { desiredNumberScheduled: 2, numberReady: 1 },
      }).slice(1, 7),
    ).toEqual([2, 0, 1, 0, 0, 'kubernetes.io/os=linux']);
  });

  it('prints services: type, cluster IP, external IP and ports', () => {
    expect(columns('Service')).toEqual(['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector(wide)']);
    const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => row('Service', { spec, status }).slice(1, 5);
    expect(
      svc({
        type: 'ClusterIP',
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ports: [
          { port: 80, protocol: 'TCP' },
          { port: 53, protocol: 'UDP' },
        ],
      }),
    ).toEqual(['ClusterIP', '10.96.0.10', '<none>', '80/TCP,53/UDP']);
    expect(svc({ type: 'NodePort', clusterIPs: ['10.96.0.11'], ports: [{ port: 80, nodePort: 31234, protocol: 'TCP' }] })).toEqual([
      'NodePort',
      '10.96.0.11',
      '<none>',
      '80:31234/TCP',
    ]);
    expect(svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.12'], ports: [{ port: 443, nodePort: 30443, protocol: 'TCP' }] })).toEqual([
      'LoadBalancer',
      '10.96.0.12',
      '<pending>',
      '443:30443/TCP',
    ]);
    expect(
      svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.12'], ports: [] }, { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } }),
    ).toEqual(['LoadBalancer', '10.96.0.12', '203.0.113.7', '<none>']);
    expect(svc({ type: 'ExternalName', externalName: 'db.example.com' })).toEqual(['ExternalName', '<none>', 'db.example.com', '<none>']);
    expect(row('Service', { spec: { selector: { app: 'web' } } })[6]).toBe('app=web');
  });

  it('prints jobs with status, completions and duration, and cronjobs as kube 1.32 does', () => {
    const job = (spec: Record<string, unknown>, status: Record<string, unknown>, meta?: Record<string, unknown>) =>
      row('Job', { spec, status }, meta).slice(1, 4);
    expect(columns('Job')).toEqual([
      'Name',
      'Status',
      'Completions',
      'Duration',
      'Age',
      'Containers(wide)',
      'Images(wide)',
      'Selector(wide)',
    ]);
    expect(
      job(
        { completions: 1 },
        {
          succeeded: 1,
          startTime: '2026-01-01T11:59:00Z',
          completionTime: '2026-01-01T11:59:12Z',
          conditions: [{ type: 'Complete', status: 'True' }],
        },
      ),
    ).toEqual(['Complete', '1/1', '12s']);
    expect(job({ parallelism: 3 }, { active: 3, startTime: '2026-01-01T11:59:00Z' })).toEqual(['Running', '0/1 of 3', '60s']);
    expect(job({ completions: 2 }, { failed: 2, conditions: [{ type: 'Failed', status: 'True' }] })).toEqual(['Failed', '0/2', '']);
    expect(job({ completions: 1, suspend: true }, { conditions: [{ type: 'Suspended', status: 'True' }] })[0]).toBe('Suspended');
    expect(job({ completions: 1 }, {}, { deletionTimestamp: created })[0]).toBe('Terminating');
    expect(
      row('CronJob', {
        spec: { schedule: '*/5 * * * *', suspend: false },
        status: { active: [{ name: 'j' }], lastScheduleTime: '2026-01-01T11:55:00Z' },
      }).slice(1, 7),
    ).toEqual(['*/5 * * * *', '<none>', 'False', 1, '5m', '65s']);
  });

  it('prints secrets, namespaces, service accounts and endpoints', () => {
    expect(row('Secret', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==', 'tls.key': 'eQ==' } })).toEqual([
      'x',
      'kubernetes.io/tls',
      2,
      '65s',
    ]);
    expect(row('Namespace', { status: { phase: 'Terminating' } })).toEqual(['x', 'Terminating', '65s']);
    expect(row('ServiceAccount', { secrets: [{ name: 's' }] })).toEqual(['x', 1, '65s']);
    const subsets = [
      { addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }, { ip: '10.0.0.4' }], ports: [{ port: 8080 }] },
    ];
    expect(row('Endpoints', { subsets })[1]).toBe('10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...');
    expect(row('Endpoints', {})[1]).toBe('<none>');
  });

  it('prints nodes, PVCs and events with their kubectl columns', () => {
    const node = {
      spec: { unschedulable: true },
      status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.0' } },
    };
    expect(row('Node', node, { labels: { 'node-role.kubernetes.io/control-plane': '' } }).slice(1, 5)).toEqual([
      'Ready,SchedulingDisabled',
      'control-plane',
      '65s',
      'v1.32.0',
    ]);
    expect(row('Node', {}).slice(1, 3)).toEqual(['Unknown', '<none>']);
    const bound = {
      spec: { volumeName: 'pv-1', storageClassName: 'standard' },
      status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] },
    };
    expect(row('PersistentVolumeClaim', bound)).toEqual(['x', 'Bound', 'pv-1', '1Gi', 'RWO,RWX', 'standard', '<unset>', '65s', '<unset>']);
    expect(row('PersistentVolumeClaim', { spec: { storageClassName: 'standard' }, status: { phase: 'Pending' } }).slice(1, 6)).toEqual([
      'Pending',
      '',
      '',
      '',
      'standard',
    ]);
    expect(columns('Event')).toEqual([
      'Last Seen',
      'Type',
      'Reason',
      'Object',
      'Subobject(wide)',
      'Source(wide)',
      'Message',
      'First Seen(wide)',
      'Count(wide)',
      'Name(wide)',
    ]);
    const event = {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container \n',
      involvedObject: { kind: 'Pod', name: 'web-1' },
      firstTimestamp: '2026-01-01T11:50:00Z',
      lastTimestamp: '2026-01-01T11:59:00Z',
      count: 7,
      source: { component: 'kubelet', host: 'node-1' },
    };
    expect(row('Event', event)).toEqual([
      '60s',
      'Warning',
      'BackOff',
      'pod/web-1',
      '',
      'kubelet, node-1',
      'Back-off restarting failed container',
      '10m',
      7,
      'x',
    ]);
  });

  it('prints bindings with Kind/name roles and their subjects in the wide columns', () => {
    const subjects = [
      { kind: 'User', name: 'alice' },
      { kind: 'Group', name: 'devs' },
      { kind: 'ServiceAccount', name: 'argocd', namespace: 'argocd' },
      { kind: 'User', name: 'bob' },
    ];
    expect(columns('ClusterRoleBinding')).toEqual(['Name', 'Role', 'Age', 'Users(wide)', 'Groups(wide)', 'ServiceAccounts(wide)']);
    expect(row('RoleBinding', { roleRef: { kind: 'ClusterRole', name: 'admin' }, subjects })).toEqual([
      'x',
      'ClusterRole/admin',
      '65s',
      'alice, bob',
      'devs',
      'argocd/argocd',
    ]);
  });

  it('gives kinds without a kube printer the default Name and Created At table', () => {
    for (const kind of ['Role', 'ClusterRole', 'CustomResourceDefinition', 'LimitRange']) {
      const t = table(kind, obj({}, { creationTimestamp: '2026-01-01T11:58:55.123Z' }));
      expect(t.columnDefinitions.map((c) => `${c.name}:${c.type}`)).toEqual(['Name:string', 'Created At:date']);
      expect(t.rows[0].cells).toEqual(['x', '2026-01-01T11:58:55Z']);
    }
  });

  it('prints ingresses, leases, HPAs, PDBs, storage classes and controller revisions', () => {
    const ing = {
      spec: { ingressClassName: 'nginx', rules: [{ host: 'shop.example.com' }], tls: [{ hosts: ['shop.example.com'] }] },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.9' }] } },
    };
    expect(row('Ingress', ing)).toEqual(['x', 'nginx', 'shop.example.com', '203.0.113.9', '80, 443', '65s']);
    expect(row('Ingress', { spec: {} }).slice(1, 5)).toEqual(['<none>', '*', '', '80']);
    expect(row('Lease', { spec: { holderIdentity: 'controller-0' } })).toEqual(['x', 'controller-0', '65s']);
    const hpa = {
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      },
      status: { currentReplicas: 2 },
    };
    expect(toTable(type('HorizontalPodAutoscaler', 'autoscaling'), [obj(hpa)], { now, includeObject: 'None' }).rows[0].cells).toEqual([
      'x',
      'Deployment/web',
      'cpu: <unknown>/80%',
      '2',
      10,
      2,
      '65s',
    ]);
    expect(row('PodDisruptionBudget', { spec: { minAvailable: '50%' }, status: { disruptionsAllowed: 1 } })).toEqual([
      'x',
      '50%',
      'N/A',
      1,
      '65s',
    ]);
    expect(
      row(
        'StorageClass',
        { provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' },
        { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      ),
    ).toEqual(['x (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '65s']);
    const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: 'u', controller: true };
    expect(row('ControllerRevision', { revision: 3 }, { ownerReferences: [owner] })).toEqual(['x', 'daemonset.apps/fluentd', 3, '65s']);
  });

  it('puts every -o wide column at priority 1 and every other at 0', () => {
    const wide = [
      'IP',
      'Node',
      'Nominated Node',
      'Readiness Gates',
      'Containers',
      'Images',
      'Selector',
      'Users',
      'Groups',
      'ServiceAccounts',
      'Internal-IP',
      'External-IP',
      'OS-Image',
      'Kernel-Version',
      'Container-Runtime',
      'VolumeMode',
    ];
    for (const kind of [
      'Pod',
      'Deployment',
      'ReplicaSet',
      'DaemonSet',
      'Job',
      'CronJob',
      'Service',
      'Node',
      'RoleBinding',
      'PersistentVolumeClaim',
    ]) {
      for (const c of table(kind, obj({})).columnDefinitions) {
        const expected = wide.includes(c.name) && !(kind === 'Service' && c.name === 'External-IP') ? 1 : 0;
        expect(`${kind}.${c.name}=${c.priority}`).toBe(`${kind}.${c.name}=${expected}`);
      }
    }
  });
});

describe('includeObject', () => {
  const cm = obj({ apiVersion: 'v1', kind: 'ConfigMap', data: { a: '1' } });

  it('sends PartialObjectMetadata for Metadata, what kubectl asks for', () => {
    const t = toTable(type('ConfigMap'), [cm], { now, includeObject: 'Metadata' });
    expect(t.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: cm.metadata });
  });

  it('sends the whole object for Object, with its kind and apiVersion', () => {
    const bare = obj({ data: { a: '1' } });
    expect(toTable(type('ConfigMap'), [cm], { now, includeObject: 'Object' }).rows[0].object).toBe(cm);
    expect(toTable(type('ConfigMap'), [bare], { now, includeObject: 'Object' }).rows[0].object).toEqual({
      ...bare,
      apiVersion: 'v1',
      kind: 'ConfigMap',
    });
  });

  it('sends no object for None', () => {
    expect('object' in toTable(type('ConfigMap'), [cm], { now, includeObject: 'None' }).rows[0]).toBe(false);
  });

  it('uses the CRD printer for custom resources, and Name + Age when the CRD is unknown', () => {
    const widgets: ResourceType = {
      ...type('ConfigMap'),
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      custom: true,
    };
    const crd = {
      metadata: { name: 'widgets.example.com' },
      spec: { versions: [{ name: 'v1', additionalPrinterColumns: [{ name: 'Phase', type: 'string', jsonPath: '.status.phase' }] }] },
    };
    const w = obj({ status: { phase: 'Ready' } });
    expect(toTable(widgets, [w], { now, includeObject: 'None', crd }).rows[0].cells).toEqual(['x', 'Ready']);
    expect(toTable(widgets, [w], { now, includeObject: 'None' }).rows[0].cells).toEqual(['x', '65s']);
  });
});

describe('large lists', () => {
  it('prints 10,000 pods in well under a second', () => {
    const pods = Array.from({ length: 10_000 }, (_, i) =>
      obj(
        {
          spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'nginx' }] },
          status: {
            phase: 'Running',
            podIPs: [{ ip: `10.1.${i >> 8}.${i & 255}` }],
            containerStatuses: [
              {
                name: 'app',
                ready: true,
                restartCount: i % 3,
                state: { running: {} },
                lastState: i % 3 ? { terminated: { finishedAt: created } } : {},
              },
            ],
          },
        },
        { name: `pod-${i}` },
      ),
    );
    const start = performance.now();
    const t = toTable(type('Pod'), pods, { now, includeObject: 'Metadata' });
    const elapsed = performance.now() - start;
    expect(t.rows).toHaveLength(10_000);
    expect(t.rows[9_999].cells.slice(0, 4)).toEqual(['pod-9999', '1/1', 'Running', '0']);
    expect(t.rows[1].cells[3]).toBe('1 (65s ago)');
    expect(elapsed).toBeLessThan(1000);
  });
});
