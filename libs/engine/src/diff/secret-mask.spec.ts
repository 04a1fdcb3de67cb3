import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { JsonRecord } from '../object/json-value';
import { LAST_APPLIED_ANNOTATION } from './normalize';
import { hideSecretData, maskSecretData, maskSecretValuesIn, SECRET_MASK } from './secret-mask';

interface HideCase {
  name: string;
  target?: JsonRecord;
  live?: JsonRecord;
  liveLastApplied?: JsonRecord;
  liveLastAppliedText?: string;
  targetLastApplied?: JsonRecord;
  expect: {
    target?: JsonRecord;
    live?: JsonRecord;
    liveLastApplied?: JsonRecord;
    liveLastAppliedText?: string;
    targetLastApplied?: JsonRecord;
    hidden?: string[];
  };
}

interface TextCase {
  name: string;
  text: string;
  objects: JsonRecord[];
  expect: string;
}

const dir = join(__dirname, '../../testdata/secret-mask');
const load = <T>(file: string): T[] => parse(readFileSync(join(dir, file), 'utf8')) as T[];

type Meta = { annotations?: Record<string, string> };

/** The object with `applied` (JSON, or verbatim text) as its last-applied annotation. */
function withLastApplied(obj: JsonRecord | undefined, applied: JsonRecord | string | undefined): JsonRecord | undefined {
  if (!obj || applied === undefined) return obj;
  const meta = (obj.metadata ?? {}) as Meta;
  const text = typeof applied === 'string' ? applied : JSON.stringify(applied);
  return { ...obj, metadata: { ...meta, annotations: { ...meta.annotations, [LAST_APPLIED_ANNOTATION]: text } } };
}

/** The object's last-applied annotation, and the object without it. */
function splitLastApplied(obj: JsonRecord | undefined): { rest?: JsonRecord; text?: string } {
  if (!obj) return {};
  const meta = (obj.metadata ?? {}) as Meta;
  const { [LAST_APPLIED_ANNOTATION]: text, ...annotations } = meta.annotations ?? {};
  const metadata = Object.keys(annotations).length ? { ...meta, annotations } : { ...meta, annotations: undefined };
  if (!metadata.annotations) delete metadata.annotations;
  return { rest: { ...obj, metadata }, text };
}

describe('hideSecretData', () => {
  it.each(load<HideCase>('hide-secret-data.yaml').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const target = withLastApplied(c.target, c.targetLastApplied);
    const live = withLastApplied(c.live, c.liveLastApplied ?? c.liveLastAppliedText);
    const before = JSON.stringify({ target, live });
    const got = hideSecretData(target, live);
    const t = splitLastApplied(got.target);
    const l = splitLastApplied(got.live);
    expect(t.rest).toEqual(c.expect.target);
    expect(l.rest).toEqual(c.expect.live);
    expect(t.text === undefined ? undefined : JSON.parse(t.text)).toEqual(c.expect.targetLastApplied);
    if (c.expect.liveLastAppliedText !== undefined) expect(l.text).toBe(c.expect.liveLastAppliedText);
    else expect(l.text === undefined ? undefined : JSON.parse(l.text)).toEqual(c.expect.liveLastApplied);
    const shown = JSON.stringify(got);
    for (const secret of c.expect.hidden ?? []) expect(shown).not.toContain(secret);
    expect(JSON.stringify({ target, live })).toBe(before); // the inputs are not changed
  });
});

describe('maskSecretData', () => {
  it('masks one object on its own, its last-applied annotation included', () => {
    const applied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { b: 'plain-canary' } });
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', annotations: { [LAST_APPLIED_ANNOTATION]: applied } }, data: { a: 'c2VjcmV0' }, stringData: { b: 'plain-canary' } };
    const masked = maskSecretData(secret);
    expect(JSON.stringify(masked)).not.toMatch(/c2VjcmV0|plain-canary|cGxhaW4tY2FuYXJ5/);
    expect(masked.data).toEqual({ a: SECRET_MASK, b: SECRET_MASK });
    expect(JSON.parse(masked.metadata.annotations[LAST_APPLIED_ANNOTATION])).toMatchObject({ data: { b: SECRET_MASK } });
  });
});

describe('maskSecretValuesIn', () => {
  it.each(load<TextCase>('secret-values-in-text.yaml').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(maskSecretValuesIn(c.text, ...c.objects)).toBe(c.expect);
  });
});
