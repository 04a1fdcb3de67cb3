import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { healthCustomizationFor, ignoreDifferencesFor } from './customizations-for-kind';
import { parseResourceCustomizations, type ResourceCustomizations } from './resource-customizations';

const testdata = (file: string): unknown => parse(readFileSync(join(__dirname, '../../testdata/customizations', file), 'utf8'));

interface ParseCase {
  name: string;
  argocdCm: Record<string, string> | null;
  expect: ResourceCustomizations;
  warnings: string[];
}

describe('parseResourceCustomizations', () => {
  it.each((testdata('parse.yaml') as ParseCase[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = parseResourceCustomizations(c.argocdCm ?? undefined);
    expect(got.customizations).toEqual(c.expect);
    expect(got.warnings).toEqual(c.warnings);
  });
});

interface LookupFile {
  argocdCm: Record<string, string>;
  health: { group: string; kind: string; key: string | null }[];
  ignoreDifferences: { group: string; kind: string; rules: unknown[] }[];
}

describe('customizations for a group/kind', () => {
  const fixture = testdata('lookup.yaml') as LookupFile;
  const { customizations, warnings } = parseResourceCustomizations(fixture.argocdCm);

  it('parses the fixture cleanly', () => expect(warnings).toEqual([]));

  it.each(fixture.health.map((c) => [`${c.group}/${c.kind}`, c] as const))('health check of %s', (_name, c) => {
    expect(healthCustomizationFor(customizations, c.group, c.kind)?.key ?? null).toBe(c.key);
  });

  it.each(fixture.ignoreDifferences.map((c) => [`${c.group}/${c.kind}`, c] as const))('ignoreDifferences of %s', (_name, c) => {
    expect(ignoreDifferencesFor(customizations, c.group, c.kind)).toEqual(c.rules);
  });
});
