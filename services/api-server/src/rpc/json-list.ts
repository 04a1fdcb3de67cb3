import { toJsonObject } from '@flotilla/contracts';
import type { JsonObjectList } from '@flotilla/contracts';

/** A Kubernetes-style list on the wire: the items, and list metadata such as resourceVersion. */
export const toJsonList = (items: unknown[], resourceVersion?: string): JsonObjectList => ({
  items: items.map(toJsonObject),
  metadata: toJsonObject(resourceVersion ? { resourceVersion } : {}),
});
