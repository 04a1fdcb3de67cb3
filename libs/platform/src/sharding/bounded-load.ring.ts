// Consistent hashing with bounded loads, weighted: each shard (a cluster of the app-controller, a
// partition of ApplicationSets or Applications) goes to the first replica clockwise from its point on
// a ring of virtual nodes whose load stays under (1 + epsilon) × the mean. Adding or removing a
// replica moves few shards (those whose arc changed, plus the few pushed on by a full replica), and
// no replica carries much more than its share of the work.
import { createHash } from 'node:crypto';

export interface WeightedShard {
  key: string;
  /** Work the shard brings, e.g. its number of Applications; at least 1 is counted. */
  weight: number;
}

export interface RingOptions {
  /** How far above the mean load a replica may go. */
  epsilon?: number;
  /** Points per replica on the ring; more points spread the arcs more evenly. */
  virtualNodes?: number;
}

const point = (text: string): number => createHash('sha1').update(text).digest().readUInt32BE(0);

/** shard key → replica. Deterministic: every replica computing it from the same input gets the same map. */
export function assignShards(shards: WeightedShard[], replicas: string[], opts: RingOptions = {}): Map<string, string> {
  const out = new Map<string, string>();
  const members = [...new Set(replicas)].sort();
  if (!members.length) return out;
  const epsilon = opts.epsilon ?? 0.25;
  const vnodes = opts.virtualNodes ?? 64;
  const ring = members
    .flatMap((id) => Array.from({ length: vnodes }, (_, i) => ({ at: point(`${id}#${i}`), id })))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const items = shards.map((c) => ({ key: c.key, weight: Math.max(1, Math.ceil(c.weight)), at: point(c.key) }));
  const total = items.reduce((sum, c) => sum + c.weight, 0);
  const capacity = Math.ceil(((1 + epsilon) * total) / members.length);
  const load = new Map(members.map((id) => [id, 0]));
  // Heavy shards first, so the light ones fill the gaps; ties by ring point for determinism.
  items.sort((a, b) => b.weight - a.weight || a.at - b.at || (a.key < b.key ? -1 : 1));
  for (const item of items) {
    let start = lowerBound(ring, item.at);
    let chosen: string | undefined;
    for (let step = 0; step < ring.length && !chosen; step++, start++) {
      const id = ring[start % ring.length].id;
      const current = load.get(id)!;
      if (current + item.weight <= capacity || current === 0) chosen = id;
    }
    // Everyone is full (a few very heavy shards): the least-loaded replica takes it.
    chosen ??= members.reduce((best, id) => (load.get(id)! < load.get(best)! ? id : best), members[0]);
    load.set(chosen, load.get(chosen)! + item.weight);
    out.set(item.key, chosen);
  }
  return out;
}

function lowerBound(ring: { at: number }[], at: number): number {
  let lo = 0;
  let hi = ring.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ring[mid].at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo % ring.length;
}
