// Gauges whose values live elsewhere (Redis: queue depths, shard leases) read them when Prometheus
// scrapes. The read is bounded in time, so a Redis that is down or hung never holds /metrics up, and
// shared by every gauge of one scrape, so they agree and Redis sees one read per scrape.
import type { Logger } from 'pino';

export interface ScrapeSnapshotOptions {
  /** What is read, for logs: "queue metrics". */
  what: string;
  logger: Logger;
  /** The longest a scrape waits for the read; 2 s by default, well inside Prometheus' 10 s scrape timeout. */
  timeoutMs?: number;
}

export class ScrapeSnapshot<T> {
  private inflight: Promise<T> | undefined;
  private failing = false;
  private readonly timeoutMs: number;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly opts: ScrapeSnapshotOptions,
  ) {
    this.timeoutMs = opts.timeoutMs ?? 2000;
  }

  /**
   * This scrape's values, or undefined when the read failed or took longer than the bound: the
   * gauges then report no series rather than stale numbers an alert would take for current ones.
   */
  async get(): Promise<T | undefined> {
    // A read still running (a hung Redis) is waited on again rather than doubled, so reads never pile up.
    const read = (this.inflight ??= this.read().finally(() => (this.inflight = undefined)));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      timer.unref();
    });
    try {
      const value = await Promise.race([read, timeout]);
      if (this.failing) this.opts.logger.info(`${this.opts.what}: reading them works again`);
      this.failing = false;
      return value;
    } catch (err) {
      // Once per outage, not once per scrape.
      if (!this.failing)
        this.opts.logger.warn({ err }, `${this.opts.what}: ${(err as Error).message}; left out of /metrics until the read works again`);
      this.failing = true;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
