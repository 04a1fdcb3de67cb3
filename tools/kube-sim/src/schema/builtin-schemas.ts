import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltinDefinitions, Definition } from './builtin-definitions.generator';
import { SchemaNode } from './schema-node';

export const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

let loaded: BuiltinDefinitions | undefined;
const resolved = new Map<string, SchemaNode>();

/** The generated definitions, read once per process and shared by every simulated cluster. */
export function builtinDefinitions(): BuiltinDefinitions {
  loaded ??= JSON.parse(readFileSync(join(__dirname, '../../openapi/builtin-definitions.json'), 'utf8')) as BuiltinDefinitions;
  return loaded;
}

const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

/**
 * A definition as a SchemaNode tree with references resolved into shared objects. A node is
 * cached before its fields are filled, so recursive definitions (JSONSchemaProps) terminate.
 */
export function resolveDefinition(name: string): SchemaNode {
  const known = resolved.get(name);
  if (known) return known;
  const def = builtinDefinitions().definitions[name];
  if (!def) throw new Error(`kube-sim: no OpenAPI definition ${name}`);
  const node: SchemaNode = {};
  resolved.set(name, node);
  Object.assign(node, convert(def));
  return node;
}

function convert(def: Definition): SchemaNode {
  if (typeof def.$ref === 'string') {
    const target = resolveDefinition(refName(def.$ref));
    // Field-level facts beside the ref (patch strategy, v3 `default: {}`) overlay the shared target.
    const extensions = Object.keys(def).filter((k) => k.startsWith('x-kubernetes-') || k === 'default');
    if (!extensions.length) return target;
    // A target still being resolved (a cycle) is empty: inherit from it rather than copy it.
    return Object.keys(target).length ? { ...target, ...pick(def, extensions) } : Object.assign(Object.create(target) as SchemaNode, pick(def, extensions));
  }
  const node = { ...def } as SchemaNode & Record<string, unknown>;
  delete node.description;
  if (def.properties) node.properties = Object.fromEntries(Object.entries(def.properties as Record<string, Definition>).map(([k, v]) => [k, convert(v)]));
  if (def.items) node.items = convert(def.items as Definition);
  if (def.additionalProperties && typeof def.additionalProperties === 'object') node.additionalProperties = convert(def.additionalProperties as Definition);
  return node;
}

function pick(def: Definition, keys: string[]): Partial<SchemaNode> {
  return Object.fromEntries(keys.map((k) => [k, def[k]]));
}
