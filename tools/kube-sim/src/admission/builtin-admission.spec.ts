import { parse } from 'yaml';
import { KubeObject } from '../store/kube-object';
import { AdmissionContext } from './admission';
import { builtinAdmission } from './builtin-admission';
import { defaultPullPolicy } from './pod-spec.defaults';

const table = builtinAdmission();
let ips = 0;
let ports = 0;
const ctx: AdmissionContext = { now: new Date('2026-01-01T00:00:00Z'), allocateClusterIP: () => `10.96.0.${++ips + 10}`, allocateNodePort: () => 30000 + ++ports };
const admit = (key: string, obj: KubeObject, old?: KubeObject) => {
  table[key].defaults?.(obj, ctx, old);
  return table[key].validate?.(obj, old) ?? [];
};

describe('built-in admission', () => {
  it('defaults a Deployment the way kube-apiserver returns it', () => {
    const d = parse(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, uid: u1 }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{ containerPort: 80 }]
          readinessProbe: { httpGet: { path: /, port: 80 } }
`) as KubeObject;
    expect(admit('apps/Deployment', d)).toEqual([]);
    expect(d.spec).toEqual(
      parse(`
replicas: 1
revisionHistoryLimit: 10
progressDeadlineSeconds: 600
strategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: 25%, maxSurge: 25% } }
selector: { matchLabels: { app: web } }
template:
  metadata: { labels: { app: web } }
  spec:
    restartPolicy: Always
    terminationGracePeriodSeconds: 30
    dnsPolicy: ClusterFirst
    securityContext: {}
    schedulerName: default-scheduler
    containers:
      - name: web
        image: nginx:1.27
        ports: [{ containerPort: 80, protocol: TCP }]
        readinessProbe: { httpGet: { path: /, port: 80, scheme: HTTP }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        imagePullPolicy: IfNotPresent
        resources: {}
`),
    );
  });

  it('chooses imagePullPolicy from the tag', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('registry:5000/team/app')).toBe('Always');
    expect(defaultPullPolicy('registry:5000/team/app:1.2')).toBe('IfNotPresent');
    expect(defaultPullPolicy('nginx@sha256:abc')).toBe('IfNotPresent');
  });

  it('rejects a selector that does not match the template labels, in kube words', () => {
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } };
    expect(admit('apps/Deployment', d)).toEqual([{ reason: 'FieldValueInvalid', field: 'spec.template.metadata.labels', message: 'Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`' }]);
  });

  it('allocates a Service ClusterIP and keeps it when an update omits it', () => {
    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } };
    expect(admit('/Service', svc)).toEqual([]);
    const spec = svc.spec as any;
    expect(spec).toMatchObject({ clusterIP: expect.stringMatching(/^10\.96\./), ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', sessionAffinity: 'None', externalTrafficPolicy: 'Cluster' });
    expect(spec.ports[0]).toEqual({ port: 80, protocol: 'TCP', targetPort: 80, nodePort: spec.ports[0].nodePort });
    const update: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } };
    expect(admit('/Service', update, svc)).toEqual([]);
    expect((update.spec as any).clusterIP).toBe(spec.clusterIP);
    expect((update.spec as any).ports[0].nodePort).toBe(spec.ports[0].nodePort);
    const moved: KubeObject = { ...update, spec: { ...(update.spec as object), clusterIP: '10.96.9.9' } };
    expect(admit('/Service', moved, svc)[0].message).toContain('field is immutable');
  });

  it('folds Secret stringData into base64 data and labels namespaces with their name', () => {
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'hunter2' } };
    admit('/Secret', secret);
    expect(secret).toMatchObject({ type: 'Opaque', data: { password: Buffer.from('hunter2').toString('base64') } });
    expect(secret.stringData).toBeUndefined();
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } };
    admit('/Namespace', ns);
    expect(ns).toMatchObject({ metadata: { labels: { 'kubernetes.io/metadata.name': 'team-a' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  });

  it("generates a Job's selector from its uid and insists on Never or OnFailure", () => {
    const job: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', uid: 'abc' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }] } } } };
    expect(admit('batch/Job', job)).toEqual([]);
    expect(job.spec).toMatchObject({ backoffLimit: 6, completions: 1, parallelism: 1, completionMode: 'NonIndexed', selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } } });
    expect((job.spec as any).template.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': 'abc', 'batch.kubernetes.io/job-name': 'j', 'controller-uid': 'abc', 'job-name': 'j' });
    const always: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j2', uid: 'x' }, spec: { template: { spec: { restartPolicy: 'Always', containers: [{ name: 'c', image: 'i' }] } } } };
    expect(admit('batch/Job', always)).toContainEqual({ reason: 'FieldValueNotSupported', field: 'spec.template.spec.restartPolicy', message: 'Unsupported value: "Always": supported values: "OnFailure", "Never"' });
  });

  it('requires one storage version per CRD and a name of plural.group', () => {
    const crd: KubeObject = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'things.example.com' }, spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'things', kind: 'Thing' }, versions: [{ name: 'v1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object' } } }] } };
    const causes = admit('apiextensions.k8s.io/CustomResourceDefinition', crd);
    expect(causes.map((c) => c.message)).toContain('Invalid value: ["v1"]: must have exactly one version marked as storage version');
    expect((crd.spec as any).names).toMatchObject({ singular: 'thing', listKind: 'ThingList' });
  });

  it('requires access modes and a storage request on claims', () => {
    const pvc: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'p' }, spec: {} };
    expect(admit('/PersistentVolumeClaim', pvc).map((c) => `${c.field}: ${c.message}`)).toEqual(['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']);
  });
});
