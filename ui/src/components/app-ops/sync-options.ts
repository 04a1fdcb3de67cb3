// Argo CD's sync options as its sync panel offers them (https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/).
export interface SyncOptionChoice {
  option: string;
  label: string;
}

export const SYNC_OPTION_CHOICES: SyncOptionChoice[] = [
  { option: 'Validate=false', label: 'Skip schema validation' },
  { option: 'CreateNamespace=true', label: 'Auto-create namespace' },
  { option: 'PruneLast=true', label: 'Prune last' },
  { option: 'ApplyOutOfSyncOnly=true', label: 'Apply out of sync only' },
  { option: 'RespectIgnoreDifferences=true', label: 'Respect ignore differences' },
  { option: 'ServerSideApply=true', label: 'Server-side apply' },
  { option: 'Replace=true', label: 'Replace' },
  { option: 'FailOnSharedResource=true', label: 'Fail on shared resource' },
];

export const PRUNE_PROPAGATION = ['foreground', 'background', 'orphan'] as const;
const PRUNE_PROPAGATION_KEY = 'PrunePropagationPolicy=';

/** The app's own sync options split into the checkboxes, the prune propagation policy and the rest (kept as they are). */
export function splitSyncOptions(options: readonly string[] = []): { checked: Set<string>; propagation: string; others: string[] } {
  const known = new Set(SYNC_OPTION_CHOICES.map((c) => c.option));
  const checked = new Set(options.filter((o) => known.has(o)));
  const propagation = options.find((o) => o.startsWith(PRUNE_PROPAGATION_KEY))?.slice(PRUNE_PROPAGATION_KEY.length) ?? '';
  const others = options.filter((o) => !known.has(o) && !o.startsWith(PRUNE_PROPAGATION_KEY));
  return { checked, propagation, others };
}

export function joinSyncOptions(checked: ReadonlySet<string>, propagation: string, others: readonly string[]): string[] {
  const chosen = SYNC_OPTION_CHOICES.map((c) => c.option).filter((o) => checked.has(o));
  return [...chosen, ...(propagation ? [`${PRUNE_PROPAGATION_KEY}${propagation}`] : []), ...others];
}
