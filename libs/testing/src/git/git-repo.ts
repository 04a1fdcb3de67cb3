import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CommitSigning } from './gpg-signer';

/** A file to commit: its text, `null` to delete it, or a symbolic link. */
export type RepoFile = string | null | { symlink: string };

export interface GitRepo {
  /** The repository over HTTP (git's smart protocol), as an Application's repoURL. */
  url: string;
  /** The working copy commits are made in. */
  workDir: string;
  /** Writes, deletes or links files, commits and pushes to `main`; returns the new commit SHA. Signed with `sign` (a GpgSigner's signing). */
  commit(files: Record<string, RepoFile>, message: string, sign?: CommitSigning): string;
  stop(): Promise<void>;
}

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_TERMINAL_PROMPT: '0' };

export interface GitRepoOptions {
  /** Where the HTTP server listens (default 127.0.0.1); 0.0.0.0 for pods of a real cluster to reach it. */
  host?: string;
  /** The host name put in `url` when it differs from where the server listens (the node's address, say). */
  advertise?: string;
}

/** A bare repository `<name>.git` served over HTTP from `dir`, with a working copy that pushes to it. */
export async function startGitRepo(dir: string, name = 'app', opts: GitRepoOptions = {}): Promise<GitRepo> {
  const root = join(dir, 'git');
  const bare = join(root, `${name}.git`);
  const work = join(dir, `work-${name}`);
  const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();
  mkdirSync(bare, { recursive: true });
  git(bare, 'init', '--bare', '-b', 'main');
  mkdirSync(work, { recursive: true });
  git(work, 'init', '-b', 'main');
  git(work, 'remote', 'add', 'origin', bare);
  const server: GitHttpServer = await startGitHttpServer({ root, ...(opts.host ? { host: opts.host } : {}) });
  const base = opts.advertise ? `http://${opts.advertise}:${server.port}` : server.url;
  return {
    url: `${base}/${name}.git`,
    workDir: work,
    commit(files, message, sign) {
      for (const [path, content] of Object.entries(files)) {
        const file = join(work, path);
        if (content === null) {
          if (existsSync(file)) rmSync(file);
          continue;
        }
        mkdirSync(dirname(file), { recursive: true });
        if (typeof content === 'object') symlinkSync(content.symlink, file);
        else writeFileSync(file, content);
      }
      git(work, 'add', '-A');
      if (sign) execFileSync('git', [...sign.config, 'commit', '-S', '-m', message], { cwd: work, env: { ...process.env, ...GIT_ENV, ...sign.env }, stdio: 'pipe' });
      else git(work, 'commit', '-m', message);
      git(work, 'push', 'origin', 'main');
      return git(work, 'rev-parse', 'HEAD');
    },
    stop: () => server.stop(),
  };
}
