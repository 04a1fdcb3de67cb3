import { KubeObject } from '../store/kube-object';
import { admit, messages } from './admission.fixture';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('core/v1 admission', () => {
  it('folds Secret stringData into base64 data and defaults the type', () => {
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { user: b64('admin'), password: b64('old') }, stringData: { password: 'hunter2' } };
    expect(admit('/Secret', secret)).toEqual([]);
    expect(secret).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { user: b64('admin'), password: b64('hunter2') } });
  });

  it('checks Secret keys, payload and the keys each type requires', () => {
    const tls: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 't' }, type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c'), 'bad key': b64('x'), raw: 'not base64!' } };
    expect(messages(admit('/Secret', tls))).toEqual([
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      'data[raw]: Invalid value: "<secret contents redacted>": illegal base64 data at input byte 3',
      'data[tls.key]: Required value',
    ]);
    const sa: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tok' }, type: 'kubernetes.io/service-account-token' };
    expect(messages(admit('/Secret', sa))).toEqual(['metadata.annotations[kubernetes.io/service-account.name]: Required value']);
  });

  it('freezes immutable Secrets and their type', () => {
    const old: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, immutable: true, data: { a: b64('1') } };
    admit('/Secret', old);
    const changed: KubeObject = { ...structuredClone(old), type: 'kubernetes.io/basic-auth', data: { a: b64('2'), username: b64('u') } };
    expect(messages(admit('/Secret', changed, old))).toEqual(['type: Invalid value: "kubernetes.io/basic-auth": field is immutable', 'data: Forbidden: field is immutable when `immutable` is set']);
  });

  it('labels a Namespace with its own name, always', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'spoofed', env: 'dev' } } };
    admit('/Namespace', ns);
    expect(ns).toMatchObject({ metadata: { labels: { 'kubernetes.io/metadata.name': 'team-a', env: 'dev' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  });

  it('refuses a ConfigMap key in both data and binaryData', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'v' }, binaryData: { k: b64('v') } };
    expect(messages(admit('/ConfigMap', cm))).toEqual(['data[k]: Invalid value: "k": duplicate of key present in binaryData']);
  });

  it('requires access modes and a storage request on claims, and freezes their spec', () => {
    const empty: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'p' }, spec: {} };
    expect(messages(admit('/PersistentVolumeClaim', empty))).toEqual(['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']);
    const pvc: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'p' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    expect(admit('/PersistentVolumeClaim', pvc)).toEqual([]);
    expect(pvc).toMatchObject({ spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
    const grown = structuredClone(pvc);
    (grown.spec as any).resources.requests.storage = '2Gi';
    expect(messages(admit('/PersistentVolumeClaim', grown, pvc))).toEqual(['spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims']);
    const bound = { ...structuredClone(grown), status: { phase: 'Bound' } };
    expect(admit('/PersistentVolumeClaim', bound, pvc)).toEqual([]);
  });

  it('defaults Endpoints port protocols', () => {
    const ep: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] };
    admit('/Endpoints', ep);
    expect((ep as any).subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });
});
