import type { KubeObject } from '@flotilla/api-types';
import { isNotFound, type KubeClient } from '@flotilla/platform';

export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

/** Deletes obj; an object already gone counts as deleted. */
export async function deleteObject(kube: KubeClient, obj: KubeObject, propagationPolicy: PropagationPolicy, dryRun = false): Promise<void> {
  if (!obj.apiVersion || !obj.kind || !obj.metadata?.name) throw new Error(`cannot delete an object without apiVersion, kind and name`);
  try {
    await kube.delete(obj, { propagationPolicy, dryRun });
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
