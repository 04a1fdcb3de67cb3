import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { runTool, ToolExecError } from '../exec/tool-exec.client';
import type { RenderLimits } from '../limits/render-limits';
import { RenderSafetyError } from '../limits/render-limits';
import { envsubst } from '../render/build-env';
import { Manifest, ManifestError, parseManifestText } from '../render/directory.renderer';
import { resolveInRepo } from '../workspace/render-workspace.service';

/** `spec.source.directory.jsonnet` of an Application. */
export interface JsonnetOptions {
  extVars?: { name: string; value: string; code?: boolean }[];
  tlas?: { name: string; value: string; code?: boolean }[];
  libs?: string[];
}

const IMPORT = /\b(import|importstr|importbin)\s*(@?"(?:[^"\\]|\\.)*"|@?'(?:[^'\\]|\\.)*')/g;

const literal = (quoted: string): string => {
  const verbatim = quoted.startsWith('@');
  const body = quoted.slice(verbatim ? 2 : 1, -1);
  return verbatim ? body.replace(/""|''/g, (m) => m[0]) : body.replace(/\\(.)/g, '$1');
};

const inside = (root: string, p: string): boolean => p === root || p.startsWith(root + sep);

/**
 * Jsonnet imports are string literals, so every file an evaluation can read is known before it
 * runs: each import (followed through .jsonnet/.libsonnet files) must resolve inside the checkout,
 * from the importing file's directory or a library path, or the render is refused naming the file.
 */
export function checkJsonnetImports(root: string, file: string, jpaths: string[], seen = new Set<string>()): void {
  if (seen.has(file)) return;
  seen.add(file);
  const where = relative(root, file);
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const target = literal(m[2]);
    if (isAbsolute(target)) throw new RenderSafetyError(`${where}: ${m[1]} "${target}" is an absolute path; imports must stay inside the repository`);
    const candidates = [dirname(file), ...jpaths].map((d) => resolve(d, target));
    const escaping = candidates.find((c) => !inside(root, c));
    if (escaping) throw new RenderSafetyError(`${where}: ${m[1]} "${target}" leaves the repository`);
    const found = candidates.find((c) => existsSync(c));
    if (found && m[1] === 'import') checkJsonnetImports(root, found, jpaths, seen);
  }
}

/**
 * The evaluator, run by this same Node binary in a child process so repo-server can time it out
 * and kill it like any other tool: reads {file, jpaths, extVars, tlas} as JSON on stdin, prints the
 * evaluated JSON, or the Jsonnet error on stderr with exit status 1.
 */
const evaluatorScript = (binding: string): string => `
const { Jsonnet } = require(${JSON.stringify(binding)});
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const job = JSON.parse(input);
  const vm = new Jsonnet();
  for (const v of job.extVars) v.code ? vm.extCode(v.name, v.value) : vm.extString(v.name, v.value);
  for (const v of job.tlas) v.code ? vm.tlaCode(v.name, v.value) : vm.tlaString(v.name, v.value);
  for (const p of job.jpaths) vm.addJpath(p);
  vm.evaluateFile(job.file).then((json) => process.stdout.write(json), (err) => { process.stderr.write(String(err && err.message ? err.message : err)); process.exitCode = 1; });
});
`;

/**
 * Evaluates the `.jsonnet` files of a directory source with the reference Jsonnet implementation,
 * Argo-style: tlas and extVars (values envsubst'd with the build env), library paths relative to
 * the repository root, the app directory searched first. Each evaluation is a killable child
 * process bounded by the exec timeout and the manifest size cap.
 */
export async function renderJsonnet(root: string, appPath: string, files: string[], opts: JsonnetOptions, env: Record<string, string>, limits: RenderLimits): Promise<Map<string, Manifest[]>> {
  const appDir = resolveInRepo(root, '.', appPath, 'path');
  const libs = (opts.libs ?? []).map((l) => resolveInRepo(root, '.', l, 'jsonnet library path'));
  const jpaths = [appDir, ...libs];
  const subst = (vars: JsonnetOptions['tlas']): { name: string; value: string; code: boolean }[] => (vars ?? []).map((v) => ({ name: v.name, value: envsubst(v.value, env), code: !!v.code }));
  const out = new Map<string, Manifest[]>();
  for (const rel of files) {
    const file = join(root, rel);
    checkJsonnetImports(root, file, jpaths);
    // libjsonnet gives later jpaths precedence; Argo (go-jsonnet) searches them in order.
    const job = { file, jpaths: [...jpaths].reverse(), extVars: subst(opts.extVars), tlas: subst(opts.tlas) };
    let json: string;
    try {
      json = (await runTool(process.execPath, ['-e', evaluatorScript(require.resolve('@hanazuki/node-jsonnet'))], { cwd: dirname(file), env: {}, timeoutMs: limits.execTimeoutMs, maxOutputBytes: limits.maxManifestBytes, stdin: JSON.stringify(job) })).stdout;
    } catch (e) {
      const message = e instanceof ToolExecError ? e.message.replace(/^node \S+ failed \([^)]*\): /, '') : String(e);
      throw new ManifestError(`${rel}: jsonnet: ${message.split(root + sep).join('')}`);
    }
    out.set(rel, parseManifestText(json, rel, limits.maxAliasCount));
  }
  return out;
}
