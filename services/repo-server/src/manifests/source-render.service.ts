import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { GitRepositoryClient, GitTreeEntry } from '../git/git-repository.client';
import { renderHelm } from '../helm/helm-template.renderer';
import type { KustomizeSourceOptions } from '../kustomize/kustomization-overrides';
import { renderJsonnet } from '../jsonnet/jsonnet.renderer';
import { renderKustomize } from '../kustomize/kustomize.renderer';
import { RenderSafetyError } from '../limits/render-limits';
import { Manifest, renderDirectory, selectDirectoryFiles } from '../render/directory.renderer';
import type { RenderContext } from '../render/render-context';
import { detectSourceType, SourceType } from '../render/source-type.detector';
import { createRenderWorkspace, RenderWorkspace } from '../workspace/render-workspace.service';
import { helmScope, kustomizeScope } from '../workspace/workspace-scope';

/** A source this repo-server cannot render; the message says which kind and why. */
export class UnsupportedSourceError extends Error {}

/** The source's path is not a directory at the resolved commit. */
export class AppPathError extends Error {}

const SYMLINK = '120000';

/** A source path as git sees it, refused when absolute or climbing out of the repository. */
export function normalizeAppPath(path: string | undefined): string {
  const p = (path ?? '.').trim() || '.';
  if (p.startsWith('/') || /^[a-z]+:\/\//i.test(p)) throw new RenderSafetyError(`path "${p}": absolute paths are not allowed; use a path relative to the repository`);
  const normal = posix.normalize(p).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) throw new RenderSafetyError(`path "${p}": path leaves the repository`);
  return normal || '.';
}

/**
 * Every symlink in the tree must point inside the repository (Argo checks the whole checkout).
 * Returns the tree with in-repository file links replaced by their targets, and each link's target.
 */
async function checkSymlinks(repo: GitRepositoryClient, tree: GitTreeEntry[]): Promise<{ byPath: Map<string, GitTreeEntry>; links: Map<string, string> }> {
  const entries = tree.filter((e) => e.mode === SYMLINK);
  const targets = await repo.readBlobs(entries);
  const byPath = new Map(tree.map((e) => [e.path, e]));
  const links = new Map<string, string>();
  for (const link of entries) {
    const target = targets.get(link.path)!.toString('utf8');
    links.set(link.path, target);
    const where = posix.normalize(posix.join(posix.dirname(link.path), target));
    if (target.startsWith('/') || where === '..' || where.startsWith('../')) throw new RenderSafetyError(`${link.path}: symlink points outside the repository (${target}); refusing to render`);
    const resolved = byPath.get(where);
    if (resolved) byPath.set(link.path, { ...resolved, path: link.path });
  }
  return { byPath, links };
}

export type RenderInput = Omit<RenderContext, 'workspace' | 'scratch' | 'refRoots'> & {
  repo?: GitRepositoryClient;
  sha?: string;
  /** `ref` alias → the repository and commit of that source (multi-source Applications). */
  refs: Map<string, { repo: GitRepositoryClient; sha: string }>;
};

/**
 * Renders one source at one commit: detects its type as Argo does, then renders directories
 * straight from git objects and everything else (Helm, Kustomize, Jsonnet) in a private checkout.
 */
