import { parse } from 'yaml';
import { KubeObject } from '../store/kube-object';
import { admit, messages } from './admission.fixture';
import { defaultPullPolicy } from './pod-spec.defaults';

const pod = (spec: object): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u' }, spec });

describe('Pod admission', () => {
  it('chooses imagePullPolicy from the tag as ParseImageName reads it', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('registry:5000/team/app')).toBe('Always');
    expect(defaultPullPolicy('registry:5000/team/app:1.2')).toBe('IfNotPresent');
    expect(defaultPullPolicy('nginx@sha256:abc')).toBe('IfNotPresent');
    expect(defaultPullPolicy('nginx:latest@sha256:abc')).toBe('Always');
  });

  it('adds what the Pod strategy and the admission plugins add on create', () => {
    const p = pod({ containers: [{ name: 'app', image: 'nginx' }], initContainers: [{ name: 'init', image: 'busybox:1.36' }] });
    expect(admit('/Pod', p)).toEqual([]);
    const spec = p.spec as any;
    const volume = spec.volumes[0].name as string;
    expect(volume).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec).toEqual(
      parse(`
containers:
  - { name: app, image: nginx, imagePullPolicy: Always, resources: {}, terminationMessagePath: /dev/termination-log, terminationMessagePolicy: File,
      volumeMounts: [{ mountPath: /var/run/secrets/kubernetes.io/serviceaccount, name: ${volume}, readOnly: true }] }
initContainers:
  - { name: init, image: "busybox:1.36", imagePullPolicy: IfNotPresent, resources: {}, terminationMessagePath: /dev/termination-log, terminationMessagePolicy: File,
      volumeMounts: [{ mountPath: /var/run/secrets/kubernetes.io/serviceaccount, name: ${volume}, readOnly: true }] }
dnsPolicy: ClusterFirst
enableServiceLinks: true
preemptionPolicy: PreemptLowerPriority
priority: 0
restartPolicy: Always
schedulerName: default-scheduler
securityContext: {}
serviceAccount: default
serviceAccountName: default
terminationGracePeriodSeconds: 30
tolerations:
  - { effect: NoExecute, key: node.kubernetes.io/not-ready, operator: Exists, tolerationSeconds: 300 }
  - { effect: NoExecute, key: node.kubernetes.io/unreachable, operator: Exists, tolerationSeconds: 300 }
volumes:
  - name: ${volume}
    projected:
      defaultMode: 420
      sources:
        - serviceAccountToken: { expirationSeconds: 3607, path: token }
        - configMap: { name: kube-root-ca.crt, items: [{ key: ca.crt, path: ca.crt }] }
        - downwardAPI: { items: [{ fieldRef: { apiVersion: v1, fieldPath: metadata.namespace }, path: namespace }] }
`),
    );
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('copies limits into absent requests and classes the pod Guaranteed', () => {
    const p = pod({ automountServiceAccountToken: false, tolerations: [{ operator: 'Exists' }], containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] });
    admit('/Pod', p);
    const spec = p.spec as any;
    expect(spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
    expect(spec.volumes).toBeUndefined();
    expect(spec.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('refuses spec changes beyond images but lets the scheduler bind', () => {
    const old = pod({ containers: [{ name: 'app', image: 'app:1' }] });
    admit('/Pod', old);
    const bound = structuredClone(old);
    (bound.spec as any).nodeName = 'node-1';
    expect(admit('/Pod', bound, old)).toEqual([]);
    const image = structuredClone(bound);
    (image.spec as any).containers[0].image = 'app:2';
    expect(admit('/Pod', image, bound)).toEqual([]);
    const ports = structuredClone(bound);
    (ports.spec as any).containers[0].ports = [{ containerPort: 8080 }];
    expect(messages(admit('/Pod', ports, bound))[0]).toMatch(/^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,/);
  });

  it('reports missing names, duplicates and unknown volume mounts', () => {
    const p = pod({ containers: [{ name: 'a', image: 'i', volumeMounts: [{ name: 'nope', mountPath: '/x' }] }, { name: 'a', image: 'i' }] });
    expect(messages(admit('/Pod', p))).toEqual(['spec.containers[0].volumeMounts[0].name: Not found: "nope"', 'spec.containers[1].name: Duplicate value: "a"']);
  });
});
