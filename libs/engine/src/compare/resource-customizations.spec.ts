import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ApplicationCondition, HealthStatus, KubeObject, ResourceIgnoreDifferences } from '@flotilla/api-types';
import { parseResourceCustomizations } from '../customizations/resource-customizations';
import { compareAppState } from './app-state';

interface CustomizedCompareCase {
  name: string;
  argocdCm: Record<string, string>;
  appIgnoreDifferences?: ResourceIgnoreDifferences[];
  desired: KubeObject[];
  live: KubeObject[];
  expect: { syncStatus: string; health?: string; resourceHealth?: Record<string, HealthStatus | null>; conditions?: ApplicationCondition[] };
}

const cases = parse(readFileSync(join(__dirname, '../../testdata/compare/resource-customizations.yaml'), 'utf8')) as CustomizedCompareCase[];

describe('compareAppState with argocd-cm resource customizations', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { customizations, warnings } = parseResourceCustomizations(c.argocdCm);
    expect(warnings).toEqual([]);
    const got = compareAppState({ appName: 'shop', desired: c.desired, live: c.live, namespace: 'shop', ignoreDifferences: c.appIgnoreDifferences, customizations });
    expect(got.syncStatus).toBe(c.expect.syncStatus);
    if (c.expect.health) expect(got.health.status).toBe(c.expect.health);
    for (const [ref, health] of Object.entries(c.expect.resourceHealth ?? {})) {
      const resource = got.resources.find((r) => `${r.kind}/${r.name}` === ref);
      expect(resource?.health ?? null).toEqual(health);
    }
    expect(got.conditions).toEqual(c.expect.conditions ?? []);
  });
});
