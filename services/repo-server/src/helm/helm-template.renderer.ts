import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { runTool, ToolExecError } from '../exec/tool-exec.client';
import { RenderSafetyError } from '../limits/render-limits';
import { envsubst } from '../render/build-env';
import { Manifest, parseManifestText } from '../render/directory.renderer';
import type { RenderContext } from '../render/render-context';
import { writeTlsFiles } from '../tls/repo-tls';
import { resolveInRepo } from '../workspace/render-workspace.service';
import { pullChart } from './helm-chart-repository.client';
import { cleanSetValue, HelmSourceOptions, inlineValues, resolveHelmFile } from './helm-values';

/** Where helm keeps config, cache and plugins for one render: private, so no host setup leaks in. */
function helmEnv(ctx: RenderContext): Record<string, string> {
  const home = join(ctx.scratch, 'helm-home');
  return {
    PATH: ctx.tools.path,
    HOME: home,
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_DATA_HOME: join(home, 'data'),
    HELM_PLUGINS: join(home, 'plugins'),
    KUBECONFIG: join(home, 'no-kubeconfig'),
  };
}

const helm = (ctx: RenderContext, args: string[], cwd: string): Promise<{ stdout: string }> =>
  runTool(ctx.tools.helm, args, {
    cwd,
    env: helmEnv(ctx),
    timeoutMs: ctx.limits.execTimeoutMs,
    maxOutputBytes: ctx.limits.maxManifestBytes,
    maxMemoryBytes: ctx.limits.maxToolMemoryBytes,
    secrets: [ctx.helmCredentials?.password ?? ''],
  });

/** The `helm template` arguments Argo CD's repo-server builds (util/helm/cmd.go template()). */
export function helmTemplateArgs(ctx: RenderContext, opts: HelmSourceOptions, repoRoot: string, chartDir: string): string[] {
  const args = ['template', '.', '--name-template', opts.releaseName || ctx.appName];
  const namespace = opts.namespace || ctx.namespace;
  if (namespace) args.push('--namespace', namespace);
  const kubeVersion = opts.kubeVersion || ctx.kubeVersion;
  if (kubeVersion) args.push('--kube-version', kubeVersion);
  const set = new Map<string, string>();
  const setString = new Map<string, string>();
  for (const p of opts.parameters ?? []) (p.forceString ? setString : set).set(p.name, envsubst(p.value ?? '', ctx.env));
  for (const [k, v] of set) args.push('--set', `${k}=${cleanSetValue(v)}`);
  for (const [k, v] of setString) args.push('--set-string', `${k}=${cleanSetValue(v)}`);
  for (const p of opts.fileParameters ?? []) args.push('--set-file', `${p.name}=${cleanSetValue(resolveHelmFile(ctx, repoRoot, chartDir, p.path, `file parameter ${p.name}`)!)}`);
  for (const f of opts.valueFiles ?? []) {
    const resolved = resolveHelmFile(ctx, repoRoot, chartDir, f, 'value file', opts.ignoreMissingValueFiles);
    if (resolved) args.push('--values', resolved);
  }
  const inline = inlineValues(opts);
  if (inline !== undefined) {
    const file = join(ctx.scratch, 'inline-values.yaml');
    writeFileSync(file, inline, { flag: 'wx' });
    args.push('--values', file);
  }
  for (const v of opts.apiVersions?.length ? opts.apiVersions : ctx.apiVersions) args.push('--api-versions', v);
  if (!opts.skipCrds) args.push('--include-crds');
  if (opts.skipSchemaValidation) args.push('--skip-schema-validation');
  if (opts.skipTests) args.push('--skip-tests');
  return args;
}

const MISSING_DEPENDENCY = /found in (Chart|requirements)\.yaml, but missing in charts\/ directory/;

interface ChartDependency {
  name: string;
  repository?: string;
}

