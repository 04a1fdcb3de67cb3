import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkRepoUrl, GIT_PROTOCOLS, RepoUrlTransport } from '@flotilla/api-types';
import { runProcess } from '../exec/tool-exec.client';
import { certificateHint } from '../tls/repo-tls';
import { GitCredentials, gitAuth, GitTransportOptions, maskSecrets } from './git-credentials';

export class GitError extends Error {}
/** The branch, tag or SHA names no commit in the repository. */
export class RevisionNotFoundError extends GitError {}
/** The repository URL is one git must not be given, or a local repository this repo-server does not allow. */
export class RepositoryUrlError extends GitError {}

/** Argo's ARGOCD_EXEC_TIMEOUT default: how long one git command may run when the repo-server config says nothing. */
export const DEFAULT_GIT_TIMEOUT_MS = 90_000;
/** What one `git cat-file --batch` may answer in total; readBlobs callers batch well below it. */
export const MAX_BLOB_BATCH_BYTES = 256 * 1024 * 1024;
/** What a listing of the clone (ls-tree -r of a large monorepo, a long diff) may print before git is killed. */
const GIT_LISTING_BYTES = 256 * 1024 * 1024;
/** git's own messages on stdout and stderr are small; more is cut. */
const GIT_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface GitRef {
  name: string;
  kind: 'branch' | 'tag';
  sha: string;
}

export interface GitFile {
  path: string;
  sha: string;
}

/** A tree entry with what a checkout needs: the mode (symlinks are 120000) and the blob size. */
export interface GitTreeEntry extends GitFile {
  mode: string;
  size: number;
}

const SHA = /^[0-9a-f]{40}$/;
const SHORT_SHA = /^[0-9a-f]{7,39}$/;

/**
 * One remote repository kept as a bare clone on local disk: fetched on demand, read by commit SHA
 * without a working tree, so renders of different revisions never disturb each other.
 */
export interface CommitMetadata {
  author: string;
  /** The author date, ISO 8601 with the author's offset. */
  date: string;
  message: string;
  tags: string[];
}

