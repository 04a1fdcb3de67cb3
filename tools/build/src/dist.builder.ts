import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { readManifest, writeManifest } from './build-manifest.store';
import { DIST_LAYOUT, type DistLayout } from './dist-layout';

export interface BuildOptions {
  /** The repository: its package.json names the workspaces, its tsconfig.base.json the `@flotilla/*` paths. */
  root: string;
  /** Where the JavaScript goes; <root>/dist by default. */
  outDir?: string;
  layout?: DistLayout;
}

export interface BuildResult {
  outDir: string;
  compiled: number;
  copied: number;
  removed: number;
  /** Files already up to date. */
  unchanged: number;
  ms: number;
}

type Step = { kind: 'compile' | 'copy' | 'write' | 'command'; source: string; rel: string; stamp: string };

/**
 * Compiles every workspace's src/ to CommonJS with SWC and copies the files read at run time, doing only
 * what changed since the last build (by size and mtime). Type errors are `npm run typecheck`'s job.
 */
export async function buildDist(opts: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const root = opts.root;
  const outDir = opts.outDir ?? join(root, 'dist');
  const layout = opts.layout ?? DIST_LAYOUT;
  const swcOptions = compilerOptions(root);
  const salt = JSON.stringify([swcVersion(), swcOptions, layout]);
  const previous = readManifest(outDir, salt);
  const steps = plan(root, layout);

  // An output deleted by hand is built again even though its source did not change.
  const fresh = (s: Step): boolean => previous.stamps[s.rel] === s.stamp && existsSync(join(outDir, outputsOf(s.rel)[0]));
  const stale = steps.filter((s) => !fresh(s));
  const stamps: Record<string, string> = {};
  for (const s of steps) if (!stale.includes(s)) stamps[s.rel] = s.stamp;
  mkdirSync(outDir, { recursive: true });
  const failures: string[] = [];
  await inParallel(stale, async (s) => {
    try {
      await runStep(s, root, outDir, swcOptions);
      stamps[s.rel] = s.stamp;
    } catch (err) {
      failures.push(`${s.rel}: ${(err as Error).message}`);
    }
  });

  const current = new Set(steps.map((s) => s.rel));
  const gone = Object.keys(previous.stamps).filter((rel) => !current.has(rel));
  for (const rel of gone) for (const out of outputsOf(rel)) rmSync(join(outDir, out), { force: true });
  writeManifest(outDir, { salt, stamps });
  if (failures.length) throw new Error(`the build failed in ${failures.length} file(s):\n${failures.join('\n')}`);
  return {
    outDir,
    compiled: stale.filter((s) => s.kind === 'compile').length,
    copied: stale.filter((s) => s.kind !== 'compile').length,
    removed: gone.length,
    unchanged: steps.length - stale.length,
    ms: Date.now() - started,
  };
}

/** Every file of the build with its current stamp: each workspace's sources, then the assets. */
function plan(root: string, layout: DistLayout): Step[] {
  const steps: Step[] = [];
  const add = (kind: Step['kind'], source: string): void => {
    const st = statSync(source);
    steps.push({ kind, source, rel: relative(root, source), stamp: `${st.mtimeMs}:${st.size}` });
  };
  for (const pkg of workspaceDirs(root)) {
    for (const file of walk(join(pkg, 'src'), layout.skipDirs)) {
      if (file.endsWith('.spec.ts') || file.endsWith('.d.ts')) continue;
      if (file.endsWith('.ts')) add('compile', file);
      // Plain JavaScript beside the TypeScript (worker threads, child-process scripts) is loaded by path.
      else if (file.endsWith('.js')) add('copy', file);
    }
  }
  for (const dir of layout.assetDirs) for (const file of walk(join(root, dir), [])) add('copy', file);
  // The version the api-server and the CLI report is read from the package.json above them.
  add('write', join(root, 'package.json'));
  // A command's script depends on nothing but the layout, which is part of the salt.
  for (const c of layout.commands) steps.push({ kind: 'command', source: join(root, c.main), rel: c.bin, stamp: c.main });
  return steps;
}

