import { StatusCause } from '../api/status-error';
import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Kinds whose names must be DNS-1123 labels (63 chars, no dots) rather than subdomains. */
const LABEL_NAMED = new Set(['Namespace', 'Service']);

/** RBAC objects only need names usable as a URL path segment (`system:discovery` is valid). */
const PATH_SEGMENT_NAMED = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** Metadata rules every kind shares: name format, label keys and values. */
export function validateObjectMeta(t: ResourceType, obj: KubeObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const name = obj.metadata.name ?? '';
  if (!name) {
    causes.push({ reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' });
  } else if (PATH_SEGMENT_NAMED.has(t.kind) && t.group === 'rbac.authorization.k8s.io') {
    if (name === '.' || name === '..' || /[/%]/.test(name)) causes.push(invalidName(name, `may not ${name.length <= 2 && /^\.+$/.test(name) ? `be '${name}'` : "contain '/' or '%'"}`));
  } else if (LABEL_NAMED.has(t.kind) && !t.custom) {
    if (name.length > 63 || !DNS1123_LABEL.test(name)) causes.push(invalidName(name, dns1123LabelMessage));
  } else if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    causes.push(invalidName(name, dns1123SubdomainMessage));
  }
  for (const [key, value] of Object.entries(obj.metadata.labels ?? {})) {
    const keyError = qualifiedNameError(key);
    if (keyError) causes.push({ reason: 'FieldValueInvalid', field: 'metadata.labels', message: `Invalid value: "${key}": ${keyError}` });
    if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'metadata.labels',
        message: `Invalid value: "${String(value)}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      });
    }
  }
  for (const key of Object.keys(obj.metadata.annotations ?? {})) {
    const keyError = qualifiedNameError(key);
    if (keyError) causes.push({ reason: 'FieldValueInvalid', field: 'metadata.annotations', message: `Invalid value: "${key}": ${keyError}` });
  }
  return causes;
}

const dns1123SubdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const dns1123LabelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

function invalidName(name: string, why: string): StatusCause {
  return { reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": ${why}` };
}

function qualifiedNameError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a qualified name must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character';
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) return `prefix part ${dns1123SubdomainMessage}`;
  if (!name || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  }
  return undefined;
}
