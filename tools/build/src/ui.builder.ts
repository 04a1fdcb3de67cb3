// The web UI's part of `npm run build`: Vite bundles ui/ into <out>/ui, only when a file under ui/
// (or Vite itself) changed since the last UI build, so an unchanged tree costs one directory walk.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface UiBuildResult {
  outDir: string;
  built: boolean;
  ms: number;
}

const STAMP = join('.vite', 'flotilla-build-stamp');

export async function buildUi(opts: { root: string; outDir?: string }): Promise<UiBuildResult> {
  const started = Date.now();
  const outDir = join(opts.outDir ?? join(opts.root, 'dist'), 'ui');
  const vite = join(opts.root, 'node_modules', 'vite');
  const stamp = fingerprint(join(opts.root, 'ui'), (JSON.parse(readFileSync(join(vite, 'package.json'), 'utf8')) as { version: string }).version);
  const stampFile = join(outDir, STAMP);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { outDir, built: false, ms: Date.now() - started };
  await run(process.execPath, [join(vite, 'bin', 'vite.js'), 'build', '--config', join(opts.root, 'ui', 'vite.config.ts'), '--logLevel', 'warn'], {
    ...process.env,
    FLOTILLA_UI_OUT: outDir,
    VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
  });
  writeFileSync(stampFile, stamp);
  return { outDir, built: true, ms: Date.now() - started };
}

/** Every file's path, size and mtime under ui/ (but node_modules), with Vite's version. */
function fingerprint(dir: string, viteVersion: string): string {
  const parts = [viteVersion];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      if (entry === 'node_modules' || entry === 'dist') continue;
      const full = join(d, entry);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else parts.push(`${full}:${st.size}:${st.mtimeMs}`);
    }
  };
  walk(dir);
  return parts.join('\n');
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the UI build (vite) exited ${code}:\n${output.slice(-4000)}`))));
  });
}
