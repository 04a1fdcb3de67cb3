import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KubeObject } from '@flotilla/api-types';
import { compareAppState } from './app-state';

interface CompareCase {
  name: string;
  namespace: string;
  desired: KubeObject[];
  live: KubeObject[];
  expect: {
    syncStatus: string;
    health?: string;
    resources?: unknown[];
    images?: string[];
    externalURLs?: string[];
    conditions?: unknown[];
    diffKeys?: string[];
  };
}

const cases = parse(readFileSync(join(__dirname, '../../testdata/compare/app-state.yaml'), 'utf8')) as CompareCase[];

describe('compareAppState', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = compareAppState({ appName: 'shop', desired: c.desired, live: c.live, namespace: c.namespace });
    expect(got.syncStatus).toBe(c.expect.syncStatus);
    if (c.expect.health) expect(got.health.status).toBe(c.expect.health);
    if (c.expect.resources) expect(got.resources).toEqual(c.expect.resources);
    if (c.expect.images) expect(got.summary.images).toEqual(c.expect.images);
    if (c.expect.externalURLs) expect(got.summary.externalURLs).toEqual(c.expect.externalURLs);
    expect(got.conditions).toEqual(c.expect.conditions ?? []);
    if (c.expect.diffKeys)
      expect(
        Object.entries(got.diffs)
          .filter(([, d]) => d.modified)
          .map(([k]) => k),
      ).toEqual(c.expect.diffKeys);
  });

  it('reports an unsupported jq expression as a condition instead of failing', () => {
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' } };
    const got = compareAppState({
      appName: 'a',
      desired: [obj],
      live: [obj],
      namespace: 'ns',
      ignoreDifferences: [{ kind: 'ConfigMap', jqPathExpressions: ['.data | keys'] }],
    });
    expect(got.syncStatus).toBe('Synced');
    expect(got.conditions).toEqual([
      expect.objectContaining({ type: 'InvalidSpecError', message: expect.stringContaining('.data | keys') }),
    ]);
  });
});
