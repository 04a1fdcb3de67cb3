import { ResourceType } from '../registry/resource-type';

/** Swagger 2.0 (`/openapi/v2`) or OpenAPI 3.0 (`/openapi/v3/...`): parameters and bodies differ. */
export type OpenApiFlavor = 'v2' | 'v3';

const DESCRIPTIONS: Record<string, string> = {
  dryRun: 'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed',
  fieldManager: 'fieldManager is a name associated with the actor or entity that is making these changes.',
  fieldValidation: 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: Ignore, Warn (default) and Strict.',
  force: 'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people.',
  pretty: "If 'true', then the output is pretty printed.",
};

function param(flavor: OpenApiFlavor, name: string, type = 'string', where = 'query', required = false): Record<string, unknown> {
  const base = { name, in: where, description: DESCRIPTIONS[name] ?? name, uniqueItems: true, ...(required ? { required } : {}) };
  return flavor === 'v2' ? { ...base, type } : { name, in: where, description: base.description, ...(required ? { required } : {}), schema: { type, uniqueItems: true } };
}

/** kubectl looks for `fieldValidation` here to decide whether the server validates fields itself. */
const writeParams = (f: OpenApiFlavor) => [param(f, 'dryRun'), param(f, 'fieldManager'), param(f, 'fieldValidation')];

const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];
/**
 * Custom resources take no strategic merge patch, and their PATCH operations say so
 * (apiextensions-apiserver controller/openapi/builder: buildRoute): kubectl apply reads this to
 * send a JSON merge patch instead.
 */
const CUSTOM_PATCH_TYPES = PATCH_TYPES.filter((m) => m !== 'application/strategic-merge-patch+json');

/** The operations of one served resource, as kube-apiserver lists them in its OpenAPI documents. */
export function resourcePaths(flavor: OpenApiFlavor, resources: ResourceType[], schemaRef: (t: ResourceType) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of resources) {
    if (t.virtual) continue;
    const gvk = { group: t.group, version: t.version, kind: t.kind };
    const ref = { $ref: schemaRef(t) };
    const body = flavor === 'v2' ? { parameters: [{ name: 'body', in: 'body', required: true, schema: ref }] } : { requestBody: { content: { '*/*': { schema: ref } }, required: true } };
    const ok = flavor === 'v2' ? { '200': { description: 'OK', schema: ref } } : { '200': { description: 'OK', content: { 'application/json': { schema: ref } } } };
    const op = (action: string, verb: string, extra: Record<string, unknown> = {}) => ({
      description: `${verb} ${t.kind}`,
      operationId: `${verb}${t.group ? t.group.split('.')[0] : 'Core'}${t.version}${t.namespaced ? 'Namespaced' : ''}${t.kind}`,
      tags: [t.group ? `${t.group.split('.')[0]}_${t.version}` : `core_${t.version}`],
      responses: ok,
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
      ...extra,
    });
    const write = (action: string, verb: string) => {
      const o = op(action, verb, body);
      const bodyParams = (o as { parameters?: unknown[] }).parameters ?? [];
      return { ...o, parameters: [...bodyParams, ...writeParams(flavor)] };
    };
    const patchTypes = t.custom ? CUSTOM_PATCH_TYPES : PATCH_TYPES;
    const patch = { ...op('patch', 'patch'), ...(flavor === 'v2' ? { consumes: patchTypes, parameters: [{ name: 'body', in: 'body', required: true, schema: { type: 'object' } }, ...writeParams(flavor), param(flavor, 'force', 'boolean')] } : { requestBody: { content: Object.fromEntries(patchTypes.map((m) => [m, { schema: { type: 'object' } }])), required: true }, parameters: [...writeParams(flavor), param(flavor, 'force', 'boolean')] }) };
    const base = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
    const collection = `${base}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`;
    const scope = [...(t.namespaced ? [param(flavor, 'namespace', 'string', 'path', true)] : []), param(flavor, 'pretty')];
    out[collection] = { get: op('list', 'list'), post: write('post', 'create'), delete: op('deletecollection', 'deletecollection'), parameters: scope };
    out[`${collection}/{name}`] = { get: op('get', 'read'), put: write('put', 'replace'), patch, delete: op('delete', 'delete', { parameters: [param(flavor, 'dryRun')] }), parameters: [param(flavor, 'name', 'string', 'path', true), ...scope] };
    if (t.subresources.includes('status')) out[`${collection}/{name}/status`] = { get: op('get', 'readStatus'), put: write('put', 'replaceStatus'), patch, parameters: [param(flavor, 'name', 'string', 'path', true), ...scope] };
  }
  return out;
}
