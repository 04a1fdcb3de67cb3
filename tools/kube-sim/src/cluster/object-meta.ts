import { randomBytes, randomUUID } from 'node:crypto';
import { KubeObject } from '../store/kube-object';

const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

/** The 5-character suffix Kubernetes appends to `generateName`. */
export function generatedName(prefix: string): string {
  const bytes = randomBytes(5);
  let suffix = '';
  for (const b of bytes) suffix += NAME_CHARS[b % NAME_CHARS.length];
  return `${prefix}${suffix}`;
}

/** RFC 3339 with second precision, as Kubernetes serialises metav1.Time. */
export function kubeTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Fields the server owns on create: anything a client sent there is replaced (generation: see generation.ts). */
export function stampCreate(obj: KubeObject, now: Date): void {
  const m = obj.metadata;
  m.uid = randomUUID();
  m.creationTimestamp = kubeTime(now);
  delete m.resourceVersion;
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.selfLink;
}

/** Server-owned metadata survives updates whatever the client sends. */
export function keepServerMetadata(next: KubeObject, old: KubeObject): void {
  const m = next.metadata;
  const o = old.metadata;
  m.uid = o.uid;
  m.creationTimestamp = o.creationTimestamp;
  m.generation = o.generation;
  m.name = o.name;
  if (o.namespace) m.namespace = o.namespace;
  if (o.deletionTimestamp) {
    m.deletionTimestamp = o.deletionTimestamp;
    m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  } else {
    delete m.deletionTimestamp;
    delete m.deletionGracePeriodSeconds;
  }
}

/** True when two versions of an object are the same write (resourceVersion and managedFields times aside). */
export function sameObject(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject): string => {
    const { resourceVersion: _rv, managedFields, ...meta } = o.metadata;
    const fields = (managedFields ?? []).map(({ time: _t, ...f }) => f);
    return canonicalJson({ ...o, metadata: { ...meta, managedFields: fields } });
  };
  return strip(a) === strip(b);
}

export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    }
    return value;
  });
}
