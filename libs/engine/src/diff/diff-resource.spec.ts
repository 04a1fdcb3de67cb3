import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KubeObject, ResourceIgnoreDifferences } from '@flotilla/api-types';
import { diffResource } from './diff-resource';

interface DiffCase {
  name: string;
  desired: KubeObject;
  live: KubeObject;
  lastApplied?: KubeObject;
  /** A dry-run server-side apply's answer: the case is a server-side diff. */
  serverPredicted?: KubeObject;
  ignoreDifferences?: ResourceIgnoreDifferences[];
  expect: { modified: boolean; patch?: unknown[]; hidden?: string[]; warning?: string };
}

const dir = join(__dirname, '../../testdata/diff');

describe.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('diff %s', (file) => {
  const cases = parse(readFileSync(join(dir, file), 'utf8')) as DiffCase[];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = diffResource({ desired: c.desired, live: c.live, lastApplied: c.lastApplied, ignoreDifferences: c.ignoreDifferences, serverPredicted: c.serverPredicted });
    expect(got.modified).toBe(c.expect.modified);
    expect(got.patch.length > 0).toBe(c.expect.modified);
    if (c.expect.patch) expect(got.patch).toEqual(c.expect.patch);
    const shown = JSON.stringify(got);
    for (const secret of c.expect.hidden ?? []) expect(shown).not.toContain(secret);
    if (c.expect.warning) expect(got.warnings.join('\n')).toContain(c.expect.warning);
  });
});
