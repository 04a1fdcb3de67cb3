// Partial syncs: only the resources the operation names (`argocd app sync --resource group:Kind:name`).
import type { ResourceRef, SyncOperationResource } from '@flotilla/api-types';

/** Whether ref is one of the selected resources; an empty selection selects everything. */
export function isSelected(ref: ResourceRef, selection: readonly SyncOperationResource[] | undefined): boolean {
  if (!selection?.length) return true;
  return selection.some(
    (s) => (s.group ?? '') === ref.group && s.kind === ref.kind && s.name === ref.name && (!s.namespace || s.namespace === ref.namespace),
  );
}

/** The items whose ref is selected. */
export const selectResources = <T extends { ref: ResourceRef }>(
  items: readonly T[],
  selection: readonly SyncOperationResource[] | undefined,
): T[] => items.filter((i) => isSelected(i.ref, selection));
