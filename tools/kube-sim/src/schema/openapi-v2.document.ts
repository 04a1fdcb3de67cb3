import type { CustomSchema } from '../cluster/cluster-schemas';
import { ResourceType } from '../registry/resource-type';
import type { Definition } from './builtin-definitions.generator';
import { builtinDefinitions } from './builtin-schemas';
import { customDefinition, customDefinitionName } from './custom-definitions';
import { resourcePaths } from './openapi-paths';
import { builtinDefinitionName, documentOf, OpenApiDocument } from './openapi-v3.document';

const DEFINITION = '#/definitions/';

let builtinPart: { paths: Record<string, unknown>; definitions: Record<string, Definition> } | undefined;

/** Built-in paths and definitions are the same in every simulated cluster: made once per process. */
function builtin(resources: ResourceType[]): NonNullable<typeof builtinPart> {
  if (builtinPart) return builtinPart;
  const definitions: Record<string, Definition> = { ...builtinDefinitions().definitions };
  for (const t of resources) {
    const name = builtinDefinitionName(t);
    const def = definitions[name];
    if (def && !def['x-kubernetes-group-version-kind']) definitions[name] = { ...def, 'x-kubernetes-group-version-kind': [{ group: t.group, kind: t.kind, version: t.version }] };
  }
  builtinPart = { paths: resourcePaths('v2', resources, (t) => DEFINITION + builtinDefinitionName(t)), definitions };
  return builtinPart;
}

/** The swagger 2.0 document of `/openapi/v2`: every served resource and every definition. */
export function openApiV2Document(resources: ResourceType[], custom: CustomSchema[]): OpenApiDocument {
  const base = builtin(resources.filter((t) => !t.custom));
  const definitions = { ...base.definitions };
  for (const c of custom) definitions[customDefinitionName(c)] = customDefinition(c, DEFINITION, false);
  const names = new Map(custom.map((c) => [`${c.gvk.group}/${c.gvk.version}/${c.gvk.kind}`, customDefinitionName(c)]));
  const customPaths = resourcePaths('v2', resources.filter((t) => t.custom), (t) => DEFINITION + (names.get(`${t.group}/${t.version}/${t.kind}`) ?? t.kind));
  return documentOf({ swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths: { ...base.paths, ...customPaths }, definitions });
}
