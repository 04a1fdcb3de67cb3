import { posix } from 'node:path';
import { parse } from 'yaml';
import type { GitRepositoryClient, GitTreeEntry } from '../git/git-repository.client';
import type { HelmSourceOptions } from '../helm/helm-values';
import { kustomizationPaths } from '../kustomize/kustomize.renderer';
import { envsubst } from '../render/build-env';
import { KUSTOMIZATION_FILES } from '../render/source-type.detector';

/**
 * Which part of a commit's tree a render needs on disk: a render of one app in a repository of
 * fifty writes that app's files (and what it references), not the whole repository. Paths that
 * climb out of the repository are left to the renderers, which refuse them naming the file.
 */
export class WorkspaceScope {
  private readonly dirs = new Set<string>();
  private readonly files = new Set<string>();

  constructor(private readonly tree: GitTreeEntry[]) {}

  addDir(dir: string): void {
    const d = posix.normalize(dir).replace(/\/+$/, '');
    if (d !== '..' && !d.startsWith('../')) this.dirs.add(d === '.' ? '' : d);
  }

  addFile(file: string): void {
    const f = posix.normalize(file);
    if (f !== '..' && !f.startsWith('../')) this.files.add(f);
  }

  has(path: string): boolean {
    if (this.files.has(path)) return true;
    for (const d of this.dirs) if (d === '' || path.startsWith(`${d}/`)) return true;
    return false;
  }

  /** The entries in scope, and the targets of symlinks in scope so none dangles. */
  select(links: Map<string, string>): GitTreeEntry[] {
    const files = new Set(this.tree.map((e) => e.path));
    for (const [path, target] of links) {
      if (!this.has(path)) continue;
      const where = posix.join(posix.dirname(path), target);
      if (files.has(where)) this.addFile(where);
      else this.addDir(where);
    }
    return this.tree.filter((e) => this.has(e.path));
  }
}

async function readText(repo: GitRepositoryClient, byPath: Map<string, GitTreeEntry>, path: string): Promise<string | undefined> {
  const entry = byPath.get(path);
  if (!entry) return undefined;
  return (await repo.readBlobs([entry])).get(path)?.toString('utf8');
}

/** A chart directory, the local (file://) dependencies it names, recursively, and its value files. */
export async function helmScope(repo: GitRepositoryClient, tree: GitTreeEntry[], appPath: string, opts: HelmSourceOptions, env: Record<string, string>): Promise<WorkspaceScope> {
  const scope = new WorkspaceScope(tree);
  const byPath = new Map(tree.map((e) => [e.path, e]));
  const charts = [appPath];
  const seen = new Set<string>();
  while (charts.length) {
    const chart = posix.normalize(charts.pop()!);
    if (seen.has(chart) || chart.startsWith('..')) continue;
    seen.add(chart);
    scope.addDir(chart);
    for (const file of ['Chart.yaml', 'requirements.yaml']) {
      const text = await readText(repo, byPath, posix.join(chart, file));
      const deps = ((text ? (parse(text, { maxAliasCount: 100 }) as { dependencies?: { repository?: string }[] } | null) : null)?.dependencies ?? []).map((d) => d.repository ?? '');
      for (const dep of deps) if (dep.startsWith('file://')) charts.push(posix.join(chart, dep.slice('file://'.length)));
    }
  }
  for (const f of [...(opts.valueFiles ?? []), ...(opts.fileParameters ?? []).map((p) => p.path)]) {
    if (!f.startsWith('$')) scope.addFile(posix.join(appPath, envsubst(f, env)));
  }
  return scope;
}

/** Every kustomization directory reachable from the app's, through resources, bases and components. */
export async function kustomizeScope(repo: GitRepositoryClient, tree: GitTreeEntry[], appPath: string, components: string[] = []): Promise<WorkspaceScope> {
  const scope = new WorkspaceScope(tree);
  const byPath = new Map(tree.map((e) => [e.path, e]));
  const dirs = [appPath, ...components.map((c) => posix.join(appPath, c))];
  const seen = new Set<string>();
  while (dirs.length) {
    const dir = posix.normalize(dirs.pop()!);
    if (seen.has(dir) || dir.startsWith('..')) continue;
    seen.add(dir);
    scope.addDir(dir);
    const file = KUSTOMIZATION_FILES.map((k) => posix.join(dir, k)).find((k) => byPath.has(k));
    const text = file && (await readText(repo, byPath, file));
    if (!text) continue;
    const k = (parse(text, { maxAliasCount: 100 }) as Record<string, unknown> | null) ?? {};
    for (const entry of kustomizationPaths(k)) {
      const target = posix.join(dir, entry);
      if (byPath.has(target)) scope.addFile(target);
      else dirs.push(target);
    }
  }
  return scope;
}
