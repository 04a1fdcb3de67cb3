import { parse } from 'yaml';
import { KubeObject } from '../store/kube-object';
import { admit, messages } from './admission.fixture';

const deployment = (spec: object): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'u1' }, spec });
const template = (labels: Record<string, string>, extra: object = {}) => ({ metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...extra } });

describe('apps/v1 admission', () => {
  it('defaults a Deployment to exactly what kube-apiserver 1.32 returns', () => {
    const d = parse(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: default, uid: u1 }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: nginx:1.27
          ports: [{ containerPort: 80 }]
          readinessProbe: { httpGet: { port: 80 } }
          env: [{ name: POD, valueFrom: { fieldRef: { fieldPath: metadata.name } } }]
          volumeMounts: [{ name: cfg, mountPath: /etc/cfg }]
      volumes: [{ name: cfg, configMap: { name: web } }, { name: scratch }]
`) as KubeObject;
    expect(admit('apps/Deployment', d)).toEqual([]);
    expect(d.spec).toEqual(
      parse(`
progressDeadlineSeconds: 600
replicas: 1
revisionHistoryLimit: 10
selector: { matchLabels: { app: web } }
strategy: { rollingUpdate: { maxSurge: 25%, maxUnavailable: 25% }, type: RollingUpdate }
template:
  metadata: { creationTimestamp: null, labels: { app: web } }
  spec:
    containers:
      - env: [{ name: POD, valueFrom: { fieldRef: { apiVersion: v1, fieldPath: metadata.name } } }]
        image: nginx:1.27
        imagePullPolicy: IfNotPresent
        name: web
        ports: [{ containerPort: 80, protocol: TCP }]
        readinessProbe: { failureThreshold: 3, httpGet: { path: /, port: 80, scheme: HTTP }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 }
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        volumeMounts: [{ mountPath: /etc/cfg, name: cfg }]
    dnsPolicy: ClusterFirst
    restartPolicy: Always
    schedulerName: default-scheduler
    securityContext: {}
    serviceAccount: web
    serviceAccountName: web
    terminationGracePeriodSeconds: 30
    volumes:
      - { configMap: { defaultMode: 420, name: web }, name: cfg }
      - { emptyDir: {}, name: scratch }
`),
    );
  });

  it('leaves rollingUpdate out of a Recreate strategy and rejects one given with it', () => {
    const recreate = deployment({ selector: { matchLabels: { app: 'web' } }, strategy: { type: 'Recreate' }, template: template({ app: 'web' }) });
    expect(admit('apps/Deployment', recreate)).toEqual([]);
    expect((recreate.spec as any).strategy).toEqual({ type: 'Recreate' });
    const both = deployment({ selector: { matchLabels: { app: 'web' } }, strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }, template: template({ app: 'web' }) });
    expect(messages(admit('apps/Deployment', both))).toEqual(["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]);
  });

  it('words selector mistakes as kube does', () => {
    const mismatch = deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ tier: 'b', app: 'other' }) });
    expect(messages(admit('apps/Deployment', mismatch))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"other", "tier":"b"}: `selector` does not match template `labels`',
    ]);
    const missing = deployment({ template: template({ app: 'web' }) });
    expect(messages(admit('apps/Deployment', missing))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('requires containers with names and images, and only restartPolicy Always', () => {
    const d = deployment({ replicas: -1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: '' }] } } });
    expect(messages(admit('apps/Deployment', d))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.containers[0].name: Required value',
      'spec.template.spec.containers[0].image: Required value',
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  it('keeps the selector immutable on update', () => {
    const old = deployment({ selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web', v: '2' }) });
    admit('apps/Deployment', old);
    const next = deployment({ selector: { matchLabels: { app: 'web', v: '2' } }, template: template({ app: 'web', v: '2' }) });
    expect(messages(admit('apps/Deployment', next, old))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "v":"2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('defaults a StatefulSet, its claim templates and an absent serviceName', () => {
    const sts: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
    };
    expect(admit('apps/StatefulSet', sts)).toEqual([]);
    const spec = sts.spec as any;
    expect(spec).toMatchObject({ replicas: 1, podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10, serviceName: '', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } });
    expect(spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(spec.volumeClaimTemplates[0]).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', creationTimestamp: null },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    const explicit: KubeObject = { ...sts, spec: { ...structuredClone(sts.spec as object), updateStrategy: { type: 'RollingUpdate' } } };
    admit('apps/StatefulSet', explicit);
    expect((explicit.spec as any).updateStrategy).toEqual({ type: 'RollingUpdate' });
  });

  it('forbids StatefulSet spec changes beyond the mutable fields', () => {
    const old: KubeObject = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template({ app: 'db' }) } };
    admit('apps/StatefulSet', old);
    const scaled = structuredClone(old);
    (scaled.spec as any).replicas = 3;
    expect(admit('apps/StatefulSet', scaled, old)).toEqual([]);
    const renamed = structuredClone(old);
    (renamed.spec as any).serviceName = 'other';
    expect(messages(admit('apps/StatefulSet', renamed, old))).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });

  it('defaults a DaemonSet rolling update to one unavailable and no surge', () => {
    const ds: KubeObject = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'a' } }, template: template({ app: 'a' }) } };
    expect(admit('apps/DaemonSet', ds)).toEqual([]);
    expect(ds.spec).toMatchObject({ revisionHistoryLimit: 10, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } });
    expect((ds.spec as any).replicas).toBeUndefined();
  });
});
