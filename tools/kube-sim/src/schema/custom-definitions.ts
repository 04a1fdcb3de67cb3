import type { CustomSchema } from '../cluster/cluster-schemas';
import type { Definition } from './builtin-definitions.generator';
import { OBJECT_META } from './builtin-schemas';

/** A CRD kind's definition name as kube-apiserver publishes it: `io.argoproj.v1alpha1.Application`. */
export function customDefinitionName(c: CustomSchema): string {
  return `${c.gvk.group.split('.').reverse().join('.')}.${c.gvk.version}.${c.gvk.kind}`;
}

/**
 * A CRD kind's schema as a published definition: the CRD's own schema with the standard
 * metadata referenced (`refPrefix` is `#/definitions/` or `#/components/schemas/`).
 */
export function customDefinition(c: CustomSchema, refPrefix: string, v3: boolean): Definition {
  const properties: Record<string, unknown> = { ...(c.schema.properties ?? {}) };
  const ref = { $ref: refPrefix + OBJECT_META };
  const description = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
  properties.metadata = v3 ? { allOf: [ref], description } : { ...ref, description };
  // Only the root metadata is replaced: nested `metadata` fields (templates) keep the CRD's schema.
  return JSON.parse(JSON.stringify({ ...c.schema, properties })) as Definition;
}
