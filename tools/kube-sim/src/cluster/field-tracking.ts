import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';

/**
 * managedFields bookkeeping: who owns which fields after an update, and server-side apply
 * (which may refuse with a 409 conflict naming the other manager).
 */
export interface FieldTracking {
  /** Records an Update operation by `manager` into `updated.metadata.managedFields`. */
  update(t: ResourceType, live: KubeObject | undefined, updated: KubeObject, manager: string, subresource?: string): void;
  /** Merges `applied` into `live` as `manager` owns it; throws a 409 StatusError on conflict unless forced. */
  apply(t: ResourceType, live: KubeObject | undefined, applied: KubeObject, manager: string, force: boolean, subresource?: string): KubeObject;
}
