// Strategic merge patch metadata (patch strategy and merge key per field), read from a cluster's
// OpenAPI v2 definitions as kubectl does: only x-kubernetes-patch-strategy and -merge-key count.
import { isRecord, type JsonRecord } from '../object/json-value';

export interface PatchMeta {
  /** From `x-kubernetes-patch-strategy`, split on commas: `merge`, `replace`, `retainKeys`. */
  strategies: string[];
  /** From `x-kubernetes-patch-merge-key`: how items of a merged list of objects are matched. */
  mergeKey?: string;
}

export interface PatchSchema {
  /** The metadata of field `key` of this object and the schema of its value (of its items, for a list). */
  lookup(key: string): { meta: PatchMeta; schema: PatchSchema };
}

const NO_META: PatchMeta = { strategies: [] };

/** No metadata: every list is replaced whole and every map is merged (as for a type nothing is known of). */
export const NO_PATCH_SCHEMA: PatchSchema = { lookup: () => ({ meta: NO_META, schema: NO_PATCH_SCHEMA }) };

export type OpenApiDefinitions = Record<string, unknown>;

const REF_PREFIX = '#/definitions/';

function resolve(definitions: OpenApiDefinitions, node: unknown, depth = 0): JsonRecord | undefined {
  if (!isRecord(node) || depth > 16) return undefined;
  const ref = typeof node.$ref === 'string' ? node.$ref : isRecord((node.allOf as unknown[] | undefined)?.[0]) ? (node.allOf as JsonRecord[])[0].$ref : undefined;
  if (typeof ref === 'string' && ref.startsWith(REF_PREFIX)) return resolve(definitions, definitions[ref.slice(REF_PREFIX.length)], depth + 1);
  return node;
}

function metaOf(field: JsonRecord): PatchMeta {
  const strategy = field['x-kubernetes-patch-strategy'];
  const mergeKey = field['x-kubernetes-patch-merge-key'];
  return {
    strategies: typeof strategy === 'string' && strategy ? strategy.split(',').map((s) => s.trim()) : [],
    ...(typeof mergeKey === 'string' && mergeKey ? { mergeKey } : {}),
  };
}

function schemaOf(definitions: OpenApiDefinitions, node: JsonRecord | undefined): PatchSchema {
  if (!node) return NO_PATCH_SCHEMA;
  return {
    lookup(key) {
      const props = isRecord(node.properties) ? node.properties : {};
      const field = isRecord(props[key]) ? props[key] : isRecord(node.additionalProperties) ? node.additionalProperties : undefined;
      if (!field) return { meta: NO_META, schema: NO_PATCH_SCHEMA };
      const value = resolve(definitions, field);
      const inner = value?.type === 'array' ? resolve(definitions, value.items) : value;
      return { meta: metaOf(field), schema: schemaOf(definitions, inner) };
    },
  };
}

/** The patch schema of one definition of an OpenAPI v2 document's `definitions`. */
export function patchSchemaFromOpenApi(definitions: OpenApiDefinitions, name: string): PatchSchema {
  return schemaOf(definitions, resolve(definitions, definitions[name]));
}

/** The name of the definition that carries `x-kubernetes-group-version-kind` for this kind, if any. */
export function openApiDefinitionOf(definitions: OpenApiDefinitions, apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  for (const [name, def] of Object.entries(definitions)) {
    const gvks = isRecord(def) ? def['x-kubernetes-group-version-kind'] : undefined;
    if (Array.isArray(gvks) && gvks.some((g) => isRecord(g) && (g.group ?? '') === group && g.version === version && g.kind === kind)) return name;
  }
  return undefined;
}
