import { join } from 'node:path';
import { groupOf } from '@flotilla/api-types';
import { luaHealth } from '../health/lua/lua-script.health';
import { readCustomizationsDir, withLibrary } from './customizations-dir';
import { healthCustomizationFor } from './customizations-for-kind';
import { readHealthTests, readTestObject } from './library-tests';
import { NO_CUSTOMIZATIONS } from './resource-customizations';

// Every health_test.yaml of a script library in Argo CD's layout, run through Flotilla's lookup and
// Lua runtime as Argo's own test of its resource_customizations runs them. The fixture library by
// default; a team runs it on theirs with
//   FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR=path/to/library npx jest libs/engine/src/customizations/library-health-tests.spec.ts
const dir = process.env.FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR || join(__dirname, '../../testdata/resource-customizations');
const library = readCustomizationsDir(dir);
const customizations = withLibrary(NO_CUSTOMIZATIONS, library);
const cases = library.kinds.flatMap((kind) => readHealthTests(kind).map((test) => [`${kind.key} ${test.inputPath}`, kind, test] as const));

describe(`health_test.yaml files under ${dir}`, () => {
  it('reads the library without warnings and finds tests', () => {
    expect(library.warnings).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (_name, kind, test) => {
    const obj = readTestObject(kind, test.inputPath);
    const custom = healthCustomizationFor(customizations, groupOf(obj.apiVersion), obj.kind ?? '');
    expect(custom?.key).toBe(kind.key);
    const got = luaHealth(custom!.script, obj, { useOpenLibs: custom!.useOpenLibs, name: custom!.key, now: () => Date.now() });
    expect(got.error).toBeUndefined();
    expect({ status: got.health?.status ?? '', message: got.health?.message ?? '' }).toEqual({ status: test.status, message: test.message });
  });
});
