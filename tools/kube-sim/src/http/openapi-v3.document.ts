import { createHash } from 'node:crypto';
import { CustomSchema } from '../cluster/cluster-schemas';
import { ResourceType } from '../registry/resource-type';
import type { Definition } from '../schema/builtin-definitions.generator';
import { builtinDefinitions, OBJECT_META } from '../schema/builtin-schemas';
import { definitionPrefix, moduleOf } from '../schema/definition-names';

/** One group version's OpenAPI v3 document, serialised once, with the hash clients cache it by. */
export interface OpenApiV3Document {
  json: string;
  hash: string;
}

const COMPONENT = '#/components/schemas/';
const QUERY = (name: string, description: string) => ({ name, in: 'query', description, schema: { type: 'string', uniqueItems: true } });
const WRITE_PARAMS = [QUERY('dryRun', 'When present, indicates that modifications should not be persisted.'), QUERY('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.'), QUERY('fieldValidation', 'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields.')];
const PATCH_PARAMS = [...WRITE_PARAMS, { name: 'force', in: 'query', description: 'Force is going to "force" Apply requests.', schema: { type: 'boolean', uniqueItems: true } }];

/** Rewrites a v2 definition for v3: component refs, and `allOf` around refs that carry a description. */
function toV3(def: Definition): Definition {
  if (typeof def.$ref === 'string') {
    const target = { $ref: COMPONENT + def.$ref.slice(def.$ref.lastIndexOf('/') + 1) };
    const rest = { ...def };
    delete rest.$ref;
    return Object.keys(rest).length ? { ...rest, allOf: [target] } : target;
  }
  const out: Definition = { ...def };
  if (def.properties) out.properties = Object.fromEntries(Object.entries(def.properties as Record<string, Definition>).map(([k, v]) => [k, toV3(v)]));
  if (def.items) out.items = toV3(def.items as Definition);
  if (def.additionalProperties && typeof def.additionalProperties === 'object') out.additionalProperties = toV3(def.additionalProperties as Definition);
  return out;
}

/** The definitions reachable from `roots`, following `$ref`s. */
function closure(roots: string[]): string[] {
  const defs = builtinDefinitions().definitions;
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || !defs[name]) return;
    seen.add(name);
    JSON.stringify(defs[name], (k, v: unknown) => {
      if (k === '$ref' && typeof v === 'string') visit(v.slice(v.lastIndexOf('/') + 1));
      return v;
    });
  };
  roots.forEach(visit);
  return [...seen].sort();
}

function customComponentName(c: CustomSchema): string {
  return `${c.gvk.group.split('.').reverse().join('.')}.${c.gvk.version}.${c.gvk.kind}`;
}

function paths(resources: ResourceType[], schemaName: (t: ResourceType) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of resources) {
    if (t.virtual) continue;
    const gvk = { group: t.group, version: t.version, kind: t.kind };
    const base = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
    const collection = `${base}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`;
    const body = { content: { 'application/json': { schema: { $ref: COMPONENT + schemaName(t) } } }, required: true };
    const op = (action: string, extra: object = {}) => ({ operationId: `${action}${t.kind}`, tags: [t.group || 'core'], 'x-kubernetes-action': action, 'x-kubernetes-group-version-kind': gvk, responses: { '200': { description: 'OK' } }, ...extra });
    out[collection] = { get: op('list'), post: op('post', { parameters: WRITE_PARAMS, requestBody: body }), delete: op('deletecollection') };
    out[`${collection}/{name}`] = {
      get: op('get'),
      put: op('put', { parameters: WRITE_PARAMS, requestBody: body }),
      patch: op('patch', { parameters: PATCH_PARAMS, requestBody: { content: { 'application/merge-patch+json': { schema: { type: 'object' } } }, required: true } }),
      delete: op('delete', { parameters: WRITE_PARAMS.slice(0, 1) }),
      parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } }, ...(t.namespaced ? [{ name: 'namespace', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } }] : [])],
    };
    if (t.subresources.includes('status')) out[`${collection}/{name}/status`] = { get: op('get'), put: op('put', { parameters: WRITE_PARAMS, requestBody: body }), patch: op('patch', { parameters: PATCH_PARAMS }) };
  }
  return out;
}

/** Builds the `/openapi/v3/<api|apis/group>/<version>` document for one group version. */
export function openApiV3Document(resources: ResourceType[], custom: CustomSchema[]): OpenApiV3Document {
  const defs = builtinDefinitions().definitions;
  const builtin = resources.filter((t) => !t.custom);
  const prefix = (t: ResourceType): string => definitionPrefix(moduleOf(t.group, t.version));
  const kindNames = new Map(builtin.map((t) => [`${prefix(t)}.${t.kind}`, t]));
  const names = closure([...kindNames.keys(), ...(custom.length ? [OBJECT_META] : [])]);
  const schemas: Record<string, Definition> = {};
  for (const name of names) {
    const converted = toV3(defs[name]);
    const t = kindNames.get(name);
    if (t) converted['x-kubernetes-group-version-kind'] = [{ group: t.group, kind: t.kind, version: t.version }];
    schemas[name] = converted;
  }
  for (const c of custom) {
    const schema = JSON.parse(JSON.stringify(c.schema, (k, v: unknown) => (k === 'metadata' ? undefined : v))) as Definition;
    (schema.properties as Record<string, Definition>).metadata = { allOf: [{ $ref: COMPONENT + OBJECT_META }], description: "Standard object's metadata." };
    schemas[customComponentName(c)] = schema;
  }
  const byKind = new Map(custom.map((c) => [c.gvk.kind, customComponentName(c)]));
  const doc = {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: paths(resources, (t) => (t.custom ? (byKind.get(t.kind) ?? t.kind) : `${prefix(t)}.${t.kind}`)),
    components: { schemas },
  };
  const json = JSON.stringify(doc);
  return { json, hash: createHash('sha512').update(json).digest('hex').slice(0, 128).toUpperCase() };
}
