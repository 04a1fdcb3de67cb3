import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildDist } from './dist.builder';

// A workspace in miniature: a library reached through a tsconfig path alias, an app that imports it,
// reads an asset through __dirname and starts a plain-JavaScript helper beside its TypeScript.
const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'mini', version: '1.2.3', workspaces: ['libs/*', 'app'] }),
  'tsconfig.base.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', baseUrl: '.', paths: { '@mini/greeting': ['libs/greeting/src/index.ts'] } },
  }),
  'libs/greeting/src/index.ts': 'export const greet = (name: string): string => `hello ${name}`;\n',
  'app/src/main.ts': [
    "import { readFileSync } from 'node:fs';",
    "import { join } from 'node:path';",
    "import { greet } from '@mini/greeting';",
    "const proto = readFileSync(join(__dirname, '..', '..', 'proto', 'mini.proto'), 'utf8').trim();",
    "const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };",
    '// eslint-disable-next-line @typescript-eslint/no-require-imports',
    "const helper = require(join(__dirname, 'helper.js')) as string;",
    'console.log([greet(helper), proto, version].join(" | "));',
  ].join('\n'),
  'app/src/helper.js': "module.exports = 'helper';\n",
  'app/src/cli.ts': [
    'export async function main(argv: string[]): Promise<void> {',
    "  if (argv[2] === 'fail') throw new Error('it failed');",
    "  await Promise.resolve(console.log(argv.slice(2).join(',')));",
    '}',
  ].join('\n'),
  'app/src/main.spec.ts': "it('is never compiled', () => undefined);\n",
  'app/src/testdata/fixture.ts': 'export const fixture = 1;\n',
  'proto/mini.proto': 'syntax = "proto3";\n',
};

describe('buildDist', () => {
  let root: string;
  const layout = { assetDirs: ['proto'], skipDirs: ['testdata'], commands: [{ bin: 'app/bin/mini.js', main: 'app/src/cli.ts' }] };
  const build = () => buildDist({ root, layout });
  const out = (rel: string): string => join(root, 'dist', rel);
  const runApp = (): string => execFileSync(process.execPath, [out('app/src/main.js')], { encoding: 'utf8' }).trim();
  const write = (rel: string, text: string): void => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'dist-builder-spec-'));
    for (const [rel, text] of Object.entries(FILES)) write(rel, text);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives JavaScript that Node runs alone: aliases rewritten, helpers and assets where __dirname expects them', async () => {
    const r = await build();

    expect(runApp()).toBe('hello helper | syntax = "proto3"; | 1.2.3');
    expect(r).toMatchObject({ compiled: 3, removed: 0, unchanged: 0 });
    expect(readFileSync(out('app/src/main.js'), 'utf8')).toContain('require("../../libs/greeting/src")');
    expect(existsSync(out('app/src/main.js.map'))).toBe(true);
    expect(existsSync(out('app/src/main.spec.js'))).toBe(false);
    expect(existsSync(out('app/src/testdata'))).toBe(false);
  });

  it("writes a command's bin script, which calls the compiled main with argv and reports a rejection", async () => {
    await build();
    const mini = (...args: string[]) => spawnSync(process.execPath, [out('app/bin/mini.js'), ...args], { encoding: 'utf8' });

    expect(mini('a', 'b')).toMatchObject({ status: 0, stdout: 'a,b\n' });
    expect(mini('fail')).toMatchObject({ status: 1, stderr: 'mini: it failed\n' });
  });

  it('does nothing the second time, and only what changed after an edit', async () => {
    await build();
    expect(await build()).toMatchObject({ compiled: 0, copied: 0, removed: 0, unchanged: 7 });

    write('libs/greeting/src/index.ts', 'export const greet = (name: string): string => `hi ${name}`;\n');
    // A later mtime, as an editor's save gives, even on a file system with coarse timestamps.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'libs/greeting/src/index.ts'), later, later);
    expect(await build()).toMatchObject({ compiled: 1, copied: 0, unchanged: 6 });
    expect(runApp()).toMatch(/^hi helper/);
  });

  it('rebuilds an output deleted by hand and removes the outputs of deleted sources', async () => {
    await build();
    rmSync(out('app/src/main.js'));
    rmSync(join(root, 'libs/greeting/src/index.ts'));

    const r = await build();

    expect(r).toMatchObject({ compiled: 1, removed: 1 });
    expect(existsSync(out('app/src/main.js'))).toBe(true);
    expect(existsSync(out('libs/greeting/src/index.js'))).toBe(false);
    expect(existsSync(out('libs/greeting/src/index.js.map'))).toBe(false);
  });

  it('names the file a syntax error is in, and still builds the others', async () => {
    write('app/src/broken.ts', 'export const = ;\n');

    await expect(build()).rejects.toThrow(/app\/src\/broken\.ts/);
    expect(existsSync(out('app/src/main.js'))).toBe(true);
  });
});
