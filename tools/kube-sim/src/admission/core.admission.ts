import { StatusCause } from '../api/status-error';
import { canonicalJson } from '../cluster/object-meta';
import { KubeObject } from '../store/kube-object';
import { KindAdmission } from './admission';
import { NEWEST_MINOR } from '../registry/kube-versions';
import { dns1123SubdomainErrors, forbidden, immutable, invalid, notSupported, quote, required, text } from './field-errors';

type Json = Record<string, any>;

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const MAX_DATA_BYTES = 1024 * 1024;
const IMMUTABLE_SET = 'field is immutable when `immutable` is set';

/** IsConfigMapKey's messages. */
function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) {
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

const keyCauses = (data: unknown, field: string): StatusCause[] =>
  Object.keys((data ?? {}) as Json).flatMap((k) => configKeyErrors(k).map((msg) => invalid(`${field}[${k}]`, quote(k), msg)));

const keysOf = (v: unknown): string[] => (v && typeof v === 'object' ? Object.keys(v) : []);

/** Where Go's StdEncoding would stop decoding, or undefined for valid base64 (newlines are skipped, as Go does). */
export function base64ErrorOffset(value: string): number | undefined {
  const s = value.replace(/[\r\n]/g, '');
  const bad = /[^A-Za-z0-9+/=]/.exec(s);
  if (bad) return bad.index;
  const pad = s.indexOf('=');
  if (pad >= 0 && (!/^=+$/.test(s.slice(pad)) || s.length % 4 !== 0 || s.length - pad > 2)) return pad;
  if (s.length % 4 !== 0) return s.length - (s.length % 4);
  return undefined;
}

export const namespaceAdmission: KindAdmission = {
  defaults(obj, ctx) {
    // The kubernetes.io/metadata.name label is set from 1.21 (NamespaceDefaultLabelName).
    if (obj.metadata.name && (ctx.kubeMinor ?? NEWEST_MINOR) >= 21) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
    const spec = (obj.spec ??= {}) as Json;
    spec.finalizers ??= ['kubernetes'];
    const status = (obj.status ??= {}) as Json;
    if (!status.phase) status.phase = 'Active';
  },
};

const SECRET_REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

function validateSecretData(secret: KubeObject): StatusCause[] {
  const data = (secret.data ?? {}) as Record<string, unknown>;
  const causes = keyCauses(data, 'data');
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    const offset = base64ErrorOffset(text(v));
    if (offset !== undefined) causes.push(invalid(`data[${k}]`, quote('<secret contents redacted>'), `illegal base64 data at input byte ${offset}`));
    size += Math.floor((text(v).length * 3) / 4);
  }
  if (size > MAX_DATA_BYTES) causes.push({ reason: 'FieldValueTooLong', field: 'data', message: `Too long: may not be more than ${MAX_DATA_BYTES} bytes` });
  const type = secret.type as string;
  if (type === 'kubernetes.io/service-account-token' && !secret.metadata.annotations?.['kubernetes.io/service-account.name']) {
    causes.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) causes.push(required('data[username]'), required('data[password]'));
  for (const key of SECRET_REQUIRED_KEYS[type] ?? []) if (!(key in data)) causes.push(required(`data[${key}]`));
  return causes;
}

/** ValidateSecretUpdate / ValidateConfigMapUpdate: once `immutable: true`, it and the payload stay. */
function validateImmutablePayload(obj: KubeObject, old: KubeObject, fields: string[]): StatusCause[] {
  if (old.immutable !== true) return [];
  const causes: StatusCause[] = [];
  if (obj.immutable !== true) causes.push(forbidden('immutable', IMMUTABLE_SET));
  for (const f of fields) if (canonicalJson(obj[f] ?? {}) !== canonicalJson(old[f] ?? {})) causes.push(forbidden(f, IMMUTABLE_SET));
  return causes;
}

export const secretAdmission: KindAdmission = {
  defaults(obj) {
    if (!obj.type) obj.type = 'Opaque';
    const stringData = obj.stringData as Record<string, unknown> | undefined;
    if (stringData && typeof stringData === 'object') {
      const data = (obj.data ??= {}) as Record<string, string>;
      for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(text(v)).toString('base64');
    }
    delete obj.stringData;
  },
  validate(obj, old) {
    const causes = validateSecretData(obj);
    if (old && old.type !== obj.type) causes.push(immutable('type', quote(obj.type)));
    if (old) causes.push(...validateImmutablePayload(obj, old, ['data']));
    return causes;
  },
};

