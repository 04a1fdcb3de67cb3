import type { Redis } from 'ioredis';
import type { SenderStore } from '../services/notification-service';

/** A sender's small state in Redis, under `<prefix>:<service>:`, so every replica sees the same threads and messages. */
export class RedisSenderStore implements SenderStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(`${this.prefix}:${key}`)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.prefix}:${key}`, value, 'PX', Math.max(1, Math.floor(ttlMs)));
  }
}

/** A store that forgets on restart: for `admin notifications` runs and specs without Redis. */
export class MemorySenderStore implements SenderStore {
  private readonly values = new Map<string, { value: string; until: number }>();

  get(key: string): Promise<string | undefined> {
    const hit = this.values.get(key);
    return Promise.resolve(hit && hit.until > Date.now() ? hit.value : undefined);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, until: Date.now() + ttlMs });
    return Promise.resolve();
  }
}
