import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip, gzipSync } from 'node:zlib';
import type { Redis } from 'ioredis';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
/** Below this size (compressed), zlib runs inline: a thread-pool hop costs more than the work. */
const INLINE_BYTES = 64 * 1024;

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

const repoHash = (repoURL: string): string => createHash('sha256').update(repoURL).digest('hex').slice(0, 16);

/**
 * Rendered manifests in Redis, keyed by repository, commit SHA and a hash of the source spec:
 * a commit never changes, so an entry is valid until it expires. Entries are gzipped (rendered
 * YAML shrinks five- to tenfold), which keeps a fleet's renders inside a small Redis. Losing Redis
 * costs a re-render.
 *
 * Beside the entries, one pointer per source and target revision names the commit it was last
 * rendered at: the previous render a new commit may reuse (manifest-generate-paths), and the last
 * good render served when git cannot be reached.
 */
export class ManifestCacheStore {
  private readonly written = new Map<string, { value: string; at: number }>();

  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds = 24 * 3600,
    private readonly prefix = 'flotilla:manifests',
  ) {}

  key(repoURL: string, sha: string, source: unknown): string {
    return `${this.prefix}:${repoHash(repoURL)}:${sha}:${sourceHash(source)}`;
  }

  get(repoURL: string, sha: string, source: unknown): Promise<CachedManifests | undefined> {
    return this.read(this.key(repoURL, sha, source));
  }

  async set(repoURL: string, sha: string, source: unknown, value: CachedManifests): Promise<void> {
    const json = Buffer.from(JSON.stringify(value));
    const body = json.length < INLINE_BYTES * 4 ? gzipSync(json, { level: 6 }) : await gzipAsync(json, { level: 6 });
    await this.redis.set(this.key(repoURL, sha, source), body, 'EX', this.ttlSeconds);
  }

  /**
   * Records that the render request `identity` (source, target revision, app, …, before any
   * revision is resolved) was last rendered at commit `sha`, into the entry for `source`.
   */
  async setLastRendered(repoURL: string, identity: unknown, sha: string, source: unknown): Promise<void> {
    const key = this.lastKey(repoURL, identity);
    const value = JSON.stringify({ sha, key: this.key(repoURL, sha, source) });
    // Cache hits repeat the same pointer: write it when it changes, and refresh its TTL now and then.
    const written = this.written.get(key);
    if (written && written.value === value && Date.now() - written.at < (this.ttlSeconds * 1000) / 4) return;
    await this.redis.set(key, value, 'EX', this.ttlSeconds);
    if (this.written.size >= 10_000) this.written.clear();
    this.written.set(key, { value, at: Date.now() });
  }

  /** The commit `identity` was last rendered at, with that render, while it is still cached. */
  async lastRendered(repoURL: string, identity: unknown): Promise<{ sha: string; entry: CachedManifests } | undefined> {
    const raw = await this.redis.get(this.lastKey(repoURL, identity));
    if (!raw) return undefined;
    const { sha, key } = JSON.parse(raw) as { sha: string; key: string };
    const entry = await this.read(key);
    return entry ? { sha, entry } : undefined;
  }

  private lastKey(repoURL: string, identity: unknown): string {
    return `${this.prefix}:last:${repoHash(repoURL)}:${sourceHash(identity)}`;
  }

  private async read(key: string): Promise<CachedManifests | undefined> {
    const raw = await this.redis.getBuffer(key);
    if (!raw) return undefined;
    try {
      const json = raw.length < INLINE_BYTES ? gunzipSync(raw) : await gunzipAsync(raw);
      return JSON.parse(json.toString('utf8')) as CachedManifests;
    } catch {
      // A corrupt or foreign entry is a miss, never a failed render.
      return undefined;
    }
  }
}
