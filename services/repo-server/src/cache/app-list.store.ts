import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { DiscoveredApps } from '../details/app-discovery';

const repoHash = (repoURL: string): string => createHash('sha256').update(repoURL).digest('hex').slice(0, 16);

/**
 * ListApps' answer per repository and commit, as Argo's repo-server caches it: a commit's tree
 * never changes, so the entry holds until it expires. Losing it costs one walk of the tree.
 */
export class AppListStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds = 24 * 3600,
    private readonly prefix = 'flotilla:apps',
  ) {}

  async get(repoURL: string, sha: string): Promise<DiscoveredApps | undefined> {
    const raw = await this.redis.get(this.key(repoURL, sha));
    if (!raw) return undefined;
    try {
      const apps = JSON.parse(raw) as unknown;
      return apps && typeof apps === 'object' && !Array.isArray(apps) ? (apps as DiscoveredApps) : undefined;
    } catch {
      // A corrupt or foreign entry is a miss.
      return undefined;
    }
  }

  async set(repoURL: string, sha: string, apps: DiscoveredApps): Promise<void> {
    await this.redis.set(this.key(repoURL, sha), JSON.stringify(apps), 'EX', this.ttlSeconds);
  }

  private key(repoURL: string, sha: string): string {
    return `${this.prefix}:${repoHash(repoURL)}:${sha}`;
  }
}
