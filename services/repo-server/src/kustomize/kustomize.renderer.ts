import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { parse } from 'yaml';
import { runTool } from '../exec/tool-exec.client';
import { RenderSafetyError } from '../limits/render-limits';
import { Manifest, parseManifestText } from '../render/directory.renderer';
import type { RenderContext } from '../render/render-context';
import { resolveInRepo } from '../workspace/render-workspace.service';
import { applyKustomizeOverrides, kustomizationFile, KustomizeSourceOptions } from './kustomization-overrides';

/** Fields whose entries are files or kustomization directories. */
const PATH_LISTS = ['resources', 'bases', 'components', 'crds', 'patchesStrategicMerge', 'configurations', 'generators', 'transformers', 'validators'];
// URLs, go-getter's forced getters (`git::…`), scp-like git and the hosts kustomize knows.
const REMOTE = /(^[a-z][a-z0-9+.-]*:\/\/)|(^[a-z0-9+.-]+::)|(^git@)|(^(github\.com|gitlab\.com|bitbucket\.org)\/)|([?&]ref=)/i;

/** The paths a kustomization names: files, and directories of other kustomizations. */
export function kustomizationPaths(k: Record<string, unknown>): string[] {
  const out: string[] = [];
  const str = (v: unknown): void => {
    // Inline generator/transformer configs are YAML text, not paths.
    if (typeof v === 'string' && !v.includes('\n')) out.push(v);
  };
  for (const field of PATH_LISTS) for (const v of (k[field] as unknown[] | undefined) ?? []) str(v);
  for (const field of ['patches', 'patchesJson6902', 'replacements']) for (const p of (k[field] as { path?: unknown }[] | undefined) ?? []) str(p?.path);
  for (const field of ['configMapGenerator', 'secretGenerator']) {
    for (const g of (k[field] as { files?: unknown[]; envs?: unknown[]; env?: unknown }[] | undefined) ?? []) {
      for (const f of g?.files ?? []) if (typeof f === 'string') str(f.includes('=') ? f.slice(f.indexOf('=') + 1) : f);
      for (const e of g?.envs ?? []) str(e);
      str(g?.env);
    }
  }
  str((k.openapi as { path?: unknown } | undefined)?.path);
  return out;
}

/**
 * Follows a kustomization and everything it references before kustomize runs: a remote base
 * would reach the network and a path out of the checkout would read the host, so both are refused
 * naming the kustomization file and the entry.
 */
export function checkKustomization(root: string, dir: string, seen = new Set<string>()): void {
  const file = kustomizationFile(dir);
  if (!file || seen.has(file)) return;
  seen.add(file);
  const where = relative(root, file);
  const k = (parse(readFileSync(file, 'utf8'), { maxAliasCount: 100 }) as Record<string, unknown> | null) ?? {};
  if (k.helmCharts) throw new RenderSafetyError(`${where}: helmCharts are not rendered inside Kustomize; use a Helm source`);
  for (const entry of kustomizationPaths(k)) {
    if (REMOTE.test(entry)) throw new RenderSafetyError(`${where}: remote resource "${entry}" is not allowed; repo-server renders without network access`);
    const full = resolveInRepo(root, relative(root, dirname(file)), entry, `${where}: entry`);
    // kustomize tries whatever is not a local file or directory as a remote base: nothing may reach it.
    if (!existsSync(full)) throw new RenderSafetyError(`${where}: entry "${entry}" is not in the repository (remote bases are not allowed)`);
    if (statSync(full).isDirectory()) checkKustomization(root, full, seen);
  }
}

/**
 * Kustomize sources: the Application's overrides edited into the private copy's kustomization,
 * the reference graph checked, then `kustomize build` (or `kubectl kustomize`) with Argo's build env.
 */
export async function renderKustomize(ctx: RenderContext): Promise<Manifest[]> {
  const root = ctx.workspace!.root;
  const appDir = resolveInRepo(root, '.', ctx.appPath, 'path');
  const opts = (ctx.source.kustomize ?? {}) as KustomizeSourceOptions;
  if (Object.keys(opts).length) applyKustomizeOverrides(appDir, opts, ctx.env);
  checkKustomization(root, appDir);
  const [binary, args] = ctx.tools.kustomize ? [ctx.tools.kustomize, ['build', appDir]] : [ctx.tools.kubectl, ['kustomize', appDir]];
  const { stdout } = await runTool(binary, args, {
    cwd: appDir,
    env: { PATH: ctx.tools.path, HOME: ctx.scratch, KUBECONFIG: `${ctx.scratch}/no-kubeconfig`, ...ctx.env },
    timeoutMs: ctx.limits.execTimeoutMs,
    maxOutputBytes: ctx.limits.maxManifestBytes,
    maxMemoryBytes: ctx.limits.maxToolMemoryBytes,
  });
  return parseManifestText(stdout, `kustomize build ${ctx.appPath}`, ctx.limits.maxAliasCount);
}
