import { toJsonObject } from '@flotilla/contracts';
import type { JsonObjectList } from '@flotilla/contracts';

/** Kubernetes' ListMeta as lists carry it: the version read, and where the next page starts. */
export interface ListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

/** A Kubernetes-style list on the wire: the items, and list metadata such as resourceVersion. */
export const toJsonList = (items: unknown[], resourceVersion?: string, page: Omit<ListMeta, 'resourceVersion'> = {}): JsonObjectList => ({
  items: items.map(toJsonObject),
  metadata: toJsonObject({
    ...(resourceVersion ? { resourceVersion } : {}),
    ...(page.continue ? { continue: page.continue } : {}),
    ...(page.remainingItemCount ? { remainingItemCount: page.remainingItemCount } : {}),
  }),
});
