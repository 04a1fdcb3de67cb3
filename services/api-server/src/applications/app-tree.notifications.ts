import { appTreeUpdatedChannel } from '@flotilla/api-types';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Tells WatchResourceTree streams when the app-controller rewrote an app's tree: one Redis
 * subscriber connection for the api-server, subscribed to an app's channel while a stream needs it.
 */
export class AppTreeNotifications {
  private subscriber?: Redis;
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(
    private readonly redis: Redis,
    private readonly logger?: Logger,
  ) {}

  /** Calls `listener` after each write of the app's tree; resolves once subscribed, to the unsubscribe. */
  async onTreeUpdated(namespace: string, name: string, listener: () => void): Promise<() => Promise<void>> {
    const channel = appTreeUpdatedChannel(namespace, name);
    const subscriber = this.connection();
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    if (set.size === 1) await subscriber.subscribe(channel);
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(channel) === set) {
        this.listeners.delete(channel);
        await subscriber.unsubscribe(channel).catch((err: unknown) => this.logger?.warn({ err }, `unsubscribing from ${channel} failed`));
      }
    };
  }

  private connection(): Redis {
    if (!this.subscriber) {
      const subscriber = this.redis.duplicate();
      subscriber.on('message', (channel: string) => {
        for (const listener of this.listeners.get(channel) ?? []) listener();
      });
      subscriber.on('error', (err) => this.logger?.warn({ err }, 'the Redis subscriber for resource tree updates failed'));
      this.subscriber = subscriber;
    }
    return this.subscriber;
  }
}
