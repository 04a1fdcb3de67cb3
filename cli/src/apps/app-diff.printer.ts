// `flotilla app diff`: argocd's per-resource diffs, from the api-server's ManagedResources items.

/** The fields of a ManagedResources item that `app diff` reads. */
export interface ResourceDiffItem {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  hook: boolean;
  /** Header and unified diff, set by the api-server when the resource would be created, changed or pruned. */
  unifiedDiff?: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The items of a ManagedResources answer; anything else there is ignored. */
export function resourceDiffItems(managed: Record<string, unknown>): ResourceDiffItem[] {
  const items: unknown = managed.items;
  if (!Array.isArray(items)) return [];
  return items
    .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
    .map((i) => ({
      group: str(i.group),
      kind: str(i.kind),
      namespace: str(i.namespace),
      name: str(i.name),
      hook: i.hook === true,
      ...(str(i.unifiedDiff) ? { unifiedDiff: str(i.unifiedDiff) } : {}),
    }));
}

/** Every resource that differs, each after a blank line as argocd prints them; empty when all are in sync. */
export function formatAppDiff(items: readonly ResourceDiffItem[]): string {
  return items
    .filter((i) => !i.hook && i.unifiedDiff)
    .map((i) => `\n${i.unifiedDiff!.endsWith('\n') ? i.unifiedDiff : `${i.unifiedDiff}\n`}`)
    .join('');
}
