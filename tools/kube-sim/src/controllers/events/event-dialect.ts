/**
 * What Event texts and fields look like on a given minor. 1.20 is observed on a real 1.20 cluster
 * (kubelet, controller-manager); 1.32 follows its sources. The minors in between that changed each
 * text are not pinned, so they read as 1.32.
 */
export interface EventDialect {
  /** client-go's core recorder fills reportingComponent/reportingInstance from the source; 1.20 leaves them "". */
  reportingFromSource: boolean;
  created(container: string): string;
  /** The deployment controller's ScalingReplicaSet message (kubernetes#101142, then #125118 in 1.31). */
  scaled(direction: 'up' | 'down', replicaSet: string, from: number, to: number): string;
  /** The kubelet's Pulled message after an actual pull that took `ms`. */
  pulled(image: string, ms: number, sizeBytes: number): string;
}

const MODERN: EventDialect = {
  reportingFromSource: true,
  created: (c) => `Created container: ${c}`,
  scaled: (d, rs, from, to) => `Scaled ${d} replica set ${rs} from ${from} to ${to}`,
  pulled: (image, ms, size) => `Successfully pulled image "${image}" in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${size} bytes.`,
};

const V1_20: EventDialect = {
  reportingFromSource: false,
  created: (c) => `Created container ${c}`,
  scaled: (d, rs, _from, to) => `Scaled ${d} replica set ${rs} to ${to}`,
  pulled: (image, ms) => `Successfully pulled image "${image}" in ${goDuration(ms)}`,
};

export const eventDialect = (minor: number): EventDialect => (minor <= 20 ? V1_20 : MODERN);

/** A duration as Go's time.Duration prints it: `850ms`, `1.25s`. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${Number((ms / 1000).toFixed(3))}s`;
}
