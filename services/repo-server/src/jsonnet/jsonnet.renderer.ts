import { dirname, join, sep } from 'node:path';
import { runTool, ToolExecError } from '../exec/tool-exec.client';
import type { RenderLimits } from '../limits/render-limits';
import { envsubst } from '../render/build-env';
import { Manifest, ManifestError, parseManifestText } from '../render/directory.renderer';
import { resolveInRepo } from '../workspace/render-workspace.service';

/** `spec.source.directory.jsonnet` of an Application. */
export interface JsonnetOptions {
  extVars?: { name: string; value: string; code?: boolean }[];
  tlas?: { name: string; value: string; code?: boolean }[];
  libs?: string[];
}

/** The reference libjsonnet that @hanazuki/node-jsonnet builds at install, driven through its C API. */
const LIBJSONNET = join(dirname(require.resolve('@hanazuki/node-jsonnet')), '..', 'build', 'third_party', 'jsonnet', 'libjsonnet.so.0');
const EVALUATOR = join(__dirname, 'jsonnet-confined.evaluator.js');

/**
 * Evaluates the `.jsonnet` files of a directory source with the reference Jsonnet implementation,
 * Argo-style: tlas and extVars (values envsubst'd with the build env), library paths relative to
 * the repository root, the app directory searched first. Each evaluation is a killable child
 * process bounded by the exec timeout and the manifest size cap, whose every file read goes through
 * an import callback that opens only files the OS resolves inside the checkout.
 */
export async function renderJsonnet(root: string, appPath: string, files: string[], opts: JsonnetOptions, env: Record<string, string>, limits: RenderLimits): Promise<Map<string, Manifest[]>> {
  const appDir = resolveInRepo(root, '.', appPath, 'path');
  const libs = (opts.libs ?? []).map((l) => resolveInRepo(root, '.', l, 'jsonnet library path'));
  const jpaths = [appDir, ...libs];
  const subst = (vars: JsonnetOptions['tlas']): { name: string; value: string; code: boolean }[] => (vars ?? []).map((v) => ({ name: v.name, value: envsubst(v.value, env), code: !!v.code }));
  const out = new Map<string, Manifest[]>();
  for (const rel of files) {
    const file = join(root, rel);
    const job = { root, file, jpaths, extVars: subst(opts.extVars), tlas: subst(opts.tlas), maxFileBytes: limits.maxFileBytes, libjsonnet: LIBJSONNET, koffi: require.resolve('koffi') };
    let json: string;
    try {
      json = (await runTool(process.execPath, [EVALUATOR], { cwd: dirname(file), env: {}, timeoutMs: limits.execTimeoutMs, maxOutputBytes: limits.maxManifestBytes, maxMemoryBytes: limits.maxToolMemoryBytes, stdin: JSON.stringify(job) })).stdout;
    } catch (e) {
      const message = e instanceof ToolExecError ? e.message.replace(/^node \S+ failed \([^)]*\): /, '') : String(e);
      throw new ManifestError(`${rel}: jsonnet: ${message.split(root + sep).join('')}`);
    }
    out.set(rel, parseManifestText(json, rel, limits.maxAliasCount));
  }
  return out;
}
