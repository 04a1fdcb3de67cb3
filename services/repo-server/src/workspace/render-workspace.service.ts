import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { GitRepositoryClient, GitTreeEntry } from '../git/git-repository.client';
import { RenderLimits, RenderSafetyError } from '../limits/render-limits';

/** A private copy of a repository at one commit, where a render may write (values files, edited kustomizations). */
export interface RenderWorkspace {
  /** The checkout's root on disk. */
  root: string;
  dispose(): void;
}

/** Files written per `git cat-file --batch`, so a big repository never sits in memory whole. */
const BATCH_BYTES = 32 * 1024 * 1024;
const SYMLINK_MODE = '120000';

/**
 * The path `p` (relative to `base`, both inside the checkout) as an absolute path, refusing
 * absolute paths and anything that climbs out of the checkout. `what` names the field in the error.
 */
export function resolveInRepo(root: string, base: string, p: string, what: string): string {
  if (isAbsolute(p) || /^[a-z]+:\/\//i.test(p)) throw new RenderSafetyError(`${what} "${p}": absolute paths and URLs are not allowed; use a path relative to the repository`);
  const full = resolve(root, base, p);
  if (full !== root && !full.startsWith(root + sep)) throw new RenderSafetyError(`${what} "${p}": path leaves the repository`);
  return full;
}

/** Where a symlink stored in git points, refused when that is outside the checkout or absolute. */
function checkSymlink(entry: GitTreeEntry, target: string): void {
  const where = posix.normalize(posix.join(posix.dirname(entry.path), target));
  if (isAbsolute(target) || where === '..' || where.startsWith('../')) {
    throw new RenderSafetyError(`${entry.path}: symlink points outside the repository (${target}); refusing to render`);
  }
}

/**
 * Writes a commit's tree (or the part `select` keeps) into a fresh temporary directory, checking every entry on the way:
 * a file over the size limit or a symlink leaving the checkout fails the render, naming the file.
 * Renders never touch the shared bare clone, so renders of one repository run in parallel.
 */
export async function createRenderWorkspace(repo: GitRepositoryClient, sha: string, limits: RenderLimits, select?: (tree: GitTreeEntry[]) => Promise<GitTreeEntry[]>): Promise<RenderWorkspace> {
  const base = mkdtempSync(join(tmpdir(), 'flotilla-render-'));
  const ws: RenderWorkspace = { root: join(base, 'repo'), dispose: () => rmSync(base, { recursive: true, force: true }) };
  try {
    mkdirSync(ws.root);
    const tree = await repo.listTree(sha);
    const entries = select ? await select(tree) : tree;
    for (const e of entries) {
      if (e.size > limits.maxFileBytes) throw new RenderSafetyError(`${e.path}: file is ${e.size} bytes, over the ${limits.maxFileBytes} byte limit`);
    }
    let batch: GitTreeEntry[] = [];
    let bytes = 0;
    for (const e of entries) {
      batch.push(e);
      bytes += e.size;
      if (bytes >= BATCH_BYTES) {
        await writeBatch(repo, ws.root, batch);
        batch = [];
        bytes = 0;
      }
    }
    await writeBatch(repo, ws.root, batch);
    return ws;
  } catch (err) {
    ws.dispose();
    throw err;
  }
}

async function writeBatch(repo: GitRepositoryClient, root: string, entries: GitTreeEntry[]): Promise<void> {
  if (!entries.length) return;
  const blobs = await repo.readBlobs(entries);
  for (const e of entries) {
    const target = join(root, e.path);
    if (relative(root, target).startsWith('..')) throw new RenderSafetyError(`${e.path}: path leaves the repository`);
    mkdirSync(dirname(target), { recursive: true });
    const content = blobs.get(e.path)!;
    if (e.mode === SYMLINK_MODE) {
      checkSymlink(e, content.toString('utf8'));
      symlinkSync(content.toString('utf8'), target);
    } else {
      writeFileSync(target, content, { mode: e.mode === '100755' ? 0o755 : 0o644 });
    }
  }
}
