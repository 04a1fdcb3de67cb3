import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

interface HealthCase {
  name: string;
  expect: HealthStatus | null;
  object: KubeObject;
}

const dir = join(__dirname, '../../testdata/health');

describe.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('health of %s', (file) => {
  const cases = parse(readFileSync(join(dir, file), 'utf8')) as HealthCase[];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = assessHealth(c.object);
    if (c.expect === null) {
      expect(got).toBeUndefined();
    } else {
      expect(got?.status).toBe(c.expect.status);
      if (c.expect.message !== undefined) expect(got?.message).toBe(c.expect.message);
    }
  });
});
