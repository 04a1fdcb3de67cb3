// Consistent hashing with bounded loads, weighted: each cluster goes to the first replica clockwise
// from its point on a ring of virtual nodes whose load stays under (1 + epsilon) × the mean. Adding
// or removing a replica moves few clusters (those whose arc changed, plus the few pushed on by a
// full replica), and no replica carries much more than its share of apps.
import { createHash } from 'node:crypto';

export interface WeightedCluster {
  server: string;
  /** Work the cluster brings, e.g. its number of Applications; at least 1 is counted. */
  weight: number;
}

export interface RingOptions {
  /** How far above the mean load a replica may go. */
  epsilon?: number;
  /** Points per replica on the ring; more points spread the arcs more evenly. */
  virtualNodes?: number;
}

const point = (text: string): number => createHash('sha1').update(text).digest().readUInt32BE(0);

/** server → replica. Deterministic: every replica computing it from the same input gets the same map. */
export function assignClusters(clusters: WeightedCluster[], replicas: string[], opts: RingOptions = {}): Map<string, string> {
  const out = new Map<string, string>();
  const members = [...new Set(replicas)].sort();
  if (!members.length) return out;
  const epsilon = opts.epsilon ?? 0.25;
  const vnodes = opts.virtualNodes ?? 64;
  const ring = members
    .flatMap((id) => Array.from({ length: vnodes }, (_, i) => ({ at: point(`${id}#${i}`), id })))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const items = clusters.map((c) => ({ server: c.server, weight: Math.max(1, Math.ceil(c.weight)), at: point(c.server) }));
  const total = items.reduce((sum, c) => sum + c.weight, 0);
  const capacity = Math.ceil(((1 + epsilon) * total) / members.length);
  const load = new Map(members.map((id) => [id, 0]));
  // Heavy clusters first, so the light ones fill the gaps; ties by ring point for determinism.
  items.sort((a, b) => b.weight - a.weight || a.at - b.at || (a.server < b.server ? -1 : 1));
  for (const item of items) {
    let start = lowerBound(ring, item.at);
    let chosen: string | undefined;
    for (let step = 0; step < ring.length && !chosen; step++, start++) {
      const id = ring[start % ring.length].id;
      const current = load.get(id)!;
      if (current + item.weight <= capacity || current === 0) chosen = id;
    }
    // Everyone is full (a few very heavy clusters): the least-loaded replica takes it.
    chosen ??= members.reduce((best, id) => (load.get(id)! < load.get(best)! ? id : best), members[0]);
    load.set(chosen, load.get(chosen)! + item.weight);
    out.set(item.server, chosen);
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
