// Whether every shard (the app-controller's clusters, the appset-controller's and notifier's
// partitions) has a live owner, from the leases in Redis: what every replica sees, so a shard whose
// owner died shows as unowned from the moment its lease lapses until a survivor takes it over.
import type { Logger } from 'pino';
import { MetricsRegistry, ScrapeSnapshot } from '../observability';

export interface ShardMetricsOptions {
  /** Each shard → its lease holder now (undefined: none); read at scrape time. */
  holders: () => Promise<Map<string, string | undefined>>;
  logger: Logger;
  /** The longest a scrape waits for Redis. */
  timeoutMs?: number;
}

/** Registers flotilla_shards{state="owned|unowned"} and flotilla_shard_owned{shard}; one set of shards per registry. */
export function registerShardMetrics(registry: MetricsRegistry, opts: ShardMetricsOptions): void {
  const snapshot = new ScrapeSnapshot(opts.holders, { what: 'shard metrics', logger: opts.logger, timeoutMs: opts.timeoutMs });
  registry.gauge({
    name: 'flotilla_shards',
    help: "This service's shards (app-controller: clusters; appset-controller, notifier: partitions) by whether a live Redis lease holds them (owned) or none does (unowned).",
    labelNames: ['state'],
    async collect() {
      const holders = await snapshot.get();
      this.reset();
      if (!holders) return;
      const owned = [...holders.values()].filter((h) => h !== undefined).length;
      this.set({ state: 'owned' }, owned);
      this.set({ state: 'unowned' }, holders.size - owned);
    },
  });
  registry.gauge({
    name: 'flotilla_shard_owned',
    help: 'Per shard (a cluster URL, or a partition number): 1 while a live Redis lease holds it, 0 while none does.',
    labelNames: ['shard'],
    async collect() {
      const holders = await snapshot.get();
      this.reset();
      for (const [shard, holder] of holders ?? []) this.set({ shard }, holder === undefined ? 0 : 1);
    },
  });
}