export const configMapAdmission: KindAdmission = {
  validate(obj, old) {
    const causes = keyCauses(obj.data, 'data');
    for (const k of keysOf(obj.data)) if (keysOf(obj.binaryData).includes(k)) causes.push(invalid(`data[${k}]`, quote(k), 'duplicate of key present in binaryData'));
    causes.push(...keyCauses(obj.binaryData, 'binaryData'));
    const size = [...Object.values((obj.data ?? {}) as Json), ...Object.values((obj.binaryData ?? {}) as Json)].reduce((n: number, v) => n + String(v).length, 0);
    if (size > MAX_DATA_BYTES) causes.push({ reason: 'FieldValueTooLong', field: '', message: `Too long: may not be more than ${MAX_DATA_BYTES} bytes` });
    if (old) causes.push(...validateImmutablePayload(obj, old, ['data', 'binaryData']));
    return causes;
  },
};

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const PVC_SPEC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

function validateClaimSpec(spec: Json): StatusCause[] {
  const causes: StatusCause[] = [];
  const modes = (spec.accessModes ?? []) as string[];
  if (!modes.length) causes.push(required('spec.accessModes', 'at least 1 access mode is required'));
  for (const mode of modes) if (!ACCESS_MODES.includes(mode)) causes.push(notSupported('spec.accessModes', mode, ACCESS_MODES));
  const storage = spec.resources?.requests?.storage as unknown;
  if (storage === undefined || storage === null) causes.push(required('spec.resources[storage]'));
  else if (/^-/.test(text(storage)) || /^[+]?0*(\.0*)?[a-zA-Z]*$/.test(text(storage))) {
    causes.push(invalid('spec.resources[storage]', quote(text(storage)), 'must be greater than zero'));
  }
  if (spec.storageClassName) for (const msg of dns1123SubdomainErrors(String(spec.storageClassName))) causes.push(invalid('spec.storageClassName', quote(spec.storageClassName), msg));
  if (spec.volumeMode && !['Block', 'Filesystem'].includes(spec.volumeMode)) causes.push(notSupported('spec.volumeMode', spec.volumeMode, ['Block', 'Filesystem']));
  return causes;
}

/** ValidatePersistentVolumeClaimUpdate: volumeName may be set once; requests change only once bound. */
function validateClaimUpdate(pvc: KubeObject, old: KubeObject): StatusCause[] {
  const next = structuredClone((pvc.spec ?? {}) as Json);
  const prev = structuredClone((old.spec ?? {}) as Json);
  if (!prev.volumeName) prev.volumeName = next.volumeName;
  const bound = (pvc.status as Json | undefined)?.phase === 'Bound';
  if (bound && next.resources?.requests) next.resources.requests.storage = prev.resources?.requests?.storage;
  return canonicalJson(next) === canonicalJson(prev) ? [] : [forbidden('spec', PVC_SPEC_IMMUTABLE)];
}

export const pvcAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.volumeMode ??= 'Filesystem';
    const status = (obj.status ??= {}) as Json;
    if (!status.phase) status.phase = 'Pending';
  },
  validate(obj, old) {
    const causes = validateClaimSpec((obj.spec ?? {}));
    if (old) causes.push(...validateClaimUpdate(obj, old));
    return causes;
  },
};

export const endpointsAdmission: KindAdmission = {
  defaults(obj) {
    for (const s of (obj.subsets ?? []) as Json[]) for (const p of (s.ports ?? []) as Json[]) if (!p.protocol) p.protocol = 'TCP';
  },
};

export const pvAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    if (!spec.persistentVolumeReclaimPolicy) spec.persistentVolumeReclaimPolicy = 'Retain';
    spec.volumeMode ??= 'Filesystem';
    const status = (obj.status ??= {}) as Json;
    if (!status.phase) status.phase = 'Pending';
  },
};

/** SetDefaults_StorageClass. */
export const storageClassAdmission: KindAdmission = {
  defaults(obj) {
    obj.reclaimPolicy ??= 'Delete';
    obj.volumeBindingMode ??= 'Immediate';
  },
};
