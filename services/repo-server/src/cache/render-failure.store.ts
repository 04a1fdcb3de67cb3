import type { Redis } from 'ioredis';
import { ManifestCacheStore } from './manifest-cache.store';

export interface RenderPausePolicy {
  /** Consecutive failures of one input after which its renders pause; 0 never pauses. */
  afterFailures: number;
  /** How long a pause lasts; 0 for no time limit (then `forRequests` ends it). */
  forMs: number;
  /** How many requests a pause answers with the remembered error; 0 for no request limit. */
  forRequests: number;
}

/** Argo CD's defaults (ARGOCD_REPO_SERVER_PAUSE_GEN_*): three failures pause an input for an hour. */
export const DEFAULT_PAUSE_POLICY: RenderPausePolicy = { afterFailures: 3, forMs: 60 * 60_000, forRequests: 0 };

export interface PausedRender {
  failures: number;
  error: string;
  /** When the pause ends by time, if it has a time limit. */
  until?: Date;
}

/**
 * Consecutive render failures per input (repository, commit, source), so that one broken chart
 * stops costing a helm run on every refresh of every app that uses it: after `afterFailures`
 * failures in a row the input is paused and its requests get the remembered error until the pause
 * ends by time or by request count. A success, or a hard refresh that succeeds, clears the record.
 */
export class RenderFailureStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ManifestCacheStore,
    private readonly policy: RenderPausePolicy = DEFAULT_PAUSE_POLICY,
    private readonly now: () => number = Date.now,
    private readonly ttlSeconds = 24 * 3600,
  ) {}

  /** The pause in force for this input, counting this request against a request-limited pause. */
  async paused(repoURL: string, sha: string, source: unknown): Promise<PausedRender | undefined> {
    if (this.policy.afterFailures <= 0) return undefined;
    const key = this.key(repoURL, sha, source);
    const rec = await this.redis.hgetall(key);
    const failures = Number(rec.failures ?? 0);
    if (failures < this.policy.afterFailures) return undefined;
    const pausedAt = Number(rec.pausedAt ?? 0);
    const byTime = this.policy.forMs > 0 && this.now() - pausedAt < this.policy.forMs;
    let byRequests = false;
    if (this.policy.forRequests > 0) byRequests = (await this.redis.hincrby(key, 'served', 1)) <= this.policy.forRequests;
    const inForce = this.policy.forMs > 0 && this.policy.forRequests > 0 ? byTime && byRequests : byTime || byRequests;
    if (!inForce) {
      // The pause is over: the next render runs, and must fail afterFailures times again to pause.
      await this.redis.del(key);
      return undefined;
    }
    return { failures, error: rec.error ?? 'manifest generation failed', until: this.policy.forMs > 0 ? new Date(pausedAt + this.policy.forMs) : undefined };
  }

  async recordFailure(repoURL: string, sha: string, source: unknown, error: string): Promise<number> {
    const key = this.key(repoURL, sha, source);
    const [[, failures]] = (await this.redis
      .multi()
      .hincrby(key, 'failures', 1)
      .hset(key, 'error', error)
      .expire(key, this.ttlSeconds)
      .exec()) as [[Error | null, number], ...unknown[]];
    if (failures === this.policy.afterFailures) await this.redis.hset(key, 'pausedAt', String(this.now()), 'served', '0');
    return failures;
  }

  async clear(repoURL: string, sha: string, source: unknown): Promise<void> {
    await this.redis.del(this.key(repoURL, sha, source));
  }

  private key(repoURL: string, sha: string, source: unknown): string {
    return `${this.keys.key(repoURL, sha, source)}:failures`;
  }
}