/** A chart's declared dependencies (Chart.yaml v2, or requirements.yaml for v1 charts). */
function dependencies(chartDir: string): ChartDependency[] {
  const read = (f: string): { dependencies?: ChartDependency[] } | null => (existsSync(join(chartDir, f)) ? (parse(readFileSync(join(chartDir, f), 'utf8'), { maxAliasCount: 100 }) as { dependencies?: ChartDependency[] } | null) : null);
  return [...(read('Chart.yaml')?.dependencies ?? []), ...(read('requirements.yaml')?.dependencies ?? [])];
}

/**
 * `helm dependency build` in the private copy, as Argo does after a missing-dependency error:
 * `file://` dependencies must stay inside the repository; http(s) repositories are added to the
 * render's own helm home first.
 */
async function buildDependencies(ctx: RenderContext, repoRoot: string, chartDir: string): Promise<void> {
  const deps = dependencies(chartDir);
  for (const [i, dep] of deps.entries()) {
    const repo = dep.repository ?? '';
    if (repo.startsWith('file://')) {
      resolveInRepo(repoRoot, relative(repoRoot, chartDir) || '.', repo.slice('file://'.length), `dependency ${dep.name} of ${ctx.appPath}/Chart.yaml`);
    } else if (/^https?:\/\//.test(repo)) {
      // helm's --ca-file replaces the system's CAs, so the bundle written holds both; it stays in the
      // render's scratch (helm's repositories.yaml names it) until the render ends.
      const { caFile } = writeTlsFiles(ctx.tools.tlsDataPath, repo, {}, ctx.scratch);
      await helm(ctx, ['repo', 'add', `dep-${i}`, repo, ...(caFile ? ['--ca-file', caFile] : [])], chartDir);
    }
  }
  await helm(ctx, ['dependency', 'build', '--skip-refresh'], chartDir);
}

/**
 * Helm sources: a chart from the checkout (or pulled from a Helm repository) rendered with the
 * real `helm template`, in the render's private copy so dependency builds never touch the shared clone.
 */
export async function renderHelm(ctx: RenderContext): Promise<Manifest[]> {
  const opts = (ctx.source.helm ?? {}) as HelmSourceOptions;
  let chartDir: string;
  let repoRoot: string;
  if (ctx.source.chart) {
    const pulled = await pullChart({
      repoURL: ctx.source.repoURL,
      chart: ctx.source.chart,
      // The version GenerateManifest resolved (and cached under), so render and cache key agree.
      constraint: ctx.env.ARGOCD_APP_REVISION || (ctx.source.targetRevision ?? '*'),
      creds: ctx.helmCredentials,
      passCredentials: opts.passCredentials,
      cacheDir: ctx.tools.chartCacheDir,
      maxBytes: ctx.limits.maxManifestBytes,
      tlsDataPath: ctx.tools.tlsDataPath,
      timeoutMs: ctx.limits.execTimeoutMs,
    });
    // The cached chart is shared: render a copy so a dependency build cannot change it.
    repoRoot = join(ctx.scratch, 'chart');
    cpSync(pulled.dir, repoRoot, { recursive: true, verbatimSymlinks: true });
    chartDir = repoRoot;
  } else {
    repoRoot = ctx.workspace!.root;
    chartDir = resolveInRepo(repoRoot, '.', ctx.appPath, 'path');
  }
  if (!existsSync(join(chartDir, 'Chart.yaml'))) throw new RenderSafetyError(`${ctx.appPath}: no Chart.yaml in the Helm source path`);
  const args = helmTemplateArgs(ctx, opts, repoRoot, resolve(chartDir));
  let out: string;
  try {
    out = (await helm(ctx, args, chartDir)).stdout;
  } catch (err) {
    if (!(err instanceof ToolExecError) || !MISSING_DEPENDENCY.test(err.message)) throw err;
    await buildDependencies(ctx, repoRoot, chartDir);
    out = (await helm(ctx, args, chartDir)).stdout;
  }
  return parseManifestText(out, `helm template ${ctx.source.chart ?? ctx.appPath}`, ctx.limits.maxAliasCount);
}
