import { applyConflictError, isApplyConflict, serverSideApply } from '../patch/server-side-apply';
import { trackUpdate } from '../patch/managed-fields';
import { apiVersionOf, ResourceType } from '../registry/resource-type';
import { SchemaSource } from '../schema/schema-node';
import { KubeObject } from '../store/kube-object';
import { FieldTracking } from './field-tracking';
import { kubeTime } from './object-meta';

/** FieldTracking backed by the structured-merge logic in `patch/`, with each kind's schema. */
export class ManagedFieldsTracking implements FieldTracking {
  constructor(
    private readonly schemas: SchemaSource,
    private readonly now: () => Date = () => new Date(),
    /** 1.20's apply errors do not name the object (kube-versions.ts). */
    private readonly objectInErrors = true,
  ) {}

  update(t: ResourceType, live: KubeObject | undefined, updated: KubeObject, manager: string, subresource?: string): void {
    const managedFields = trackUpdate({
      live,
      updated,
      manager,
      apiVersion: apiVersionOf(t),
      schema: this.schemaOf(t),
      now: kubeTime(this.now()),
      subresource,
      hasStatusSubresource: t.subresources.includes('status'),
    });
    if (managedFields.length) updated.metadata.managedFields = managedFields;
    else delete updated.metadata.managedFields;
  }

  apply(t: ResourceType, live: KubeObject | undefined, applied: KubeObject, manager: string, force: boolean, subresource?: string): KubeObject {
    const result = serverSideApply({
      live,
      applied,
      manager,
      force,
      schema: this.schemaOf(t),
      now: kubeTime(this.now()),
      subresource,
      apiVersion: apiVersionOf(t),
      hasStatusSubresource: t.subresources.includes('status'),
      objectInErrors: this.objectInErrors,
    });
    if (isApplyConflict(result)) throw applyConflictError(result.conflicts);
    return result.object;
  }

  private schemaOf(t: ResourceType) {
    return this.schemas.forKind({ group: t.group, version: t.version, kind: t.kind });
  }
}
