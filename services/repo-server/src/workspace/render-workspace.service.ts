import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { GitRepositoryClient, GitTreeEntry } from '../git/git-repository.client';
import { RenderLimits, RenderSafetyError } from '../limits/render-limits';
import { CheckoutTree, RefusedLink, refusedLinkError } from './checkout-paths';

export { resolveInRepo } from './checkout-paths';

/** A private copy of a repository at one commit, where a render may write (values files, edited kustomizations). */
export interface RenderWorkspace {
  /** The checkout's root on disk (a real path: no link on the way). */
  root: string;
  /** Links of the tree left out of the checkout because they lead out of it or loop. */
  refused: RefusedLink[];
  dispose(): void;
}

export interface WorkspaceOptions {
  /** The entries to write; all of the tree when absent. */
  select?: (view: CheckoutTree) => Promise<GitTreeEntry[]>;
  /** Whether a refused link at this path fails the render (it is in what the app renders) rather than being left out. */
  confine?: (path: string) => boolean;
}

/** Files written per `git cat-file --batch`, so a big repository never sits in memory whole. */
const BATCH_BYTES = 32 * 1024 * 1024;

/**
 * Writes a commit's tree (or the part `select` keeps) into a fresh temporary directory. Regular
 * files are written first and links last, so no write ever goes through a link; a link the OS would
 * follow out of the checkout (however it is spelled, through however many other links) or round in
 * circles is never written: it fails the render when `confine` says the app renders it, and is left
 * out otherwise. A file over the size limit fails the render, naming the file. Renders never touch
 * the shared bare clone, so renders of one repository run in parallel.
 */
export async function createRenderWorkspace(repo: GitRepositoryClient, sha: string, limits: RenderLimits, opts: WorkspaceOptions = {}): Promise<RenderWorkspace> {
  const base = realpathSync.native(mkdtempSync(join(tmpdir(), 'flotilla-render-')));
  const refused: RefusedLink[] = [];
  const ws: RenderWorkspace = { root: join(base, 'repo'), refused, dispose: () => rmSync(base, { recursive: true, force: true }) };
  try {
    mkdirSync(ws.root);
    const view = await CheckoutTree.load(repo, await repo.listTree(sha));
    const entries = opts.select ? await opts.select(view) : view.entries;
    const selected = new Set(entries.map((e) => e.path));
    for (const link of view.refusedLinks()) {
      if (!selected.has(link.path)) continue;
      if (opts.confine?.(link.path)) throw refusedLinkError(link);
      refused.push(link);
    }
    const files = entries.filter((e) => !view.isLink(e.path));
    for (const e of files) {
      if (e.size > limits.maxFileBytes) throw new RenderSafetyError(`${e.path}: file is ${e.size} bytes, over the ${limits.maxFileBytes} byte limit`);
    }
    await writeFiles(repo, ws.root, files);
    const skip = new Set(refused.map((l) => l.path));
    writeLinks(ws.root, entries.filter((e) => view.isLink(e.path) && !skip.has(e.path)), view);
    return ws;
  } catch (err) {
    ws.dispose();
    throw err;
  }
}

async function writeFiles(repo: GitRepositoryClient, root: string, files: GitTreeEntry[]): Promise<void> {
  let batch: GitTreeEntry[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    const blobs = await repo.readBlobs(batch);
    for (const e of batch) {
      const target = join(root, e.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, blobs.get(e.path)!, { mode: e.mode === '100755' ? 0o755 : 0o644, flag: 'wx' });
    }
    batch = [];
    bytes = 0;
  };
  for (const e of files) {
    batch.push(e);
    bytes += e.size;
    if (bytes >= BATCH_BYTES) await flush();
  }
  await flush();
}

/** Creates the links, each in a directory that is really where its path says (a forged tree could say otherwise). */
function writeLinks(root: string, links: GitTreeEntry[], view: CheckoutTree): void {
  for (const e of links) {
    const target = join(root, e.path);
    mkdirSync(dirname(target), { recursive: true });
    if (realpathSync.native(dirname(target)) !== dirname(target)) throw new RenderSafetyError(`${e.path}: path leaves the repository`);
    symlinkSync(view.linkTargets.get(e.path)!, target);
  }
}