async function runStep(step: Step, root: string, outDir: string, swcOptions: object): Promise<void> {
  const [out] = outputsOf(step.rel).map((rel) => join(outDir, rel));
  mkdirSync(dirname(out), { recursive: true });
  if (step.kind === 'copy') return atomically(out, (tmp) => copyFileSync(step.source, tmp));
  if (step.kind === 'write') return atomically(out, (tmp) => writeFileSync(tmp, distPackageJson(step.source)));
  if (step.kind === 'command') return atomically(out, (tmp) => writeFileSync(tmp, commandScript(step, root), { mode: 0o755 }));
  const { transformFile } = await import('@swc/core');
  const result = await transformFile(step.source, {
    ...swcOptions,
    sourceMaps: true,
    // Relative to the output, so the map points at the TypeScript wherever the tree is moved.
    sourceFileName: relative(dirname(out), step.source),
  });
  atomically(`${out}.map`, (tmp) => writeFileSync(tmp, result.map ?? ''));
  atomically(out, (tmp) => writeFileSync(tmp, `${result.code}\n//# sourceMappingURL=${basename(out)}.map\n`));
}

/** The files a source produces under dist/, relative to it. */
function outputsOf(rel: string): string[] {
  if (!rel.endsWith('.ts')) return [rel];
  const js = rel.replace(/\.ts$/, '.js');
  return [js, `${js}.map`];
}

/** Written aside and renamed: a service started during a build never loads half a file. */
function atomically(path: string, write: (tmp: string) => void): void {
  const tmp = `${path}.${process.pid}.tmp`;
  write(tmp);
  renameSync(tmp, path);
}

/** Runs the compiled main's `main(argv)`; a rejection is printed as `<command>: <message>` with exit status 1. */
function commandScript(step: Step, root: string): string {
  const rel = relative(dirname(step.rel), relative(root, step.source)).replace(/\.ts$/, '.js');
  const main = rel.startsWith('.') ? rel : `./${rel}`;
  const name = basename(step.rel, '.js');
  return [
    '#!/usr/bin/env node',
    `// Written by npm run build: ${step.rel.replace(/\.js$/, '')} from the compiled ${relative(root, step.source)}.`,
    `require(${JSON.stringify(main)})`,
    '  .main(process.argv)',
    `  .catch((e) => {`,
    `    console.error(\`${name}: \${e instanceof Error ? e.message : String(e)}\`);`,
    '    process.exit(1);',
    '  });',
    '',
  ].join('\n');
}

/** name and version only: what the code reads, and nothing that makes the tree look like a workspace. */
function distPackageJson(source: string): string {
  const { name, version, license } = JSON.parse(readFileSync(source, 'utf8')) as Record<string, string>;
  return `${JSON.stringify({ name, version, license, private: true, type: 'commonjs' }, null, 2)}\n`;
}

/** SWC options as Jest's (legacy decorators with metadata, for Nest), plus the tsconfig paths rewritten to relative requires. */
function compilerOptions(root: string): object {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { target: string; baseUrl?: string; paths?: Record<string, string[]> };
  };
  const { target, baseUrl, paths } = tsconfig.compilerOptions;
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: target.toLowerCase(),
      keepClassNames: true,
      baseUrl: join(root, baseUrl ?? '.'),
      paths: paths ?? {},
    },
    module: { type: 'commonjs' },
    swcrc: false,
  };
}

function swcVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('@swc/core/package.json'), 'utf8')) as { version: string }).version;
}

/** The folders package.json's "workspaces" names; a trailing `/*` stands for each folder inside. */
function workspaceDirs(root: string): string[] {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces?: string[] };
  return workspaces.flatMap((w) => {
    if (!w.endsWith('/*')) return [join(root, w)];
    const parent = join(root, w.slice(0, -2));
    return readdirSync(parent, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(parent, d.name));
  });
}

function walk(dir: string, skip: string[]): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return skip.includes(e.name) ? [] : walk(path, skip);
    return e.isFile() ? [path] : [];
  });
}

/** SWC's async transforms run on its own threads; this keeps them about as many as there are cores. */
async function inParallel<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Math.max(2, availableParallelism() * 2);
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}
