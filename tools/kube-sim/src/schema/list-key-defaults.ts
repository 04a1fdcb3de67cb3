import { GroupVersionKind, SchemaNode, SchemaSource } from './schema-node';

/** Where the schema of a kind comes from, and whether a CRD rather than a built-in type serves it. */
export interface KindSchemas extends SchemaSource {
  customIn(group: string, version: string): Array<{ gvk: GroupVersionKind }>;
}

const stripped = new WeakMap<SchemaNode, SchemaNode>();

/**
 * Built-in schemas as server-side apply saw them before 1.21: the key fields of associative lists
 * (`ports[].protocol`) carry no default, so an applied port without `protocol` is refused rather
 * than keyed as TCP. Custom kinds keep their CRD's schema untouched.
 */
export function withoutListKeyDefaults(schemas: KindSchemas): SchemaSource {
  return {
    forKind(gvk) {
      const schema = schemas.forKind(gvk);
      if (!schema || schemas.customIn(gvk.group, gvk.version).some((c) => c.gvk.kind === gvk.kind)) return schema;
      return strip(schema);
    },
  };
}

/** Copies a (possibly cyclic) schema graph; a copy is cached before it is filled so cycles end. */
function strip(node: SchemaNode): SchemaNode {
  const known = stripped.get(node);
  if (known) return known;
  const out: SchemaNode = {};
  stripped.set(node, out);
  // for…in also copies fields a cyclic reference inherits from its target (see builtin-schemas.ts).
  for (const k in node) (out as Record<string, unknown>)[k] = (node as Record<string, unknown>)[k];
  if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, strip(v)]));
  if (node.additionalProperties && typeof node.additionalProperties === 'object') out.additionalProperties = strip(node.additionalProperties);
  if (node.items) out.items = withoutKeyDefaults(strip(node.items), node['x-kubernetes-list-map-keys'] ?? []);
  return out;
}

function withoutKeyDefaults(items: SchemaNode, keys: string[]): SchemaNode {
  if (!items.properties || !keys.some((k) => items.properties?.[k]?.default !== undefined)) return items;
  const properties = { ...items.properties };
  for (const k of keys) {
    if (properties[k]?.default === undefined) continue;
    const { default: _dropped, ...rest } = properties[k];
    properties[k] = rest;
  }
  return { ...items, properties };
}
