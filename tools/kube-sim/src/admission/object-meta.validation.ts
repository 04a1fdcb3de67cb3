import { StatusCause } from '../api/status-error';
import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';
import { dns1035LabelErrors, dns1123LabelErrors, dns1123SubdomainErrors, invalid, quote } from './field-errors';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Names checked by Go's NameIsDNSLabel (Namespace) and NameIsDNS1035Label (Service); the rest are subdomains. */
const NAME_RULES: Record<string, (name: string) => string[]> = { Namespace: dns1123LabelErrors, Service: dns1035LabelErrors };

/** RBAC objects only need names usable as a URL path segment (`system:discovery` is valid). */
const PATH_SEGMENT_NAMED = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/**
 * Metadata rules every kind shares: name format, label keys and values, annotation keys. Like
 * apimachinery's validators, each failed rule is its own cause (`must be no more than 63
 * characters` apart from the pattern message).
 */
export function validateObjectMeta(t: ResourceType, obj: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const name = obj.metadata.name ?? '';
  if (!name) {
    causes.push({ reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' });
  } else if (PATH_SEGMENT_NAMED.has(t.kind) && t.group === 'rbac.authorization.k8s.io') {
    if (name === '.' || name === '..' || /[/%]/.test(name)) causes.push(invalidName(name, `may not ${name.length <= 2 && /^\.+$/.test(name) ? `be '${name}'` : "contain '/' or '%'"}`));
  } else {
    const rule = (!t.custom && t.group === '' && NAME_RULES[t.kind]) || dns1123SubdomainErrors;
    causes.push(...rule(name).map((msg) => invalidName(name, msg)));
  }
  for (const [key, value] of Object.entries(obj.metadata.labels ?? {})) {
    for (const msg of qualifiedNameErrors(key)) causes.push(invalid('metadata.labels', quote(key), msg));
    for (const msg of labelValueErrors(value)) causes.push(invalid('metadata.labels', quote(value), msg));
  }
  for (const key of Object.keys(obj.metadata.annotations ?? {})) {
    for (const msg of qualifiedNameErrors(key.toLowerCase())) causes.push(invalid('metadata.annotations', quote(key), msg));
  }
  return causes;
}

const QUALIFIED_NAME_MESSAGE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function invalidName(name: string, why: string): StatusCause {
  return invalid('metadata.name', quote(name), why);
}

/** IsValidLabelValue's messages. */
function labelValueErrors(value: unknown): string[] {
  const v = typeof value === 'string' ? value : String(value);
  const errs: string[] = [];
  if (v.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(v)) {
    errs.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  }
  return errs;
}

/** IsQualifiedName's messages, for label and annotation keys. */
function qualifiedNameErrors(key: string): string[] {
  const parts = key.split('/');
  if (parts.length > 2) return [`a qualified name ${QUALIFIED_NAME_MESSAGE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  const errs: string[] = [];
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix === '') errs.push('prefix part must be non-empty');
  else if (prefix !== undefined) errs.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`));
  if (!name) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${QUALIFIED_NAME_MESSAGE}`);
  return errs;
}
