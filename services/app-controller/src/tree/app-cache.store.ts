// Writes what the api-server serves about an Application's live state to Redis (keys in api-types).
import { appManagedResourcesKey, appTreeKey, appTreeUpdatedChannel } from '@flotilla/api-types';
import type { Redis } from 'ioredis';
import type { ApplicationTree, ResourceDiffItem } from './resource-tree.builder';

export class AppCacheStore {
  constructor(
    private readonly redis: Redis,
    /** Entries expire unless refreshed; the periodic resync rewrites them well before. */
    private readonly ttlSeconds: number,
  ) {}

  async write(namespace: string, name: string, tree: ApplicationTree, managed: { items: ResourceDiffItem[] }): Promise<void> {
    await this.redis
      .multi()
      .set(appTreeKey(namespace, name), JSON.stringify(tree), 'EX', this.ttlSeconds)
      .set(appManagedResourcesKey(namespace, name), JSON.stringify(managed), 'EX', this.ttlSeconds)
      // The api-server's WatchResourceTree streams listen here (a message with no subscriber is dropped).
      .publish(appTreeUpdatedChannel(namespace, name), '')
      .exec();
  }

  async delete(namespace: string, name: string): Promise<void> {
    await this.redis.del(appTreeKey(namespace, name), appManagedResourcesKey(namespace, name));
  }
}
