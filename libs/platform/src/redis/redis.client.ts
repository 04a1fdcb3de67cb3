import { Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

const PING_TIMEOUT_MS = 2000;

/** ioredis set up for BullMQ and for outages: commands wait for reconnection, which never gives up. */
export class RedisClient extends Redis {
  private lastError = '';
  private readonly duplicates = new Set<Redis>();

  constructor(
    url: string,
    private readonly logger: Logger,
    options: RedisOptions = {},
  ) {
    super(url, {
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
      ...options,
    });
    // Without a listener ioredis prints every failed reconnect; log each distinct error once instead.
    this.on('error', (err: Error) => {
      if (err.message === this.lastError) return;
      this.lastError = err.message;
      this.logger.warn({ err }, `redis: ${err.message}`);
    });
    this.on('ready', () => {
      if (this.lastError) this.logger.info('redis: reconnected');
      this.lastError = '';
    });
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
