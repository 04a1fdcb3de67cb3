import { StatusCause } from '../api/status-error';
import { KubeObject } from '../store/kube-object';
import { KindAdmission } from './admission';
import { dns1035LabelErrors, dns1123SubdomainErrors, immutable, invalid, notSupported, quote, required, shortValue } from './field-errors';

type Json = Record<string, any>;

const SCOPES = ['Cluster', 'Namespaced'];

/**
 * An apiextensions.k8s.io/v1beta1 spec (served until 1.21) in v1's shape, as the API server's
 * conversion stores it: the top-level version, validation, subresources and printer columns move
 * into each version, and preserveUnknownFields (true by default in v1beta1) keeps unknown fields.
 */
function fromV1beta1(spec: Json): void {
  const versions = (spec.versions ?? (spec.version ? [{ name: spec.version, served: true, storage: true }] : [])) as Json[];
  const preserve = spec.preserveUnknownFields ?? true;
  const rootSchema = (spec.validation?.openAPIV3Schema as Json | undefined) ?? { type: 'object' };
  spec.versions = versions.map((v) => {
    const schema = { ...((v.schema?.openAPIV3Schema as Json | undefined) ?? rootSchema) };
    if (preserve) schema['x-kubernetes-preserve-unknown-fields'] = true;
    const columns = (v.additionalPrinterColumns ?? spec.additionalPrinterColumns) as Json[] | undefined;
    const subresources = v.subresources ?? spec.subresources;
    return {
      name: v.name,
      served: v.served ?? true,
      storage: v.storage ?? false,
      schema: { openAPIV3Schema: schema },
      ...(subresources ? { subresources } : {}),
      ...(columns ? { additionalPrinterColumns: columns.map(({ JSONPath, ...c }) => ({ ...c, jsonPath: JSONPath })) } : {}),
    };
  });
  for (const k of ['version', 'validation', 'subresources', 'additionalPrinterColumns', 'preserveUnknownFields']) delete spec[k];
}

/** SetDefaults_CustomResourceDefinition(Spec), and the storedVersions the strategy records on create. */
function defaultCrd(obj: KubeObject, creating: boolean): void {
  const spec = (obj.spec ??= {}) as Json;
  if (obj.apiVersion === 'apiextensions.k8s.io/v1beta1') fromV1beta1(spec);
  const names = (spec.names ??= {});
  if (!names.singular && names.kind) names.singular = String(names.kind).toLowerCase();
  if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
  spec.conversion ??= { strategy: 'None' };
  const service = spec.conversion.webhook?.clientConfig?.service as Json | undefined;
  if (service) service.port ??= 443;
  const storage = ((spec.versions ?? []) as Json[]).find((v) => v.storage === true);
  if (!creating) return;
  // The status struct's acceptedNames has required fields, so a new CRD is served with them empty.
  obj.status = { acceptedNames: { kind: '', plural: '' }, storedVersions: storage ? [storage.name] : [], ...((obj.status ?? {}) as Json) };
}

function validateNames(names: Json): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const f of ['plural', 'singular'] as const) {
    if (names[f]) for (const msg of dns1035LabelErrors(String(names[f]))) causes.push(invalid(`spec.names.${f}`, quote(names[f]), msg));
  }
  for (const f of ['kind', 'listKind'] as const) {
    const errs = names[f] ? dns1035LabelErrors(String(names[f]).toLowerCase()) : [];
    if (errs.length) causes.push(invalid(`spec.names.${f}`, quote(names[f]), `may have mixed case, but should otherwise match: ${errs.join(',')}`));
  }
  if (names.kind && names.kind === names.listKind) causes.push(invalid('spec.names.listKind', quote(names.listKind), 'kind and listKind may not be the same'));
  for (const f of ['plural', 'singular', 'kind', 'listKind']) if (!names[f]) causes.push(required(`spec.names.${f}`));
  return causes;
}

function validateVersions(versions: Json[]): StatusCause[] {
  const causes: StatusCause[] = [];
  const seen = new Set<string>();
  let unique = true;
  versions.forEach((v, i) => {
    const at = `spec.versions[${i}]`;
    if (seen.has(v.name)) unique = false;
    seen.add(v.name);
    for (const msg of dns1035LabelErrors(String(v.name ?? ''))) causes.push(invalid(`${at}.name`, quote(v.name ?? ''), msg));
    const schema = v.schema?.openAPIV3Schema as Json | undefined;
    if (!schema) causes.push(required(`${at}.schema.openAPIV3Schema`, 'schemas are required'));
    else if (!schema.type) causes.push(required(`${at}.schema.openAPIV3Schema.type`, 'must not be empty at the root'));
    else if (schema.type !== 'object') causes.push(invalid(`${at}.schema.openAPIV3Schema.type`, quote(schema.type), 'must be object at the root'));
  });
  const rendered = shortValue(versions.map((v) => v.name));
  if (!unique) causes.push(invalid('spec.versions', rendered, 'must contain unique version names'));
  if (versions.filter((v) => v.storage === true).length !== 1) causes.push(invalid('spec.versions', rendered, 'must have exactly one version marked as storage version'));
  return causes;
}

function validateCrd(obj: KubeObject): StatusCause[] {
  const spec = (obj.spec ?? {}) as Json;
  const causes: StatusCause[] = [];
  const name = obj.metadata.name ?? '';
  if (name !== `${spec.names?.plural ?? ''}.${spec.group ?? ''}`) causes.push(invalid('metadata.name', quote(name), 'must be spec.names.plural+"."+spec.group'));
  if (!spec.group) causes.push(required('spec.group'));
  else {
    const errs = dns1123SubdomainErrors(String(spec.group));
    if (errs.length) causes.push(invalid('spec.group', quote(spec.group), errs.join(',')));
    else if (!String(spec.group).includes('.')) causes.push(invalid('spec.group', quote(spec.group), 'should be a domain with at least one dot'));
  }
  if (!spec.scope) causes.push(required('spec.scope'));
  else if (!SCOPES.includes(spec.scope)) causes.push(notSupported('spec.scope', spec.scope, SCOPES));
  causes.push(...validateVersions((spec.versions ?? []) as Json[]), ...validateNames((spec.names ?? {}) as Json));
  return causes;
}

export const crdAdmission: KindAdmission = {
  defaults: (obj, _ctx, old) => defaultCrd(obj, !old),
  validate(obj, old) {
    const causes = validateCrd(obj);
    const spec = (obj.spec ?? {}) as Json;
    const prev = (old?.spec ?? undefined) as Json | undefined;
    if (prev && prev.scope !== spec.scope) causes.push(immutable('spec.scope', quote(spec.scope)));
    return causes;
  },
};
