import { Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisConfig } from '../config';
import { maskSecrets, redisConnection, RedisConnection } from './redis-connection';
import { SentinelFailoverListener } from './sentinel-failover.listener';

const PING_TIMEOUT_MS = 2000;

/**
 * ioredis set up for BullMQ and for outages: commands wait for reconnection, which never gives up;
 * through Sentinels it follows the master across failovers.
 */
export class RedisClient extends Redis {
  private lastError = '';
  private readonly duplicates = new Set<Redis>();
  private readonly connection: RedisConnection;
  private readonly failoverListener: SentinelFailoverListener | undefined;

  /** `target`: a service's FLOTILLA_REDIS_* config, or a redis:// URL. */
  constructor(
    target: RedisConfig | string,
    private readonly logger: Logger,
    options: RedisOptions = {},
  ) {
    const connection = redisConnection(target);
    super({ ...connection.options, ...options });
    this.connection = connection;
    // Without a listener ioredis prints every failed reconnect; log each distinct error once instead.
    // Only name and message are logged: ioredis' errors carry the failed command, AUTH's password among its arguments.
    this.on('error', (err: Error) => {
      const message = this.mask(err.message);
      if (message === this.lastError) return;
      this.lastError = message;
      this.logger.warn({ err: { type: err.name, message } }, `redis (${connection.target}): ${message}`);
    });
    this.on('ready', () => {
      if (this.lastError) this.logger.info(`redis: reconnected (${connection.target})`);
      this.lastError = '';
    });
    if (connection.options.sentinels) this.failoverListener = new SentinelFailoverListener(connection.options, logger, () => this.followFailover());
  }

  /**
   * Connections still up may talk to the old master: drop them so they ask the Sentinels again
   * (commands in flight are resent). Connections already reconnecting will find the new master.
   */
  private followFailover(): void {
    for (const client of [this, ...this.duplicates]) if (client.status === 'ready') client.disconnect(true);
  }

  /** Where this client connects, without credentials. */
  get target(): string {
    return this.connection.target;
  }

  /** The text with the connection's passwords replaced by ***. */
  mask(text: string): string {
    return maskSecrets(text, this.connection.secrets);
  }

  /** Readiness: PINGs, failing fast while disconnected rather than queueing until Redis returns. */
  async checkReady(): Promise<void> {
    if (this.status !== 'ready') throw new Error(`redis is ${this.status}${this.lastError ? `: ${this.lastError}` : ''}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`redis did not answer PING within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS)));
    try {
      await Promise.race([this.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** BullMQ workers duplicate the connection for blocking reads; tracked so close() can end them too. */
  override duplicate(override?: Partial<RedisOptions>): Redis {
    const dup = super.duplicate(override);
    this.duplicates.add(dup);
    dup.once('end', () => this.duplicates.delete(dup));
    return dup;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** QUIT when connected (lets replies drain); otherwise just stop reconnecting. */
  async close(): Promise<void> {
    this.failoverListener?.close();
    // Duplicates still open here belong to workers abandoned while Redis was down; they must not keep retrying.
    for (const dup of this.duplicates) dup.disconnect();
    if (this.status === 'end') return;
    if (this.status !== 'ready') return this.disconnect();
    // QUIT's reply comes before the socket closes; wait for the close so callers see status 'end'.
    const ended = new Promise<void>((r) => this.once('end', () => r()));
    await this.quit().catch(() => this.disconnect());
    await ended;
  }
}
