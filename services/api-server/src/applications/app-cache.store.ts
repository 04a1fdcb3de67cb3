import type { Redis } from 'ioredis';
import { notFound } from '../rpc/rpc-error';
import { appManagedResourcesKey, appTreeKey } from '@flotilla/api-types';

/** What the app-controller recorded in Redis about an Application's live state. */
export class AppCacheStore {
  constructor(private readonly redis: Redis) {}

  /** The resource tree, or NotFound when the controller has not reconciled the app yet. */
  async tree(namespace: string, name: string): Promise<Record<string, unknown>> {
    return this.read(
      appTreeKey(namespace, name),
      `resource tree for application "${name}" is not available yet: the app-controller has not recorded it`,
    );
  }

  async managedResources(namespace: string, name: string): Promise<Record<string, unknown>> {
    return this.read(
      appManagedResourcesKey(namespace, name),
      `managed resources for application "${name}" are not available yet: the app-controller has not recorded them`,
    );
  }

  private async read(key: string, missing: string): Promise<Record<string, unknown>> {
    const text = await this.redis.get(key);
    if (!text) throw notFound(missing);
    const value = JSON.parse(text) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${key} does not hold a JSON object`);
    return value as Record<string, unknown>;
  }
}
