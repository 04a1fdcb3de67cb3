import { builtinResources } from './builtin-resources';
import { KubeVersion, parseKubeVersion, VERSION_PRIORITY } from './kube-versions';
import { apiVersionOf, ResourceType } from './resource-type';

/** Preferred version per group when a group serves several (kubectl picks this one). */
const PREFERRED: Record<string, string> = { autoscaling: 'v2' };

/** All resources a simulated cluster serves: the built-ins plus those its CRDs add. */
export class ResourceRegistry {
  private readonly byPath = new Map<string, ResourceType>();
  private readonly listeners = new Set<() => void>();

  constructor(readonly kubeVersion: KubeVersion = parseKubeVersion()) {
    for (const t of builtinResources(kubeVersion)) this.add(t);
  }

  add(t: ResourceType): void {
    this.byPath.set(`${t.group}/${t.version}/${t.plural}`, t);
    this.changed();
  }

  remove(group: string, plural: string): void {
    for (const [k, t] of this.byPath) if (t.group === group && t.plural === plural) this.byPath.delete(k);
    this.changed();
  }

  /** Resolves a URL's group, version and resource segment. */
  lookup(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byPath.get(`${group}/${version}/${plural}`);
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    for (const t of this.byPath.values()) if (t.kind === kind && apiVersionOf(t) === apiVersion) return t;
    return undefined;
  }

  /** The storage identity of a resource: versions of one group share objects. */
  storageOf(t: ResourceType): ResourceType {
    return this.lookup(t.group, this.preferredVersion(t.group) ?? t.version, t.plural) ?? t;
  }

  all(): ResourceType[] {
    return [...this.byPath.values()];
  }

  /** Group → versions, preferred first; the core group is `''`. */
  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const t of this.byPath.values()) {
      const versions = out.get(t.group) ?? [];
      if (!versions.includes(t.version)) versions.push(t.version);
      out.set(t.group, versions);
    }
    for (const [g, versions] of out) {
      const preferred = this.preferredVersion(g);
      const order = VERSION_PRIORITY[g];
      const rank = (v: string): number => (order?.includes(v) ? order.indexOf(v) : -1);
      versions.sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : order ? rank(a) - rank(b) : compareVersions(b, a)));
    }
    return out;
  }

  preferredVersion(group: string): string | undefined {
    const versions = [...this.byPath.values()].filter((t) => t.group === group).map((t) => t.version);
    if (PREFERRED[group] && versions.includes(PREFERRED[group])) return PREFERRED[group];
    return versions.sort((a, b) => compareVersions(b, a))[0];
  }

  /** The versions of a group that serve a resource, highest priority first. */
  servingVersions(group: string, plural: string): ResourceType[] {
    return this.all()
      .filter((t) => t.group === group && t.plural === plural)
      .sort((a, b) => compareVersions(b.version, a.version));
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return [...this.byPath.values()].filter((t) => t.group === group && t.version === version);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

/** Kubernetes version priority: GA > beta > alpha, then by number (v2 > v1 > v1beta2). */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [-1, 0, 0];
    const stage = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
    return [stage, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  return 0;
}
