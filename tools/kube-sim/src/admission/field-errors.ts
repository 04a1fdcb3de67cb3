import { StatusCause } from '../api/status-error';

/**
 * Causes worded as apimachinery 1.32's field.Error renders them: `Required value: <detail>`,
 * `Invalid value: <value>: <detail>`, `Unsupported value: "x": supported values: "a", "b"`.
 */
export const required = (field: string, detail = ''): StatusCause => ({ reason: 'FieldValueRequired', field, message: withDetail('Required value', detail) });

export const forbidden = (field: string, detail = ''): StatusCause => ({ reason: 'FieldValueForbidden', field, message: withDetail('Forbidden', detail) });

/** `value` is already rendered (use `quote`, `goMap`, `goLabelSelector` or a number). */
export const invalid = (field: string, value: string | number | boolean, detail: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  field,
  message: withDetail(`Invalid value: ${String(value)}`, detail),
});

export const notSupported = (field: string, value: string, supported: string[]): StatusCause => ({
  reason: 'FieldValueNotSupported',
  field,
  message: withDetail(`Unsupported value: ${quote(value)}`, supported.length ? `supported values: ${supported.map(quote).join(', ')}` : ''),
});

export const duplicate = (field: string, value: string): StatusCause => ({ reason: 'FieldValueDuplicate', field, message: `Duplicate value: ${quote(value)}` });

export const notFound = (field: string, value: string): StatusCause => ({ reason: 'FieldValueNotFound', field, message: `Not found: ${quote(value)}` });

/** ValidateImmutableField's cause. */
export const immutable = (field: string, value: string | number | boolean): StatusCause => invalid(field, value, 'field is immutable');

const withDetail = (head: string, detail: string): string => (detail ? `${head}: ${detail}` : head);

/** A scalar as text; anything else as JSON, never `[object Object]`. */
export const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v == null ? '' : JSON.stringify(v);

/** Go's %q for the ASCII strings kube prints. */
export const quote = (s: unknown): string => JSON.stringify(text(s));

/** Go's %#v of a map[string]string: keys sorted, `map[string]string(nil)` for nil. */
export function goMap(m: unknown): string {
  if (!m || typeof m !== 'object') return 'map[string]string(nil)';
  const entries = Object.entries(m as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[string]string{${entries.map(([k, v]) => `${quote(k)}:${quote(v)}`).join(', ')}}`;
}

/** Go's %#v of a []string. */
export const goStrings = (list: unknown): string =>
  Array.isArray(list) ? `[]string{${list.map(quote).join(', ')}}` : '[]string(nil)';

/** Go's %#v of a metav1.LabelSelector, as in `spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable`. */
export function goLabelSelector(sel: any): string {
  const exprs = Array.isArray(sel?.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${(sel.matchExpressions as any[])
        .map((e) => `v1.LabelSelectorRequirement{Key:${quote(e.key)}, Operator:${quote(e.operator)}, Values:${goStrings(e.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goMap(sel?.matchLabels)}, MatchExpressions:${exprs}}`;
}

/** Go's %#v of an intstr.IntOrString, as kube prints maxSurge, maxUnavailable or minAvailable in errors. */
export const goIntOrString = (v: unknown): string =>
  typeof v === 'string' ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${quote(v)}}` : `intstr.IntOrString{Type:0, IntVal:${Number(v ?? 0)}, StrVal:""}`;

/** A JSON-ish rendering for values whose Go form would carry pointers kube itself prints as addresses. */
export const shortValue = (v: unknown): string => JSON.stringify(v ?? null);

/** Non-negative integer check, `must be greater than or equal to 0`. */
export function nonNegative(value: unknown, field: string): StatusCause[] {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, 'must be greater than or equal to 0')] : [];
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** IsDNS1123Label's messages. */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) {
    errs.push("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
  }
  return errs;
}

/** IsDNS1123Subdomain's messages. */
export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errs.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
  }
  return errs;
}

/** IsDNS1035Label's messages (CRD names and versions). */
export function dns1035LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1035_LABEL.test(value)) {
    errs.push("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
  }
  return errs;
}

/** IsValidPortName's messages (IANA service names). */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** IsValidPortNum's check, as a cause. */
export function portNumber(value: unknown, field: string): StatusCause[] {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) return [];
  return [invalid(field, typeof value === 'number' ? value : quote(value), 'must be between 1 and 65535, inclusive')];
}
