import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
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
import { CheckoutTree, refusedLinkError } from '../workspace/checkout-paths';
import { createRenderWorkspace, RenderWorkspace, WorkspaceOptions } from '../workspace/render-workspace.service';
import { helmScope, kustomizeScope } from '../workspace/workspace-scope';

/** A source this repo-server cannot render; the message says which kind and why. */
export class UnsupportedSourceError extends Error {}

/** The source's path is not a directory at the resolved commit. */
export class AppPathError extends Error {}

/** A source path as git sees it, refused when absolute or climbing out of the repository. */
export function normalizeAppPath(path: string | undefined): string {
  const p = (path ?? '.').trim() || '.';
  if (p.startsWith('/') || /^[a-z]+:\/\//i.test(p)) throw new RenderSafetyError(`path "${p}": absolute paths are not allowed; use a path relative to the repository`);
  const normal = posix.normalize(p).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) throw new RenderSafetyError(`path "${p}": path leaves the repository`);
  return normal || '.';
}

/** Whether a repository path lies in the app's directory: links there are what the app renders (Argo checks the app path). */
const inAppPath = (appPath: string): ((path: string) => boolean) => (appPath === '.' ? () => true : (path) => path === appPath || path.startsWith(`${appPath}/`));

/**
 * The files of a directory source as git holds them, each link replaced by the file the OS would
 * open through it; a link in the app's path that leads out of the repository (or loops) fails the render.
 */
function directoryEntries(view: CheckoutTree, appPath: string): GitTreeEntry[] {
  const inApp = inAppPath(appPath);
  const refused = view.refusedLinks().find((l) => inApp(l.path));
  if (refused) throw refusedLinkError(refused);
  const out: GitTreeEntry[] = [];
  for (const e of view.entries) {
    if (!view.isLink(e.path)) out.push(e);
    else {
      const where = view.lookup(e.path);
      if (where.kind === 'inside' && where.entry) out.push({ ...where.entry, path: e.path });
    }
  }
  return out;
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
    if (type === 'Directory') {
      const files = selectDirectoryFiles(directoryEntries(await CheckoutTree.load(repo, tree), input.appPath), input.appPath, input.source.directory);
      for (const e of files) if (e.size > input.limits.maxFileBytes) throw new RenderSafetyError(`${e.path}: file is ${e.size} bytes, over the ${input.limits.maxFileBytes} byte limit`);
      const jsonnet = files.filter((f) => f.path.endsWith('.jsonnet'));
      if (!jsonnet.length) {
        const blobs = await repo.readBlobs(files);
        return { type, manifests: renderDirectory(files.map((f) => ({ path: f.path, content: blobs.get(f.path)! })), input.limits.maxAliasCount) };
      }
      const confine = inAppPath(input.appPath);
      return { type, manifests: await this.withWorkspace(input, repo, sha, (ctx) => this.directoryWithJsonnet(ctx, repo, files, jsonnet.map((f) => f.path)), { confine }) };
    }
    // Only the app and what it references is written out: one app of fifty costs one app's files,
    // and a link elsewhere in the repository cannot fail it.
    const select = async (view: CheckoutTree): Promise<GitTreeEntry[]> =>
      (type === 'Helm'
        ? await helmScope(repo, view, input.appPath, input.source.helm ?? {}, input.env)
        : await kustomizeScope(repo, view, input.appPath, ((input.source.kustomize ?? {}) as KustomizeSourceOptions).components)
      ).select();
    return { type, manifests: await this.withWorkspace(input, repo, sha, (ctx) => (type === 'Helm' ? renderHelm(ctx) : renderKustomize(ctx)), { select, confine: () => true }) };
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

  private async withWorkspace<T>(input: RenderInput, repo: GitRepositoryClient, sha: string, fn: (ctx: RenderContext) => Promise<T>, opts: WorkspaceOptions): Promise<T> {
    const workspaces: RenderWorkspace[] = [];
    try {
      workspaces.push(await createRenderWorkspace(repo, sha, input.limits, opts));
      return await this.withScratch(input, workspaces, fn);
    } finally {
      for (const ws of workspaces) ws.dispose();
    }
  }

  /** Checks out every `ref` source, then runs `fn` with a scratch directory, cleaning up after. */
  private async withScratch<T>(input: RenderInput, workspaces: RenderWorkspace[], fn: (ctx: RenderContext) => Promise<T>): Promise<T> {
    const scratch = realpathSync.native(mkdtempSync(join(tmpdir(), 'flotilla-scratch-')));
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
