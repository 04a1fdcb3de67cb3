import { randomBytes } from 'node:crypto';
import { StatusCause } from '../api/status-error';
import { KindAdmission } from './admission';
import { defaultPod } from './pod-spec.defaults';
import { validatePodSpec } from './pod-spec.validation';

type Json = Record<string, any>;

const required = (field: string, message = 'Required value'): StatusCause => ({ reason: 'FieldValueRequired', field, message });
const immutable = (field: string, value: unknown): StatusCause => ({ reason: 'FieldValueInvalid', field, message: `Invalid value: ${JSON.stringify(value)}: field is immutable` });
const keysOf = (v: unknown): string[] => (v && typeof v === 'object' ? Object.keys(v) : []);
const DATA_KEY = /^[-._a-zA-Z0-9]+$/;
const suffix = (): string => Array.from(randomBytes(5), (b) => 'bcdfghjklmnpqrstvwxz2456789'[b % 27]).join('');

export const podAdmission: KindAdmission = {
  defaults: (obj, _ctx, old) => {
    if (!old) defaultPod(obj, suffix);
  },
  validate: (obj) => validatePodSpec(obj.spec as Json, 'spec', ['Always', 'OnFailure', 'Never']),
};

export const serviceAdmission: KindAdmission = {
  defaults(obj, ctx, old) {
    const spec = (obj.spec ??= {}) as Json;
    const prev = (old?.spec ?? {}) as Json;
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    if (spec.type === 'ExternalName') return;
    // An update that omits allocated values keeps them, as kube-apiserver does.
    spec.clusterIP ??= prev.clusterIP ?? ctx.allocateClusterIP();
    if (spec.clusterIP === '' && !prev.clusterIP) spec.clusterIP = ctx.allocateClusterIP();
    spec.clusterIPs ??= prev.clusterIPs ?? [spec.clusterIP];
    spec.ipFamilies ??= prev.ipFamilies ?? ['IPv4'];
    spec.ipFamilyPolicy ??= prev.ipFamilyPolicy ?? 'SingleStack';
    spec.internalTrafficPolicy ??= 'Cluster';
    const nodePorts = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
    for (const p of (spec.ports ?? []) as Json[]) {
      p.protocol ??= 'TCP';
      p.targetPort ??= p.port;
      if (nodePorts) p.nodePort ??= ((prev.ports ?? []) as Json[]).find((q) => q.port === p.port && (q.protocol ?? 'TCP') === p.protocol)?.nodePort ?? ctx.allocateNodePort();
    }
    if (nodePorts) spec.externalTrafficPolicy ??= 'Cluster';
    if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  },
  validate(obj, old) {
    const spec = (obj.spec ?? {}) as Json;
    const causes: StatusCause[] = [];
    const ports = (spec.ports ?? []) as Json[];
    if (!ports.length && spec.type !== 'ExternalName' && spec.clusterIP !== 'None') causes.push(required('spec.ports'));
    const names = new Set<string>();
    ports.forEach((p, i) => {
      if (ports.length > 1 && !p.name) causes.push(required(`spec.ports[${i}].name`));
      if (p.name && names.has(p.name)) causes.push({ reason: 'FieldValueDuplicate', field: `spec.ports[${i}].name`, message: `Duplicate value: "${p.name}"` });
      names.add(p.name);
      if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) causes.push({ reason: 'FieldValueInvalid', field: `spec.ports[${i}].port`, message: `Invalid value: ${JSON.stringify(p.port)}: must be between 1 and 65535, inclusive` });
    });
    const prevIp = (old?.spec as Json | undefined)?.clusterIP;
    if (prevIp && spec.clusterIP && spec.clusterIP !== prevIp && spec.type !== 'ExternalName') causes.push(immutable('spec.clusterIPs[0]', spec.clusterIP));
    return causes;
  },
};

export const namespaceAdmission: KindAdmission = {
  defaults(obj) {
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name! };
    const spec = (obj.spec ??= {}) as Json;
    spec.finalizers ??= ['kubernetes'];
    const status = (obj.status ??= {}) as Json;
    status.phase ??= 'Active';
  },
};

function validateDataKeys(data: unknown, field: string): StatusCause[] {
  return Object.keys((data ?? {}))
    .filter((k) => !DATA_KEY.test(k) || k.length > 253)
    .map((k) => ({ reason: 'FieldValueInvalid', field: `${field}[${k}]`, message: `Invalid value: "${k}": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')` }));
}

const REQUIRED_SECRET_KEYS: Record<string, string[]> = { 'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'], 'kubernetes.io/tls': ['tls.crt', 'tls.key'] };

export const secretAdmission: KindAdmission = {
  defaults(obj) {
    obj.type ??= 'Opaque';
    const stringData = obj.stringData as Record<string, string> | undefined;
    if (stringData) {
      const data = ((obj.data ??= {}) as Record<string, string>);
      for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v)).toString('base64');
      delete obj.stringData;
    }
  },
  validate(obj, old) {
    const causes = validateDataKeys(obj.data, 'data');
    const type = obj.type as string;
    for (const key of REQUIRED_SECRET_KEYS[type] ?? []) if (!keysOf(obj.data).includes(key)) causes.push(required(`data[${key}]`));
    if (type === 'kubernetes.io/service-account-token' && !obj.metadata.annotations?.['kubernetes.io/service-account.name']) causes.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
    if (old && old.type !== obj.type) causes.push(immutable('type', obj.type));
    if (old && old.immutable === true && JSON.stringify(old.data ?? {}) !== JSON.stringify(obj.data ?? {})) causes.push({ reason: 'FieldValueForbidden', field: 'data', message: 'Forbidden: field is immutable when `immutable` is set' });
    return causes;
  },
};

export const configMapAdmission: KindAdmission = {
  validate(obj, old) {
    const causes = [...validateDataKeys(obj.data, 'data'), ...validateDataKeys(obj.binaryData, 'binaryData')];
    for (const k of keysOf(obj.binaryData)) if (keysOf(obj.data).includes(k)) causes.push({ reason: 'FieldValueInvalid', field: `data[${k}]`, message: `Invalid value: "${k}": duplicate of key present in binaryData` });
    if (old && old.immutable === true && JSON.stringify([old.data, old.binaryData]) !== JSON.stringify([obj.data, obj.binaryData])) causes.push({ reason: 'FieldValueForbidden', field: 'data', message: 'Forbidden: field is immutable when `immutable` is set' });
    return causes;
  },
};

export const pvcAdmission: KindAdmission = {
  defaults(obj, _ctx, old) {
    const spec = (obj.spec ??= {}) as Json;
    spec.volumeMode ??= 'Filesystem';
    if (!old) obj.status = { phase: 'Pending' };
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as Json;
    const causes: StatusCause[] = [];
    if (!(spec.accessModes ?? []).length) causes.push(required('spec.accessModes', 'Required value: at least 1 access mode is required'));
    if (!spec.resources?.requests?.storage) causes.push(required('spec.resources[storage]'));
    return causes;
  },
};

export const endpointsAdmission: KindAdmission = {
  defaults(obj) {
    for (const s of (obj.subsets ?? []) as Json[]) for (const p of (s.ports ?? []) as Json[]) p.protocol ??= 'TCP';
  },
};
