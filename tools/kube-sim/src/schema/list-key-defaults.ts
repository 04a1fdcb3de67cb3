import { resolveDefinition } from './builtin-schemas';
import { GroupVersionKind, SchemaNode, SchemaSource } from './schema-node';

/** Where the schema of a kind comes from, and whether a CRD rather than a built-in type serves it. */
export interface KindSchemas extends SchemaSource {
  customIn(group: string, version: string): Array<{ gvk: GroupVersionKind }>;
}

/**
 * Built-in schemas as server-side apply saw them in an older minor: the key fields of associative
 * lists of the named item definitions carry no default (1.20: a Service's `ports[].protocol`), so
 * an applied item without the key is refused rather than keyed by the default. Custom kinds keep
 * their CRD's schema untouched.
 */
export function withoutListKeyDefaults(schemas: KindSchemas, itemDefinitions: string[]): SchemaSource {
  if (!itemDefinitions.length) return schemas;
  const targets = new Set(itemDefinitions.map(resolveDefinition));
  const stripped = new Map<SchemaNode, SchemaNode>();
  return {
    forKind(gvk) {
      const schema = schemas.forKind(gvk);
      if (!schema || schemas.customIn(gvk.group, gvk.version).some((c) => c.gvk.kind === gvk.kind)) return schema;
      return strip(schema, targets, stripped);
    },
  };
}

/** Copies a (possibly cyclic) schema graph; a copy is cached before it is filled so cycles end. */
function strip(node: SchemaNode, targets: Set<SchemaNode>, stripped: Map<SchemaNode, SchemaNode>): SchemaNode {
  const known = stripped.get(node);
  if (known) return known;
  const out: SchemaNode = {};
  stripped.set(node, out);
  // for…in also copies fields a cyclic reference inherits from its target (see builtin-schemas.ts).
  for (const k in node) (out as Record<string, unknown>)[k] = (node as Record<string, unknown>)[k];
  if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, strip(v, targets, stripped)]));
  if (node.additionalProperties && typeof node.additionalProperties === 'object') out.additionalProperties = strip(node.additionalProperties, targets, stripped);
  if (node.items) {
    const items = strip(node.items, targets, stripped);
    out.items = targets.has(node.items) ? withoutKeyDefaults(items, node['x-kubernetes-list-map-keys'] ?? []) : items;
  }
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
