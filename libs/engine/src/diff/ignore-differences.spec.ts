import type { KubeObject } from '@flotilla/api-types';
import { diffResource } from './diff-resource';
import { removeEmptyObjects } from './ignore-differences';
import type { JqEvaluator } from './jq-evaluator';

describe('removeEmptyObjects (Argo diff_normalizer.go)', () => {
  it.each([
    ['an empty map', { a: {}, b: 1 }, { b: 1 }],
    ['a map emptied by removing its empty maps', { a: { b: { c: {} } }, d: 1 }, { d: 1 }],
    ['empty maps out of lists, and lists left empty', { l: [{}, { a: 1 }], m: [{}], n: [] }, { l: [{ a: 1 }] }],
    ['scalars, nulls and lists of scalars stay', { a: null, b: '', c: [1], d: 0 }, { a: null, b: '', c: [1], d: 0 }],
  ])('%s', (_name, doc, expected) => {
    removeEmptyObjects(doc);
    expect(doc).toEqual(expected);
  });
});

describe('applyIgnoreDifferences through diffResource', () => {
  const live: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'c', annotations: { 'injected.example.com/at': '12:00' } },
    data: { a: '1' },
  };
  const desired: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } };

  it('drops the maps a rule leaves empty from what it shows as live', () => {
    const got = diffResource({ desired, live, ignoreDifferences: [{ kind: 'ConfigMap', jsonPointers: ['/metadata/annotations/injected.example.com~1at'] }] });
    expect(got.modified).toBe(false);
    expect(got.normalizedLive.metadata).toEqual({ name: 'c' });
  });

  it('hands each document to jq, and reports a broken expression once', () => {
    const seen: unknown[] = [];
    const jq: JqEvaluator = {
      paths: (doc) => {
        seen.push(structuredClone(doc));
        return { ok: false, kind: 'compile', message: 'syntax error' };
      },
    };
    const got = diffResource({ desired, live, ignoreDifferences: [{ kind: 'ConfigMap', jqPathExpressions: ['.data |||'] }], jq });
    expect(seen).toHaveLength(2); // live and desired; live has no last-applied annotation
    expect(seen[0]).toMatchObject({ metadata: { annotations: { 'injected.example.com/at': '12:00' } } });
    expect(got.warnings).toEqual(['ignoreDifferences jqPathExpression ".data |||" is not valid jq: syntax error']);
  });
});
