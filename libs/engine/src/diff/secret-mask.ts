// Secret values never leave the engine. As Argo's HideSecretData (gitops-engine pkg/diff), every
// value becomes a run of `+`, chosen per key across the objects shown together: equal values get the
// same mask and different ones a longer one, so a changed value still shows as a change.
import type { KubeObject } from '@flotilla/api-types';
import { clone, isRecord, type JsonRecord } from '../object/json-value';
import { foldStringData, LAST_APPLIED_ANNOTATION } from './normalize';

export const SECRET_MASK = '++++++++';
/** Each further distinct value of a key gets four more `+` than the one before, as in Argo. */
const MASK_STEP = '++++';
/** Shorter values are left in messages: they protect nothing, and masking every `1` would garble the text. */
const MIN_MASKED_IN_TEXT = 4;

const isSecret = (obj: JsonRecord | undefined): boolean =>
  obj?.kind === 'Secret' && (obj.apiVersion === 'v1' || obj.apiVersion === undefined);

const annotationsOf = (obj: JsonRecord): JsonRecord | undefined => (isRecord(obj.metadata) && isRecord(obj.metadata.annotations) ? obj.metadata.annotations : undefined);

/** Secrets with stringData folded into data (as the API server stores it, and as the diff compares). */
function folded(obj: JsonRecord): JsonRecord {
  const out = foldStringData(clone(obj));
  // stringData that is not a map cannot be folded; it is hidden whole.
  if (out.stringData !== undefined) out.stringData = SECRET_MASK;
  return out;
}

/**
 * The last-applied configuration an object carries, its stringData folded into data: undefined when
 * it carries none, null when the annotation is not a JSON object (then it is masked as a whole).
 */
function lastAppliedIn(obj: JsonRecord): JsonRecord | null | undefined {
  const text = annotationsOf(obj)?.[LAST_APPLIED_ANNOTATION];
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = typeof text === 'string' ? JSON.parse(text) : undefined;
    return isRecord(parsed) ? folded(parsed) : null;
  } catch {
    return null;
  }
}

/** A value as compared for masking: Secrets hold strings, anything else by its JSON. */
const comparable = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** Replaces every `data` value in `docs` (in place), numbering masks per key in the order given. */
function maskPerKey(docs: JsonRecord[]): void {
  for (const doc of docs) if (doc.data !== undefined && doc.data !== null && !isRecord(doc.data)) doc.data = SECRET_MASK;
  const keys = new Set(docs.flatMap((d) => (isRecord(d.data) ? Object.keys(d.data) : [])));
  for (const key of keys) {
    const masks = new Map<string, string>();
    for (const doc of docs) {
      if (!isRecord(doc.data) || !(key in doc.data)) continue;
      const value = comparable(doc.data[key]);
      const mask = masks.get(value) ?? SECRET_MASK + MASK_STEP.repeat(masks.size);
      masks.set(value, mask);
      doc.data[key] = mask;
    }
  }
}

function writeLastApplied(obj: JsonRecord, applied: JsonRecord | null | undefined): void {
  const annotations = annotationsOf(obj);
  if (applied === undefined || !annotations) return;
  annotations[LAST_APPLIED_ANNOTATION] = applied === null ? SECRET_MASK : JSON.stringify(applied);
}

/**
 * Argo's HideSecretData: target, live, live's last-applied configuration (and target's, should it
 * carry one) masked together, key by key; the masked configuration is written back into the
 * annotation. stringData is folded into data first, so `stringData: {a: x}` and `data: {a: base64(x)}`
 * get the same mask. Objects other than v1 Secrets are returned as they are.
 */
export function hideSecretData<T extends KubeObject | JsonRecord>(target: T, live: T): { target: T; live: T };
export function hideSecretData<T extends KubeObject | JsonRecord>(target: T | undefined, live: T | undefined): { target?: T; live?: T };
export function hideSecretData<T extends KubeObject | JsonRecord>(target: T | undefined, live: T | undefined): { target?: T; live?: T } {
  if (!isSecret(target) && !isSecret(live)) return { target, live };
  const t = target && folded(target);
  const l = live && folded(live);
  const tApplied = t && lastAppliedIn(t);
  const lApplied = l && lastAppliedIn(l);
  maskPerKey([t, l, lApplied, tApplied].filter(isRecord));
  if (t) writeLastApplied(t, tApplied);
  if (l) writeLastApplied(l, lApplied);
  return { target: t as T | undefined, live: l as T | undefined };
}

/** One object masked on its own (with its last-applied annotation); other kinds unchanged. */
export function maskSecretData<T extends KubeObject | JsonRecord>(obj: T): T {
  return hideSecretData(undefined, obj).live as T;
}

const escaped = (s: string): string => JSON.stringify(s).slice(1, -1);
/** A text as it reads plain, quoted once (a value in a message) and quoted twice (inside a quoted annotation). */
const quotings = (s: string): string[] => [s, escaped(s), escaped(escaped(s))];

const stringsIn = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(stringsIn) : isRecord(v) ? Object.values(v).flatMap(stringsIn) : [];

/** Every form a Secret's value could take in a message: as stored (base64), decoded, as written in git. */
function secretTexts(obj: JsonRecord): string[] {
  const out: string[] = [];
  for (const field of ['data', 'stringData'] as const) {
    const values = obj[field];
    if (!isRecord(values)) continue;
    for (const v of Object.values(values)) {
      // A value of the wrong type is what an API server's type error echoes: as JSON, or the strings in it.
      if (typeof v !== 'string') {
        if (v !== null && v !== undefined) out.push(...quotings(JSON.stringify(v)), ...stringsIn(v).flatMap(quotings));
        continue;
      }
      const other = field === 'data' ? Buffer.from(v, 'base64').toString('utf8') : Buffer.from(v, 'utf8').toString('base64');
      out.push(...quotings(v), ...quotings(other));
    }
  }
  return out;
}

/**
 * A message (an API server's refusal, say) with the values of the given Secrets, and of their
 * last-applied configurations, replaced by the mask; text about other kinds is returned as it is.
 */
export function maskSecretValuesIn(text: string, ...objs: (KubeObject | JsonRecord | undefined)[]): string {
  const secrets = objs.filter((o): o is JsonRecord => isSecret(o));
  const applied = secrets.map(lastAppliedIn).filter(isRecord);
  const raw = secrets.map((s) => annotationsOf(s)?.[LAST_APPLIED_ANNOTATION]).filter((a): a is string => typeof a === 'string');
  const values = [...raw.flatMap(quotings), ...[...secrets, ...applied].flatMap(secretTexts)].filter((v) => v.length >= MIN_MASKED_IN_TEXT);
  // Longest first, so a value containing another is replaced whole.
  const masked = [...new Set(values)].sort((a, b) => b.length - a.length).reduce((msg, v) => msg.split(v).join(SECRET_MASK), text);
  return secrets.length ? masked.replace(DECODER_WINDOWS, (_m, at: string) => `error found in #${at} byte of ...|${SECRET_MASK}|..., bigger context ...|${SECRET_MASK}|...`) : masked;
}

/**
 * json-iterator's decode error (API servers up to 1.22) quotes the request body around where it
 * stopped, cut at any byte: a value split there escapes whole-value masking, so both windows go.
 */
const DECODER_WINDOWS = /error found in #(\d+) byte of \.\.\.\|[\s\S]*\|\.\.\., bigger context \.\.\.\|[\s\S]*\|\.\.\./;
