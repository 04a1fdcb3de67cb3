import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Repository } from '@flotilla/api-types';
import type { GitCredentials, GitTransportOptions } from './git-credentials';
import { GitRepositoryClient } from './git-repository.client';

const FULL_SHA = /^[0-9a-f]{40}$/;

export interface ResolvedRevision {
  sha: string;
  /** The branch, tag or SHA that was asked for, with HEAD for an empty one. */
  ambiguous: string;
}

/** Credentials a caller sent with a repository (Argo's v1alpha1.Repository). */
export const credentialsOf = (repo: Repository): GitCredentials => ({
  username: repo.username,
  password: repo.password,
  bearerToken: repo.bearerToken,
  sshPrivateKey: repo.sshPrivateKey,
  insecure: repo.insecure || repo.insecureIgnoreHostKey,
  ...(repo.tlsClientCertData && repo.tlsClientCertKey ? { tlsClientCertData: repo.tlsClientCertData, tlsClientCertKey: repo.tlsClientCertKey } : {}),
  ...(repo.depth ? { depth: Number(repo.depth) } : {}),
});

/**
 * One shared bare clone per repository URL and credentials, not one per Application, and a short
 * memory of fetches: like Argo's ls-remote cache, a repository is fetched at most once per
 * `fetchTtlMs` unless a caller asks for a fresh look (hard refresh, webhook).
 */
export class RepositoryRegistry {
  private readonly repos = new Map<string, GitRepositoryClient>();
  private readonly fetchedAt = new Map<string, number>();
  /** Revisions resolved since the last fetch of each repository: a cache hit then needs no git process. */
  private readonly resolved = new Map<string, Map<string, string>>();
  /** The fetch that has not started yet, which new callers join. */
  private readonly pendingFetch = new Map<string, Promise<void>>();
  private readonly runningFetch = new Map<string, Promise<void>>();

  constructor(
    private readonly cacheDir: string,
    private readonly fetchTtlMs: number,
    private readonly now: () => number = Date.now,
    private readonly transport: GitTransportOptions = {},
  ) {}

  get(url: string, creds: GitCredentials = {}): GitRepositoryClient {
    const key = this.key(url, creds);
    let repo = this.repos.get(key);
    // Different credentials get their own clone, so two fetches never share one directory.
    if (!repo) this.repos.set(key, (repo = new GitRepositoryClient(url, join(this.cacheDir, credsHash(creds)), creds, this.transport)));
    return repo;
  }

  /**
   * Fetches when the last fetch is older than the TTL (or `fresh`), then resolves locally. A full
   * commit SHA names the same commit for ever, so it never asks for a fresh fetch (as Argo's
   * repo-server, which only goes to the remote for a commit it does not have): a sync pinned to the
   * SHA auto-sync chose costs no git round trip; a commit not fetched yet is fetched by SHA.
   */
  async resolve(url: string, creds: GitCredentials, revision: string | undefined, fresh = false): Promise<ResolvedRevision> {
    const repo = this.get(url, creds);
    const ambiguous = (revision ?? '').trim() || 'HEAD';
    await this.ensureFetched(url, creds, fresh && !FULL_SHA.test(ambiguous));
    const known = this.resolved.get(this.key(url, creds));
    const hit = known?.get(ambiguous);
    if (hit) return { sha: hit, ambiguous };
    try {
      const sha = await repo.resolveRevision(ambiguous, { fetch: false });
      known?.set(ambiguous, sha);
      return { sha, ambiguous };
    } catch (err) {
      // A revision pushed after our last fetch: look again before giving up.
      if (fresh) throw err;
      await this.ensureFetched(url, creds, true);
      return { sha: await repo.resolveRevision(ambiguous, { fetch: false }), ambiguous };
    }
  }

  async ensureFetched(url: string, creds: GitCredentials, fresh = false): Promise<GitRepositoryClient> {
    const key = this.key(url, creds);
    const repo = this.get(url, creds);
    const last = this.fetchedAt.get(key);
    if (fresh || last === undefined || this.now() - last >= this.fetchTtlMs) await this.coalescedFetch(key, repo);
    return repo;
  }

  /**
   * One fetch for every caller that asked while none had started yet: when fifty apps of one
   * repository refresh at once (a webhook, a hard refresh), they share a fetch or two, not fifty.
   * A caller never gets a fetch that started before it asked, so a fresh look stays fresh.
   */
  private coalescedFetch(key: string, repo: GitRepositoryClient): Promise<void> {
    const pending = this.pendingFetch.get(key);
    if (pending) return pending;
    const running = this.runningFetch.get(key) ?? Promise.resolve();
    const next = running.then(
      () => this.fetchNow(key, repo),
      () => this.fetchNow(key, repo),
    );
    this.pendingFetch.set(key, next);
    return next;
  }

  private async fetchNow(key: string, repo: GitRepositoryClient): Promise<void> {
    const self = this.pendingFetch.get(key)!;
    // From here on, new callers queue a fetch of their own behind this one.
    this.pendingFetch.delete(key);
    this.runningFetch.set(key, self);
    try {
      await repo.fetch();
      this.fetchedAt.set(key, this.now());
      this.resolved.set(key, new Map());
    } finally {
      if (this.runningFetch.get(key) === self) this.runningFetch.delete(key);
    }
  }

  private key(url: string, creds: GitCredentials): string {
    return `${url}#${credsHash(creds)}`;
  }
}

const credsHash = (creds: GitCredentials): string => createHash('sha256').update(JSON.stringify(creds)).digest('hex').slice(0, 12);
