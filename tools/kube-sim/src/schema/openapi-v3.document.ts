import { createHash } from 'node:crypto';
import type { CustomSchema } from '../cluster/cluster-schemas';
import { ResourceType } from '../registry/resource-type';
import type { Definition } from './builtin-definitions.generator';
import { builtinDefinitions, OBJECT_META } from './builtin-schemas';
import { customDefinition, customDefinitionName } from './custom-definitions';
import { definitionPrefix, moduleOf } from './definition-names';
import { resourcePaths } from './openapi-paths';

/** One serialised OpenAPI document and the hash clients cache it by. */
export interface OpenApiDocument {
  json: string;
  hash: string;
}

const COMPONENT = '#/components/schemas/';

export function documentOf(doc: object): OpenApiDocument {
  const json = JSON.stringify(doc);
  return { json, hash: createHash('sha512').update(json).digest('hex').slice(0, 128).toUpperCase() };
}

/** Rewrites a v2 definition for v3 as upstream does: component refs, wrapped in `allOf` when the ref has siblings. */
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

/** The built-in definitions reachable from `roots`, following `$ref`s. */
export function definitionClosure(roots: string[]): string[] {
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

export const builtinDefinitionName = (t: { group: string; version: string; kind: string }): string => `${definitionPrefix(moduleOf(t.group, t.version))}.${t.kind}`;

/** Builds the `/openapi/v3/<api|apis/group>/<version>` document for one group version. */
export function openApiV3Document(resources: ResourceType[], custom: CustomSchema[]): OpenApiDocument {
  const defs = builtinDefinitions().definitions;
  const kinds = new Map(resources.filter((t) => !t.custom).map((t) => [builtinDefinitionName(t), t]));
  const schemas: Record<string, Definition> = {};
  for (const name of definitionClosure([...kinds.keys(), ...(custom.length ? [OBJECT_META] : [])])) {
    const converted = toV3(defs[name]);
    const t = kinds.get(name);
    if (t) converted['x-kubernetes-group-version-kind'] = [{ group: t.group, kind: t.kind, version: t.version }];
    schemas[name] = converted;
  }
  for (const c of custom) schemas[customDefinitionName(c)] = customDefinition(c, COMPONENT, true);
  const customNames = new Map(custom.map((c) => [c.gvk.kind, customDefinitionName(c)]));
  const ref = (t: ResourceType): string => COMPONENT + (t.custom ? (customNames.get(t.kind) ?? t.kind) : builtinDefinitionName(t));
  return documentOf({ openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths: resourcePaths('v3', resources, ref), components: { schemas } });
}
