import { CrdSchemaSink } from '../controllers/crd.reconciler';
import { definitionPrefix, moduleOf } from '../schema/definition-names';
import { builtinDefinitions, resolveDefinition, OBJECT_META } from '../schema/builtin-schemas';
import { GroupVersionKind, SchemaNode, SchemaSource } from '../schema/schema-node';
import { KubeObject } from '../store/kube-object';

interface CrdVersion {
  name: string;
  served?: boolean;
  schema?: { openAPIV3Schema?: SchemaNode };
}

/** A served custom kind's schema, as the API server uses it: the CRD's, with standard metadata. */
export interface CustomSchema {
  gvk: GroupVersionKind;
  plural: string;
  namespaced: boolean;
  schema: SchemaNode;
}

/**
 * The schemas one cluster serves: built-in kinds (shared by every sim in the process) and the
 * kinds of its established CRDs, for pruning, patches, server-side apply and OpenAPI.
 */
export class ClusterSchemas implements SchemaSource, CrdSchemaSink {
  private readonly custom = new Map<string, CustomSchema>();
  private generation = 0;

  forKind(gvk: GroupVersionKind): SchemaNode | undefined {
    const custom = this.custom.get(key(gvk));
    if (custom) return custom.schema;
    const name = `${definitionPrefix(moduleOf(gvk.group, gvk.version))}.${gvk.kind}`;
    return name in builtinDefinitions().definitions ? resolveDefinition(name) : undefined;
  }

  register(crd: KubeObject): void {
    const spec = crd.spec as { group: string; scope: string; names: { kind: string; plural: string }; versions: CrdVersion[] };
    // Re-registering an updated CRD drops versions it no longer serves.
    for (const [k, c] of this.custom) if (c.gvk.group === spec.group && c.gvk.kind === spec.names.kind) this.custom.delete(k);
    for (const v of spec.versions.filter((version) => version.served !== false)) {
      const gvk = { group: spec.group, version: v.name, kind: spec.names.kind };
      const schema = withStandardFields(v.schema?.openAPIV3Schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, gvk);
      this.custom.set(key(gvk), { gvk, plural: spec.names.plural, namespaced: spec.scope === 'Namespaced', schema });
    }
    this.generation++;
  }

  unregister(crd: KubeObject): void {
    const spec = crd.spec as { group: string; names: { kind: string }; versions: CrdVersion[] };
    for (const v of spec.versions) this.custom.delete(key({ group: spec.group, version: v.name, kind: spec.names.kind }));
    this.generation++;
  }

  /** Every served custom kind. */
  customAll(): CustomSchema[] {
    return [...this.custom.values()];
  }

  /** Custom kinds served in one group version. */
  customIn(group: string, version: string): CustomSchema[] {
    return [...this.custom.values()].filter((c) => c.gvk.group === group && c.gvk.version === version);
  }

  /** Changes whenever a CRD is registered or removed, so OpenAPI documents can be cached. */
  get version(): number {
    return this.generation;
  }
}

const key = (g: GroupVersionKind): string => `${g.group}/${g.version}/${g.kind}`;

function withStandardFields(schema: SchemaNode, gvk: GroupVersionKind): SchemaNode {
  const properties = { ...(schema.properties ?? {}) };
  properties.apiVersion = { type: 'string', description: 'APIVersion defines the versioned schema of this representation of an object.' };
  properties.kind = { type: 'string', description: 'Kind is a string value representing the REST resource this object represents.' };
  properties.metadata = resolveDefinition(OBJECT_META);
  return { ...schema, type: 'object', properties, 'x-kubernetes-group-version-kind': [gvk] };
}
