import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProtoField, ProtoMessages } from './proto-fields.parser';

/** `k8s\0`: the magic that starts every Kubernetes protobuf body (runtime.Unknown follows). */
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';

let messages: ProtoMessages | undefined;
const table = (): ProtoMessages => (messages ??= JSON.parse(readFileSync(join(__dirname, '../../openapi/protobuf-fields.json'), 'utf8')) as ProtoMessages);

export class ProtobufDecodeError extends Error {}

export const isKubeProtobuf = (body: Buffer): boolean => body.length >= 4 && body.subarray(0, 4).equals(MAGIC);

/** The proto package of an apiVersion: `apps/v1` → `k8s.io.api.apps.v1`, `v1` → core. */
function packageOf(apiVersion: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const short = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '').replace('rbac.authorization', 'rbac');
  return `k8s.io.api.${short}.${version}`;
}

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw new ProtobufDecodeError('truncated varint');
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
      shift += 7n;
    }
  }
  bytes(): Buffer {
    const len = Number(this.varint());
    if (this.pos + len > this.buf.length) throw new ProtobufDecodeError('truncated field');
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  fixed(n: 4 | 8): Buffer {
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/**
 * Go's protobuf encoder writes every non-pointer field, zero or not, while its JSON encoder drops
 * `omitempty` zeros. These fields are pointers in the Go types, so a zero or false sent is meant.
 */
const MEANINGFUL_ZERO = new Set(['replicas', 'backoffLimit', 'backoffLimitPerIndex', 'parallelism', 'completions', 'partition', 'terminationGracePeriodSeconds', 'revisionHistoryLimit', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished', 'startingDeadlineSeconds', 'expirationSeconds', 'priority', 'tolerationSeconds', 'defaultMode', 'mode', 'runAsUser', 'runAsGroup', 'fsGroup', 'minReplicas', 'maxUnavailable', 'maxSurge', 'minAvailable', 'gracePeriodSeconds', 'progressDeadlineSeconds', 'stabilizationWindowSeconds', 'maxSkew', 'weight']);
const MEANINGFUL_FALSE = new Set(['automountServiceAccountToken', 'readOnlyRootFilesystem', 'runAsNonRoot', 'allowPrivilegeEscalation', 'privileged', 'suspend', 'immutable', 'optional', 'enableServiceLinks', 'setHostnameAsFQDN', 'shareProcessNamespace', 'hostUsers', 'manualSelector', 'allocateLoadBalancerNodePorts', 'publishNotReadyAddresses', 'allowed', 'denied', 'controller', 'blockOwnerDeletion', 'served', 'storage']);

function dropGoZeroValues(out: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(out)) {
    if (v === '' || (v === 0 && !MEANINGFUL_ZERO.has(k)) || (v === false && !MEANINGFUL_FALSE.has(k)) || v === null) delete out[k];
  }
  return out;
}

function timeString(msg: Record<string, unknown>, micro: boolean): string | null {
  // A zero Time (what Go sends for an unset non-pointer Time) is JSON null.
  if (!msg.seconds && !msg.nanos) return null;
  const ms = Number(msg.seconds ?? 0) * 1000;
  const iso = new Date(ms).toISOString();
  if (!micro) return iso.replace(/\.\d{3}Z$/, 'Z');
  return iso.replace(/\.\d{3}Z$/, `.${String(Math.floor(Number(msg.nanos ?? 0) / 1000)).padStart(6, '0')}Z`);
}

/** Messages whose JSON form is not an object. */
function special(type: string, raw: Buffer): unknown {
  if (type === `${META}.Time`) return timeString(decodeMessage(type, raw), false);
  if (type === `${META}.MicroTime`) return timeString(decodeMessage(type, raw), true);
  if (type === 'k8s.io.apimachinery.pkg.util.intstr.IntOrString') {
    const m = decodeMessage(type, raw);
    return Number(m.type ?? 0) === 1 ? (m.strVal ?? '') : (m.intVal ?? 0);
  }
  if (type === 'k8s.io.apimachinery.pkg.api.resource.Quantity') return decodeMessage(type, raw).string ?? '0';
  if (type === 'k8s.io.apimachinery.pkg.runtime.RawExtension' || type === `${META}.FieldsV1`) {
    const m = decodeMessage(type, raw);
    return typeof m.raw === 'string' && m.raw ? JSON.parse(Buffer.from(m.raw, 'base64').toString()) : {};
  }
  return undefined;
}

function scalar(type: string, wire: number, r: Reader): unknown {
  if (wire === 2) {
    const b = r.bytes();
    if (type === 'string') return b.toString('utf8');
    if (type === 'bytes') return b.toString('base64');
    const value = special(type, b);
    return value === undefined ? decodeMessage(type, b) : value;
  }
  if (wire === 0) {
    const v = r.varint();
    if (type === 'bool') return v !== 0n;
    if (type === 'int32' || type === 'int64') return Number(BigInt.asIntN(64, v));
    return Number(v);
  }
  if (wire === 1) {
    const b = r.fixed(8);
    return type === 'double' ? b.readDoubleLE() : Number(b.readBigInt64LE());
  }
  if (wire === 5) {
    const b = r.fixed(4);
    return type === 'float' ? b.readFloatLE() : b.readInt32LE();
  }
  throw new ProtobufDecodeError(`unsupported wire type ${wire}`);
}

function skip(wire: number, r: Reader): void {
  if (wire === 0) r.varint();
  else if (wire === 1) r.fixed(8);
  else if (wire === 2) r.bytes();
  else if (wire === 5) r.fixed(4);
  else throw new ProtobufDecodeError(`unsupported wire type ${wire}`);
}

function mapEntry(f: ProtoField, raw: Buffer): [string, unknown] {
  const r = new Reader(raw);
  let key = '';
  let value: unknown = f[1] === 'string' ? '' : f[1] === 'bytes' ? '' : {};
  while (!r.done) {
    const tag = Number(r.varint());
    if (tag >> 3 === 1) key = String(scalar(f[3] ?? 'string', tag & 7, r));
    else if (tag >> 3 === 2) value = scalar(f[1], tag & 7, r);
    else skip(tag & 7, r);
  }
  return [key, value];
}

/** Decodes one message into its JSON form, field names as the API uses them. */
export function decodeMessage(type: string, raw: Buffer): Record<string, unknown> {
  const fields = table()[type];
  if (!fields) throw new ProtobufDecodeError(`no protobuf schema for ${type}`);
  const out: Record<string, unknown> = {};
  const r = new Reader(raw);
  while (!r.done) {
    const tag = Number(r.varint());
    const f = fields[String(tag >> 3)];
    const wire = tag & 7;
    if (!f) {
      skip(wire, r);
      continue;
    }
    const [name, ftype, label] = f;
    if (label === 'm') {
      const [k, v] = mapEntry(f, r.bytes());
      ((out[name] ??= {}) as Record<string, unknown>)[k] = v;
    } else if (label === 'r') {
      const list = (out[name] ??= []) as unknown[];
      if (wire === 2 && !['string', 'bytes'].includes(ftype) && table()[ftype] === undefined) {
        const packed = new Reader(r.bytes());
        while (!packed.done) list.push(scalar(ftype, ftype === 'double' || ftype === 'fixed64' ? 1 : ftype === 'float' || ftype === 'fixed32' ? 5 : 0, packed));
      } else list.push(scalar(ftype, wire, r));
    } else out[name] = scalar(ftype, wire, r);
  }
  return dropGoZeroValues(out);
}

/** A Kubernetes protobuf request body (`k8s\0` + runtime.Unknown) as the JSON object it encodes. */
export function decodeKubeProtobuf(body: Buffer): Record<string, unknown> {
  if (!isKubeProtobuf(body)) throw new ProtobufDecodeError('the body does not start with the Kubernetes protobuf magic');
  const unknown = decodeMessage('k8s.io.apimachinery.pkg.runtime.Unknown', body.subarray(4));
  const typeMeta = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  if (!typeMeta.apiVersion || !typeMeta.kind) throw new ProtobufDecodeError('the protobuf envelope names no apiVersion and kind');
  const pkg = typeMeta.kind === 'DeleteOptions' || typeMeta.kind === 'Status' ? META : packageOf(typeMeta.apiVersion);
  const object = decodeMessage(`${pkg}.${typeMeta.kind}`, Buffer.from(typeof unknown.raw === 'string' ? unknown.raw : '', 'base64'));
  return { apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, ...object };
}