export class SourceRenderService {
  async render(input: RenderInput): Promise<{ type: SourceType; manifests: Manifest[] }> {
    const { repo, sha } = input;
    if (!repo || !sha) return { type: 'Helm', manifests: await this.withScratch(input, [], (ctx) => renderHelm(ctx)) };
    const tree = await repo.listTree(sha);
    const prefix = input.appPath === '.' ? '' : `${input.appPath}/`;
    const inPath = tree.filter((e) => e.path.startsWith(prefix));
    if (!inPath.length && input.appPath !== '.') throw new AppPathError(`${input.appPath}: app path does not exist at ${sha.slice(0, 7)}`);
    const names = inPath.map((e) => e.path.slice(prefix.length)).filter((n) => !n.includes('/'));
    const type = detectSourceType(input.source, names);
    if (type === 'Plugin') throw new UnsupportedSourceError(`config management plugins are not supported by this repo-server; ${input.source.repoURL} ${input.appPath} asks for one`);
    const { byPath, links } = await checkSymlinks(repo, tree);
    for (const e of tree) if (e.size > input.limits.maxFileBytes) throw new RenderSafetyError(`${e.path}: file is ${e.size} bytes, over the ${input.limits.maxFileBytes} byte limit`);
    if (type === 'Directory') {
      const files = selectDirectoryFiles([...byPath.values()].filter((e) => e.mode !== SYMLINK), input.appPath, input.source.directory);
      const jsonnet = files.filter((f) => f.path.endsWith('.jsonnet'));
      if (!jsonnet.length) {
        const blobs = await repo.readBlobs(files);
        return { type, manifests: renderDirectory(files.map((f) => ({ path: f.path, content: blobs.get(f.path)! })), input.limits.maxAliasCount) };
      }
      return { type, manifests: await this.withWorkspace(input, repo, sha, (ctx) => this.directoryWithJsonnet(ctx, repo, files, jsonnet.map((f) => f.path))) };
    }
    // Only the app and what it references is written out: one app of fifty costs one app's files.
    const scope = async (t: GitTreeEntry[]): Promise<GitTreeEntry[]> =>
      (type === 'Helm'
        ? await helmScope(repo, t, input.appPath, input.source.helm ?? {}, input.env)
        : await kustomizeScope(repo, t, input.appPath, ((input.source.kustomize ?? {}) as KustomizeSourceOptions).components)
      ).select(links);
    return { type, manifests: await this.withWorkspace(input, repo, sha, (ctx) => (type === 'Helm' ? renderHelm(ctx) : renderKustomize(ctx)), scope) };
  }

  private async directoryWithJsonnet(ctx: RenderContext, repo: GitRepositoryClient, files: GitTreeEntry[], jsonnetFiles: string[]): Promise<Manifest[]> {
    const plain = files.filter((f) => !f.path.endsWith('.jsonnet'));
    const blobs = await repo.readBlobs(plain);
    const evaluated = await renderJsonnet(ctx.workspace!.root, ctx.appPath, jsonnetFiles, ctx.source.directory?.jsonnet ?? {}, ctx.env, ctx.limits);
    const out: Manifest[] = [];
    for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
      out.push(...(evaluated.get(f.path) ?? renderDirectory([{ path: f.path, content: blobs.get(f.path)! }], ctx.limits.maxAliasCount)));
    }
    return out;
  }

  private async withWorkspace<T>(input: RenderInput, repo: GitRepositoryClient, sha: string, fn: (ctx: RenderContext) => Promise<T>, select?: (tree: GitTreeEntry[]) => Promise<GitTreeEntry[]>): Promise<T> {
    const workspaces: RenderWorkspace[] = [];
    try {
      workspaces.push(await createRenderWorkspace(repo, sha, input.limits, select));
      return await this.withScratch(input, workspaces, fn);
    } finally {
      for (const ws of workspaces) ws.dispose();
    }
  }

  /** Checks out every `ref` source, then runs `fn` with a scratch directory, cleaning up after. */
  private async withScratch<T>(input: RenderInput, workspaces: RenderWorkspace[], fn: (ctx: RenderContext) => Promise<T>): Promise<T> {
    const scratch = mkdtempSync(join(tmpdir(), 'flotilla-scratch-'));
    const refWorkspaces: RenderWorkspace[] = [];
    try {
      const refRoots = new Map<string, string>();
      for (const [alias, ref] of input.refs) {
        const ws = await createRenderWorkspace(ref.repo, ref.sha, input.limits);
        refWorkspaces.push(ws);
        refRoots.set(alias, ws.root);
      }
      return await fn({ ...input, workspace: workspaces[0], scratch, refRoots });
    } finally {
      for (const ws of refWorkspaces) ws.dispose();
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}
