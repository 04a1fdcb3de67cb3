import { parse } from 'yaml';
import type { GitRepositoryClient, GitTreeEntry } from '../git/git-repository.client';
import type { HelmSourceOptions } from '../helm/helm-values';
import { kustomizationPaths } from '../kustomize/kustomize.renderer';
import { envsubst } from '../render/build-env';
import { KUSTOMIZATION_FILES } from '../render/source-type.detector';
import type { CheckoutTree } from './checkout-paths';

/**
 * Which part of a commit's tree a render needs on disk: a render of one app in a repository of
 * fifty writes that app's files (and what it references), not the whole repository. Paths are
 * followed as the OS will follow them in the checkout (links included); one that leaves the
 * repository is left to the renderers, which refuse it naming the field.
 */
export class WorkspaceScope {
  private readonly dirs = new Set<string>();
  private readonly files = new Set<string>();

  constructor(private readonly view: CheckoutTree) {}

  /** Adds what `spelled` (repository-relative, as written) leads to, and the links on the way. */
  add(spelled: string): void {
    const where = this.view.lookup(spelled);
    if (where.kind !== 'inside') return;
    for (const link of where.via) this.files.add(link);
    if (this.view.isDir(where.path)) this.dirs.add(where.path);
    else this.files.add(where.path);
  }

  has(path: string): boolean {
    if (this.files.has(path)) return true;
    for (const d of this.dirs) if (d === '' || path.startsWith(`${d}/`)) return true;
    return false;
  }

  /** The entries in scope, and what the links in scope lead to, so none dangles. */
  select(): GitTreeEntry[] {
    const followed = new Set<string>();
    for (let grew = true; grew; ) {
      grew = false;
      for (const path of this.view.linkTargets.keys()) {
        if (followed.has(path) || !this.has(path)) continue;
        followed.add(path);
        this.add(path);
        grew = true;
      }
    }
    return this.view.entries.filter((e) => this.has(e.path));
  }
}

/** A text file of the checkout, read through links as the OS would; undefined when absent. */
async function readText(repo: GitRepositoryClient, view: CheckoutTree, path: string): Promise<string | undefined> {
  const where = view.lookup(path);
  const entry: GitTreeEntry | undefined = where.kind === 'inside' ? where.entry : undefined;
  if (!entry) return undefined;
  return (await repo.readBlobs([entry])).get(entry.path)?.toString('utf8');
}

const realDir = (view: CheckoutTree, spelled: string): string | undefined => {
  const where = view.lookup(spelled);
  return where.kind === 'inside' ? where.path : undefined;
};
const under = (dir: string, p: string): string => (dir ? `${dir}/${p}` : p);

/** A chart directory, the local (file://) dependencies it names, recursively, and its value files. */
export async function helmScope(repo: GitRepositoryClient, view: CheckoutTree, appPath: string, opts: HelmSourceOptions, env: Record<string, string>): Promise<WorkspaceScope> {
  const scope = new WorkspaceScope(view);
  const charts = [appPath];
  const seen = new Set<string>();
  while (charts.length) {
    const chart = realDir(view, charts.pop()!);
    if (chart === undefined || seen.has(chart)) continue;
    seen.add(chart);
    scope.add(chart);
    for (const file of ['Chart.yaml', 'requirements.yaml']) {
      const text = await readText(repo, view, under(chart, file));
      const deps = ((text ? (parse(text, { maxAliasCount: 100 }) as { dependencies?: { repository?: string }[] } | null) : null)?.dependencies ?? []).map((d) => d?.repository ?? '');
      for (const dep of deps) if (typeof dep === 'string' && dep.startsWith('file://')) charts.push(under(chart, dep.slice('file://'.length)));
    }
  }
  for (const f of [...(opts.valueFiles ?? []), ...(opts.fileParameters ?? []).map((p) => p.path)]) {
    if (!f.startsWith('$')) scope.add(under(appPath === '.' ? '' : appPath, envsubst(f, env)));
  }
  return scope;
}

/** Every kustomization directory reachable from the app's, through resources, bases and components. */
export async function kustomizeScope(repo: GitRepositoryClient, view: CheckoutTree, appPath: string, components: string[] = []): Promise<WorkspaceScope> {
  const scope = new WorkspaceScope(view);
  const app = appPath === '.' ? '' : appPath;
  const dirs = [app, ...components.map((c) => under(app, c))];
  const seen = new Set<string>();
  while (dirs.length) {
    // Kustomize roots each kustomization at its real directory, so entries are read from there.
    const dir = realDir(view, dirs.pop()!);
    if (dir === undefined || seen.has(dir)) continue;
    seen.add(dir);
    scope.add(dir);
    const file = KUSTOMIZATION_FILES.map((k) => under(dir, k)).find((k) => view.lookup(k).kind === 'inside' && (view.lookup(k) as { entry?: GitTreeEntry }).entry);
    const text = file && (await readText(repo, view, file));
    if (!text) continue;
    const k = (parse(text, { maxAliasCount: 100 }) as Record<string, unknown> | null) ?? {};
    for (const entry of typeof k === 'object' ? kustomizationPaths(k) : []) {
      const target = under(dir, entry);
      const where = view.lookup(target);
      if (where.kind === 'inside' && view.isDir(where.path)) dirs.push(target);
      else scope.add(target);
    }
  }
  return scope;
}