export class GitRepositoryClient {
  readonly dir: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly url: string,
    cacheDir: string,
    private readonly creds: GitCredentials = {},
    private readonly transport: GitTransportOptions = {},
  ) {
    this.dir = join(cacheDir, createHash('sha256').update(url).digest('hex').slice(0, 24));
  }

  /** Clones or fetches branches and tags, one operation at a time per repository. */
  fetch(): Promise<void> {
    const run = this.queue.then(() => this.fetchNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** HEAD, a branch, a tag, a full or short commit SHA → the commit SHA it names now. */
  async resolveRevision(revision: string | undefined, opts: { fetch?: boolean } = {}): Promise<string> {
    const rev = (revision ?? '').trim() || 'HEAD';
    if (opts.fetch !== false) await this.fetch();
    const candidates = rev === 'HEAD' ? ['HEAD'] : SHA.test(rev) ? [rev] : [`refs/heads/${rev}`, `refs/tags/${rev}`, rev];
    const local = await this.revParse(candidates);
    if (local) return local;
    if (SHA.test(rev)) {
      // A commit no branch or tag reaches (yet), or older than a shallow clone's history: ask for it.
      await this.fetchCommit(rev).catch(() => undefined);
      const fetched = await this.revParse(candidates);
      if (fetched) return fetched;
    }
    if (SHORT_SHA.test(rev)) throw new RevisionNotFoundError(`unable to resolve '${rev}' to a commit SHA: no commit starts with it in ${maskSecrets(this.url)}`);
    throw new RevisionNotFoundError(`unable to resolve '${rev}' to a commit SHA: no such branch, tag or commit in ${maskSecrets(this.url)}`);
  }

  private async revParse(candidates: string[]): Promise<string | undefined> {
    for (const c of candidates) {
      const sha = (await this.git(['rev-parse', '--verify', '--quiet', `${c}^{commit}`]).catch(() => '')).trim();
      if (SHA.test(sha)) return sha;
    }
    return undefined;
  }

  /** Whether the clone holds only part of the history. */
  get depth(): number {
    return this.creds.depth ?? this.transport.defaultDepth ?? 0;
  }

  /** Fetches one commit by SHA (git's protocol v2 serves any reachable commit). */
  private fetchCommit(sha: string): Promise<void> {
    const run = this.queue.then(() => this.remote(['fetch', '--quiet', ...this.depthArgs()], [sha]));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async listRefs(): Promise<GitRef[]> {
    const out = await this.git(['for-each-ref', '--format=%(refname) %(objectname) %(*objectname)', 'refs/heads', 'refs/tags']);
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [ref, sha, peeled] = line.split(' ');
        const kind = ref.startsWith('refs/heads/') ? ('branch' as const) : ('tag' as const);
        return { name: ref.replace(/^refs\/(heads|tags)\//, ''), kind, sha: peeled || sha };
      });
  }

  /** Files (blobs) under `path` at a commit, paths relative to the repository root. */
  async listFiles(sha: string, path = '.'): Promise<GitFile[]> {
    const prefix = normalizePath(path);
    const args = ['ls-tree', '-r', '-z', '--full-tree', sha];
    if (prefix) args.push('--', prefix);
    const out = await this.git(args);
    return out
      .split('\0')
      .filter(Boolean)
      .map((entry) => {
        const [meta, file] = entry.split('\t');
        const [, type, blob] = meta.split(' ');
        return type === 'blob' ? { path: file, sha: blob } : undefined;
      })
      .filter((f): f is GitFile => !!f);
  }

  /** Every blob at a commit with its mode and size (submodules are left out, as in a shallow checkout). */
  async listTree(sha: string): Promise<GitTreeEntry[]> {
    const out = await this.git(['ls-tree', '-r', '-l', '-z', '--full-tree', sha]);
    const entries: GitTreeEntry[] = [];
    for (const entry of out.split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [mode, type, blob, size] = entry.slice(0, tab).split(/\s+/);
      if (type === 'blob') entries.push({ path: entry.slice(tab + 1), sha: blob, mode, size: Number(size) });
    }
    return entries;
  }

  /**
   * A commit's author (`Name <email>`), author date, full message and the tags pointing at it, for
   * the API's revision metadata.
   */
  async commitMetadata(sha: string): Promise<CommitMetadata> {
    if (!SHA.test(sha)) throw new GitError(`commitMetadata needs a commit SHA, got "${sha}"`);
    const out = await this.git(['show', '-s', '--format=%an <%ae>%n%aI%n%B', sha]);
    const [author = '', date = '', ...message] = out.split('\n');
    const tags = await this.git(['tag', '--points-at', sha]);
    return { author, date, message: message.join('\n').trim(), tags: tags.split('\n').filter(Boolean) };
  }

  /** Directories under `path` at a commit (for the git directory generator). */
  async listDirectories(sha: string, path = '.'): Promise<string[]> {
    const prefix = normalizePath(path);
    const out = await this.git(['ls-tree', '-r', '-d', '-z', '--full-tree', '--name-only', sha, ...(prefix ? ['--', prefix] : [])]);
    return out.split('\0').filter((d) => d && d !== prefix);
  }

  /**
   * Files that differ between two commits, repository-relative; a rename lists both names. Fails
   * with a GitError when either commit is not in the clone.
   */
  async changedFiles(from: string, to: string): Promise<string[]> {
    if (!SHA.test(from) || !SHA.test(to)) throw new GitError(`changedFiles needs two commit SHAs, got "${from}" and "${to}"`);
    const out = await this.git(['diff', '--name-only', '--no-renames', '-z', from, to]);
    return out.split('\0').filter(Boolean);
  }

  /**
   * Reads many blobs in one `git cat-file --batch` (the SHAs on stdin, the blobs on stdout), run as
   * every other process is: its own group, killed on timeout or past `maxBytes` of answers.
   */
  async readBlobs(files: GitFile[], maxBytes = MAX_BLOB_BATCH_BYTES): Promise<Map<string, Buffer>> {
    if (!files.length) return new Map<string, Buffer>();
    const run = await runProcess('git', ['cat-file', '--batch'], {
      cwd: this.dir,
      env: this.baseEnv(),
      timeoutMs: this.timeoutMs,
      maxOutputBytes: maxBytes,
      stdin: files.map((f) => f.sha).join('\n') + '\n',
    });
    const what = `reading ${files.length} blob(s) of ${maskSecrets(this.url)}`;
    if (run.spawnError) throw new GitError(`${what}: git could not start: ${run.spawnError.message}`);
    if (run.timedOut) throw new GitError(`${what}: git cat-file timed out after ${this.timeoutLabel()} and was killed`);
    if (run.overflowed) throw new GitError(`${what}: the blobs exceed the ${maxBytes} byte limit of one read; git cat-file was killed`);
    if (run.failed) throw new GitError(`git cat-file exited ${run.signal ?? run.exitCode}: ${maskSecrets(run.stderr, this.creds)}`);
    const out = run.stdout;
    const blobs = new Map<string, Buffer>();
    let pos = 0;
    for (const f of files) {
      const eol = out.indexOf(10, pos);
      const header = out.subarray(pos, eol).toString().split(' ');
      if (header[1] === 'missing') throw new GitError(`blob ${f.sha} of ${f.path} is missing`);
      const size = Number(header[2]);
      blobs.set(f.path, out.subarray(eol + 1, eol + 1 + size));
      pos = eol + 1 + size + 1;
    }
    return blobs;
  }

  /** How long one git command may run (FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS, or Argo's ARGOCD_EXEC_TIMEOUT). */
  private get timeoutMs(): number {
    return this.transport.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS;
  }

  private timeoutLabel(): string {
    return `${this.timeoutMs / 1000}s`;
  }

  private async fetchNow(): Promise<void> {
    if (!existsSync(join(this.dir, 'HEAD'))) {
      mkdirSync(this.dir, { recursive: true });
      await this.remote(['clone', '--bare', '--quiet', ...this.depthArgs(), ...(this.depth ? ['--no-single-branch'] : [])], ['.']);
    } else {
      await this.remote(['fetch', '--prune', '--prune-tags', '--force', '--quiet', ...this.depthArgs()], ['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*']);
    }
  }

  private depthArgs(): string[] {
    return this.depth > 0 ? ['--depth', String(this.depth)] : [];
  }

  /**
   * A git command that talks to the remote: `<options> -- <url> <operands>`, so the URL can never be
   * read as an option; the URL checked first, and git itself limited to the transports allowed.
   * Credentials ride in the environment (GIT_CONFIG_COUNT/KEY/VALUE, GIT_SSH_COMMAND) and errors never
   * show them.
   */
  private async remote(options: string[], operands: string[]): Promise<void> {
    const allowed = allowedTransports(this.url, this.transport);
    const auth = gitAuth(this.creds, this.transport, this.url);
    const shown = maskSecrets(this.url);
    const fail = (message: string): never => {
      throw new GitError(`failed to fetch ${shown}: ${message}${certificateHint(this.transport.tlsDataPath, this.url, message, this.creds)}`);
    };
    try {
      const env = { ...this.baseEnv(), ...auth.env, GIT_ALLOW_PROTOCOL: allowed.map((t) => GIT_PROTOCOLS[t]).join(':') };
      // Its own process group: the timeout kills git with the git-remote-https or ssh it started.
      const run = await runProcess('git', [...options, '--', this.url, ...operands], { cwd: this.dir, env, timeoutMs: this.timeoutMs, maxOutputBytes: GIT_OUTPUT_BYTES, overflow: 'cut' });
      if (run.spawnError) fail(`git could not start: ${maskSecrets(run.spawnError.message, this.creds)}`);
      if (run.timedOut)
        fail(`git ${options[0]} timed out after ${this.timeoutLabel()} (FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS) and was killed with the processes it started`);
      if (run.failed) fail(maskSecrets(run.stderr || `git ${options[0]} exited ${run.signal ?? run.exitCode}`, this.creds).trim());
    } finally {
      auth.dispose();
    }
  }

  private baseEnv(): Record<string, string> {
    return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C' };
  }

  /**
   * A git command on the local clone (rev-parse, ls-tree, show, diff …), run as every process is:
   * its own group, only the environment git needs, killed after the timeout or past the listing cap.
   */
  private async git(args: string[]): Promise<string> {
    const run = await runProcess('git', args, { cwd: this.dir, env: this.baseEnv(), timeoutMs: this.timeoutMs, maxOutputBytes: GIT_LISTING_BYTES });
    const what = `git ${args[0]} in the clone of ${maskSecrets(this.url)}`;
    if (run.spawnError) throw new GitError(`${what}: git could not start: ${run.spawnError.message}`);
    if (run.timedOut) throw new GitError(`${what} timed out after ${this.timeoutLabel()} (FLOTILLA_REPO_EXEC_TIMEOUT_SECONDS) and was killed`);
    if (run.overflowed) throw new GitError(`${what}: output exceeds ${GIT_LISTING_BYTES} bytes; git was killed`);
    if (run.failed) throw new GitError(`${what} failed (${run.signal ?? `exit ${run.exitCode}`}): ${maskSecrets(run.stderr, this.creds) || 'no message'}`);
    return run.stdout.toString('utf8');
  }
}

/**
 * The transports git may use for this repository: the remote ones, and `file` only when local
 * repositories are allowed. Throws for a URL git must not see at all.
 */
function allowedTransports(url: string, transport: GitTransportOptions): RepoUrlTransport[] {
  const verdict = checkRepoUrl(url);
  const shown = JSON.stringify(maskSecrets(url));
  if (!verdict.ok) throw new RepositoryUrlError(`repository URL ${shown} ${verdict.reason}; refusing to fetch it`);
  if (verdict.transport === 'local' && !transport.allowLocalUrls)
    throw new RepositoryUrlError(`repository URL ${shown} is a local repository on the repo-server's disk; local repositories are refused unless FLOTILLA_REPO_ALLOW_LOCAL_URLS=true`);
  return ['https', 'http', 'ssh', 'git', ...(transport.allowLocalUrls ? (['local'] as const) : [])];
}

function normalizePath(path: string): string {
  if (path.split('/').includes('..') || path.startsWith('/')) throw new GitError(`path "${path}" leaves the repository`);
  return path === '.' ? '' : path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}
