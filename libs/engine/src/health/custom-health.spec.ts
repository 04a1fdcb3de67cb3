import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { parseResourceCustomizations } from '../customizations/resource-customizations';
import { assessResourceHealth } from './health.registry';

// Each fixture is argocd-cm data with Lua health checks, and objects assessed against it.
interface CustomHealthFile {
  argocdCm: Record<string, string>;
  warnings?: string[];
  cases: { name: string; object: KubeObject; expect: HealthStatus | null; error?: string }[];
}

const dir = join(__dirname, '../../testdata/custom-health');
const NOW = 1_700_000_000_000;

describe.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('custom health in %s', (file) => {
  const fixture = parse(readFileSync(join(dir, file), 'utf8')) as CustomHealthFile;
  const { customizations, warnings } = parseResourceCustomizations(fixture.argocdCm);

  it('parses its argocd-cm with the expected warnings', () => {
    expect(warnings).toEqual(fixture.warnings ?? []);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = assessResourceHealth(c.object, { customizations, now: () => NOW });
    if (c.expect === null) expect(got.health).toBeUndefined();
    else {
      expect(got.health?.status).toBe(c.expect.status);
      if (c.expect.message !== undefined) expect(got.health?.message).toBe(c.expect.message);
    }
    expect(got.error).toBe(c.error);
  });
});
