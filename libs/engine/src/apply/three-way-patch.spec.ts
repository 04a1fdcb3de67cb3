import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KubeObject } from '@flotilla/api-types';
import { LAST_APPLIED_ANNOTATION } from '../diff/normalize';
import { openApiDefinitionOf, patchSchemaFromOpenApi, type OpenApiDefinitions } from './patch-schema';
import { threeWayPatch, type ApplyPatchType } from './three-way-patch';

interface ApplyCase {
  name: string;
  lastApplied?: KubeObject;
  desired: KubeObject;
  live: KubeObject;
  expect: { type: ApplyPatchType; patch: Record<string, unknown> };
}

const dir = join(__dirname, '../../testdata/apply');
const definitions = parse(readFileSync(join(dir, 'openapi-v2-definitions.yaml'), 'utf8')) as OpenApiDefinitions;

const withLastApplied = (live: KubeObject, lastApplied: KubeObject | undefined): KubeObject =>
  lastApplied ? { ...live, metadata: { ...live.metadata, annotations: { ...live.metadata?.annotations, [LAST_APPLIED_ANNOTATION]: JSON.stringify(lastApplied) } } } : live;

describe.each(readdirSync(join(dir, 'cases')).filter((f) => f.endsWith('.yaml')))('three-way apply patch %s', (file) => {
  const cases = parse(readFileSync(join(dir, 'cases', file), 'utf8')) as ApplyCase[];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const definition = openApiDefinitionOf(definitions, c.desired.apiVersion!, c.desired.kind!);
    const schema = definition ? patchSchemaFromOpenApi(definitions, definition) : undefined;
    const got = threeWayPatch({ desired: c.desired, live: withLastApplied(c.live, c.lastApplied), schema });
    expect(got.type).toBe(c.expect.type);
    expect(got.patch).toEqual(c.expect.patch);
    expect(got.empty).toBe(Object.keys(c.expect.patch).length === 0);
  });
});
