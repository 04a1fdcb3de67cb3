import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_RENDER_LIMITS } from '../limits/render-limits';
import { renderJsonnet } from './jsonnet.renderer';

// The confined evaluator behaves as Argo's go-jsonnet for everything a repository may do: imports
// from the importing file's directory, then the library paths in order; extVars and TLAs (code may
// import too); importbin; and only what the kernel resolves inside the checkout.
let root: string;
let outside: string;
const write = (path: string, text: string): void => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const render = (file: string, opts: Parameters<typeof renderJsonnet>[3] = {}, appPath = 'app'): Promise<unknown> =>
  renderJsonnet(root, appPath, [file], opts, { ARGOCD_APP_NAME: 'demo' }, DEFAULT_RENDER_LIMITS).then((m) => m.get(file));
const cm = (data: string): string => `{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: ${data} }\n`;

beforeEach(() => {
  const base = realpathSync.native(mkdtempSync(join(tmpdir(), 'jsonnet-spec-')));
  root = join(base, 'repo');
  outside = join(base, 'secret.txt');
  mkdirSync(root);
  writeFileSync(outside, 'top-secret');
});
afterEach(() => rmSync(dirname(root), { recursive: true, force: true }));

describe('confined Jsonnet evaluation', () => {
  it('imports from the importing file first, then the library paths in order; nested imports from where the file was found', async () => {
    write('app/main.jsonnet', `local a = import 'a.libsonnet'; local b = import 'b.libsonnet'; ${cm('{ a: a.v, b: b.v, n: b.nested }')}`);
    write('app/a.libsonnet', "{ v: 'app' }");
    write('lib1/a.libsonnet', "{ v: 'lib1' }");
    write('lib1/b.libsonnet', "{ v: 'lib1', nested: (import 'sub/c.libsonnet').v }");
    write('lib1/sub/c.libsonnet', "{ v: importstr 'd.txt' }");
    write('lib1/sub/d.txt', 'deep');
    write('lib2/b.libsonnet', "{ v: 'lib2', nested: 'none' }");
    expect(await render('app/main.jsonnet', { libs: ['lib1', 'lib2'] })).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'app', b: 'lib1', n: 'deep' } }]);
  });

  it('extVars and TLAs, as strings (envsubst) and as code that imports', async () => {
    write('app/main.jsonnet', `function(t) ${cm("{ s: std.extVar('s'), c: std.extVar('c').v, t: t }")}`);
    write('app/v.libsonnet', "{ v: 'from-code' }");
    const out = await render('app/main.jsonnet', { extVars: [{ name: 's', value: '$ARGOCD_APP_NAME' }, { name: 'c', value: "import 'v.libsonnet'", code: true }], tlas: [{ name: 't', value: 'tla' }] });
    expect(out).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { s: 'demo', c: 'from-code', t: 'tla' } }]);
  });

  it('importbin reads bytes', async () => {
    write('app/main.jsonnet', cm("{ n: std.toString(std.length(importbin 'blob.bin')) }"));
    writeFileSync(join(root, 'app/blob.bin'), Buffer.from([0, 1, 2, 255]));
    expect(await render('app/main.jsonnet')).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { n: '4' } }]);
  });

  it('refuses whatever leads out, however the import is written or wherever the code comes from', async () => {
    symlinkSync('..', join(root, 'up'));
    const refusals: [string, Parameters<typeof renderJsonnet>[3]][] = [
      [cm(`{ x: importstr '${outside}' }`), {}],
      [cm(`{ x: importstr "\\u002f${outside.slice(1)}" }`), {}],
      [cm("{ x: importstr /* a comment */ '../../secret.txt' }"), {}],
      [cm("{ x: importstr 'up/secret.txt' }"), { libs: ['.'] }],
      [cm("{ x: std.extVar('c') }"), { extVars: [{ name: 'c', value: `importstr '${outside}'`, code: true }] }],
    ];
    for (const [code, opts] of refusals) {
      write('app/main.jsonnet', code);
      const err = (await render('app/main.jsonnet', opts).catch((e: Error) => e)) as Error;
      expect(err).toBeInstanceOf(Error);
      expect(err.message).toMatch(/couldn't open import .*: (absolute paths are not allowed|path leaves the repository|resolves outside the repository|no match)/);
      expect(err.message).not.toContain('top-secret');
    }
  });
});
