import { join } from 'node:path';
import { luaAction, luaActionDiscovery } from '../health/lua/lua-actions';
import { readCustomizationsDir } from './customizations-dir';
import { readActionTests, readTestObject } from './library-tests';

// Every actions/action_test.yaml of a script library in Argo CD's layout, through Flotilla's Lua
// runtime: the fixture library, or a team's with FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR (see
// library-health-tests.spec.ts). Paths are relative to the kind's directory, as in Argo's tests.
const dir = process.env.FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR || join(__dirname, '../../testdata/resource-customizations');
const library = readCustomizationsDir(dir);
const withTests = library.kinds.map((kind) => ({ kind, tests: readActionTests(kind) }));
const discoveryCases = withTests.flatMap(({ kind, tests }) => tests.discovery.map((t) => [`${kind.key} discovery ${t.inputPath}`, kind, t] as const));
const actionCases = withTests.flatMap(({ kind, tests }) => tests.actions.map((t) => [`${kind.key} ${t.action} ${t.inputPath}`, kind, t] as const));

describe(`action_test.yaml files under ${dir}`, () => {
  it('finds action tests', () => {
    expect(discoveryCases.length + actionCases.length).toBeGreaterThan(0);
  });

  it.each(discoveryCases)('%s', (_name, kind, test) => {
    const got = luaActionDiscovery(kind.actions?.discovery ?? '', readTestObject(kind, test.inputPath), { useOpenLibs: true, name: kind.key });
    expect(got).toEqual({ actions: test.result.map((r) => ({ ...r, disabled: r.disabled ?? false })).sort((a, b) => (a.name < b.name ? -1 : 1)) });
  });

  it.each(actionCases)('%s', (_name, kind, test) => {
    const script = kind.actions?.scripts[test.action];
    expect(script).toBeDefined();
    const got = luaAction(script!, readTestObject(kind, test.inputPath), { useOpenLibs: true, name: kind.key }, test.parameters);
    expect(got).toEqual({ impacted: [{ operation: 'patch', resource: readTestObject(kind, test.expectedOutputPath) }] });
  });
});
