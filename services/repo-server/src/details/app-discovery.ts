import type { CheckoutTree } from '../workspace/checkout-paths';
import { KUSTOMIZATION_FILES } from '../render/source-type.detector';

/** Path (relative to the repository root, `.` for the root) → Helm or Kustomize, as Argo's ListApps answers. */
export type DiscoveredApps = Record<string, 'Helm' | 'Kustomize'>;

/** Discovery took too long or met a tree too big to walk: the caller is told which bound, never given a partial list. */
export class DiscoveryLimitError extends Error {
  constructor(
    readonly bound: 'entries' | 'time',
    message: string,
  ) {
    super(message);
  }
}

export interface DiscoveryBounds {
  /** Blobs and links the tree may hold. */
  maxEntries: number;
  /** Epoch milliseconds after which the walk gives up. */
  deadline: number;
  now?: () => number;
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The application directories of a checkout, found as Argo CD's discovery finds them: a walk of
 * every file (links are looked at by their own name and never followed into, as filepath.Walk
 * does) where a name ending in `Chart.yaml` makes its directory Helm and a kustomization file makes
 * it Kustomize; in one directory the name later in byte order wins (a kustomization beats Chart.yaml,
 * values-Chart.yaml beats a kustomization). Plain directories are not reported. Links the checkout leaves out because they lead
 * out of the repository or loop are not there to be found.
 */
export function discoverApps(view: CheckoutTree, bounds: DiscoveryBounds): DiscoveredApps {
  const now = bounds.now ?? Date.now;
  if (view.entries.length > bounds.maxEntries)
    throw new DiscoveryLimitError('entries', `the repository holds ${view.entries.length} files, over the ${bounds.maxEntries} files application discovery walks`);
  const refused = new Set(view.refusedLinks().map((l) => l.path));
  const files = view.entries
    .map((e) => e.path)
    .filter((p) => !refused.has(p))
    .sort(byteOrder);
  const apps: DiscoveredApps = {};
  for (let i = 0; i < files.length; i++) {
    if (i % 4096 === 0 && now() > bounds.deadline) throw new DiscoveryLimitError('time', `application discovery ran out of time after ${i} of ${files.length} files`);
    const slash = files[i].lastIndexOf('/');
    const dir = slash < 0 ? '.' : files[i].slice(0, slash);
    const base = files[i].slice(slash + 1);
    if (base.endsWith('Chart.yaml')) apps[dir] = 'Helm';
    if (KUSTOMIZATION_FILES.includes(base)) apps[dir] = 'Kustomize';
  }
  return apps;
}
