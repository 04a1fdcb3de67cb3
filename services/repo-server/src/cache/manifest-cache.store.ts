import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface CachedManifests {
  revision: string;
  manifests: Record<string, unknown>[];
  renderedAt: string;
  /** Helm, Kustomize or Directory, as GenerateManifest reports it. */
  sourceType?: string;
}

/** Sorted-key JSON, so equal sources hash equally whatever order their fields came in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export const sourceHash = (source: unknown): string => createHash('sha256').update(canonical(source)).digest('hex').slice(0, 32);

/**
 * Rendered manifests in Redis, keyed by repository, commit SHA and a hash of the source spec:
 * a commit never changes, so an entry is valid until it expires. Losing Redis costs a re-render.
 */
export class ManifestCacheStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds = 24 * 3600,
    private readonly prefix = 'flotilla:manifests',
  ) {}

  key(repoURL: string, sha: string, source: unknown): string {
    return `${this.prefix}:${createHash('sha256').update(repoURL).digest('hex').slice(0, 16)}:${sha}:${sourceHash(source)}`;
  }

  async get(repoURL: string, sha: string, source: unknown): Promise<CachedManifests | undefined> {
    const raw = await this.redis.get(this.key(repoURL, sha, source));
    return raw ? (JSON.parse(raw) as CachedManifests) : undefined;
  }

  async set(repoURL: string, sha: string, source: unknown, value: CachedManifests): Promise<void> {
    await this.redis.set(this.key(repoURL, sha, source), JSON.stringify(value), 'EX', this.ttlSeconds);
  }
}
