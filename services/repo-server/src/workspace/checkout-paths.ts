import { readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { GitRepositoryClient, GitTreeEntry } from '../git/git-repository.client';
import { RenderSafetyError } from '../limits/render-limits';

const SYMLINK_MODE = '120000';
/** Linux gives up after this many links in one lookup (MAXSYMLINKS), answering ELOOP. */
const MAX_LINK_HOPS = 40;

/**
 * Where a path of a checkout leads, looked up the way the kernel does: one component at a time,
 * each link replaced by its target read from the link's own directory, `..` applied to where the
 * walk really is (not to the spelling). `inside` gives the repository-relative real path ('' is the
 * root); a component that does not exist is walked as a plain directory, since a tool could create
 * one during the render (helm's `charts/`): what stays inside under that assumption stays inside.
 */
export type TreeLookup = { kind: 'inside'; path: string; entry?: GitTreeEntry; via: string[] } | { kind: 'outside' } | { kind: 'loop' } | { kind: 'not-a-directory' };

/** A link that a checkout leaves out because the OS would follow it out of the checkout, or round in circles. */
export interface RefusedLink {
  path: string;
  target: string;
  why: 'outside' | 'loop' | 'invalid';
}

const parts = (p: string): string[] => p.split('/').filter((c) => c !== '' && c !== '.');

/** A commit's tree with its symlinks' targets: answers how the OS would resolve any path of its checkout. */
export class CheckoutTree {
  private readonly byPath: Map<string, GitTreeEntry>;
  private readonly dirs = new Set<string>(['']);

  constructor(
    readonly entries: GitTreeEntry[],
    /** Each symlink's path → its target, as stored in git. */
    readonly linkTargets: Map<string, string>,
  ) {
    this.byPath = new Map(entries.map((e) => [e.path, e]));
    for (const e of entries) {
      const p = e.path.split('/');
      for (let i = 1; i < p.length; i++) this.dirs.add(p.slice(0, i).join('/'));
    }
  }

  /** Reads the targets of the tree's symlinks; a path with an empty, `.` or `..` component is a forged tree. */
  static async load(repo: GitRepositoryClient, entries: GitTreeEntry[]): Promise<CheckoutTree> {
    for (const e of entries) {
      if (e.path.split('/').some((c) => c === '' || c === '.' || c === '..')) throw new RenderSafetyError(`${e.path}: path leaves the repository`);
    }
    const blobs = await repo.readBlobs(entries.filter((e) => e.mode === SYMLINK_MODE));
    return new CheckoutTree(entries, new Map([...blobs].map(([path, target]) => [path, target.toString('utf8')])));
  }

  isLink(path: string): boolean {
    return this.linkTargets.has(path);
  }

  isDir(path: string): boolean {
    return this.dirs.has(path);
  }

  /**
   * Resolves a path as spelled (never normalise it first: `link/..` is not `.`), relative to the
   * root; with `followLast` false a final link is answered as itself. `via` lists the links walked.
   */
  lookup(path: string, followLast = true): TreeLookup {
    const at: string[] = [];
    const todo = parts(path);
    const via: string[] = [];
    while (todo.length) {
      const c = todo.shift()!;
      if (c === '..') {
        if (!at.length) return { kind: 'outside' };
        at.pop();
        continue;
      }
      const here = [...at, c].join('/');
      const target = this.linkTargets.get(here);
      if (target !== undefined && (todo.length || followLast)) {
        if (via.push(here) > MAX_LINK_HOPS) return { kind: 'loop' };
        if (isAbsolute(target)) return { kind: 'outside' };
        todo.unshift(...parts(target));
        continue;
      }
      if (todo.length && this.byPath.has(here) && target === undefined) return { kind: 'not-a-directory' };
      at.push(c);
    }
    const real = at.join('/');
    return { kind: 'inside', path: real, entry: this.byPath.get(real), via };
  }

  /** Every link that resolves out of the checkout, loops or cannot exist: a checkout never writes these. */
  refusedLinks(): RefusedLink[] {
    const refused: RefusedLink[] = [];
    for (const [path, target] of this.linkTargets) {
      // No file system holds a link to nothing, or to a name with a NUL in it.
      if (!target || target.includes('\0')) {
        refused.push({ path, target, why: 'invalid' });
        continue;
      }
      const where = this.lookup(path);
      if (where.kind === 'outside' || where.kind === 'loop') refused.push({ path, target, why: where.kind });
    }
    return refused;
  }
}

/** The error for a link a render needs but the checkout refused, naming the link as the old checks did. */
export function refusedLinkError(link: RefusedLink): RenderSafetyError {
  const why = { loop: 'symlink loop', invalid: 'symlink with an invalid target', outside: 'symlink points outside the repository' }[link.why];
  return new RenderSafetyError(`${link.path}: ${why} (${JSON.stringify(link.target).slice(1, -1)}); refusing to render`);
}

const within = (root: string, p: string): boolean => p === root || p.startsWith(root + sep);

/**
 * The path `p`, relative to `base` (itself relative to the checkout `root`), as the file a tool
 * will open: the kernel's own resolution (realpath) of the path as spelled, which must stay inside
 * the checkout. A path that does not exist (yet) is returned as spelled, once its lexical form is
 * inside too, so the caller can say it is missing. `what` names the field in errors.
 */
export function resolveInRepo(checkout: string, base: string, p: string, what: string): string {
  if (isAbsolute(p) || /^[a-z][a-z0-9+.-]*:\/\//i.test(p)) throw new RenderSafetyError(`${what} "${p}": absolute paths and URLs are not allowed; use a path relative to the repository`);
  // Compare real paths with real paths, wherever the temporary directory lives.
  const root = realpathSync.native(checkout);
  const lexical = resolve(root, base, p);
  if (!within(root, lexical)) throw new RenderSafetyError(`${what} "${p}": path leaves the repository`);
  const spelled = [root, base, p].filter((s) => s && s !== '.').join('/');
  let real: string;
  try {
    real = realpathSync.native(spelled);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new RenderSafetyError(`${what} "${p}": symlink loop`);
    if (code === 'ENOENT' || code === 'ENOTDIR') return lexical;
    throw err;
  }
  if (!within(root, real)) throw new RenderSafetyError(`${what} "${p}": resolves outside the repository through a symlink`);
  return real;
}

/**
 * Refuses a tree unpacked from an archive (a chart from a Helm repository) when one of its links
 * leads out of it, loops or dangles: tar writes links as the archive says, and helm would follow them.
 */
export function assertLinksStayInside(dir: string, what: string): void {
  const root = realpathSync.native(dir);
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isSymbolicLink()) continue;
    const link = join(entry.parentPath, entry.name);
    const name = relative(root, link);
    let real: string;
    try {
      real = realpathSync.native(link);
    } catch {
      throw new RenderSafetyError(`${what}: ${name}: symlink leads nowhere (${readlinkSync(link)}); refusing it`);
    }
    if (!within(root, real)) throw new RenderSafetyError(`${what}: ${name}: symlink points outside the archive (${readlinkSync(link)}); refusing it`);
  }
}
