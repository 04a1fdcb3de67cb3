import { errors, StatusCause, StatusError } from '../api/status-error';
import { applyStrategicMergePatch, StrategicMergePatchError } from '../patch/strategic-merge-patch';
import { ResourceType } from '../registry/resource-type';
import { SchemaNode, SchemaSource } from '../schema/schema-node';
import { KubeObject } from '../store/kube-object';
import { KubeVersion, parseKubeVersion } from '../registry/kube-versions';
import { bodyDecodeError } from './body-decoding';
import { WriteOptions } from './request-options';
import { missingRequired, pruneNonNullableNulls } from './schema-required';

/** Metadata is validated by admission, not pruned here: its schema is shared by every kind. */
const SKIP_ROOT = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * What the API server derives from a kind's schema: unknown fields (rejected with
 * `fieldValidation=Strict`, otherwise dropped with a warning), type errors, and the
 * strategic merge patch that needs the patch strategies the schema carries.
 */
export class SchemaChecks {
  constructor(
    private readonly schemas: SchemaSource,
    private readonly version: KubeVersion = parseKubeVersion(),
  ) {}

  /** Refuses a create or update body a built-in kind's Go type could not be decoded from (400). */
  decodable(t: ResourceType, body: unknown, opts: WriteOptions): void {
    const refusal = bodyDecodeError(t, body, opts.rawBody, this.version);
    if (refusal) throw refusal;
  }

  schemaOf(t: ResourceType): SchemaNode | undefined {
    return this.schemas.forKind({ group: t.group, version: t.version, kind: t.kind });
  }

  check(t: ResourceType, obj: KubeObject, opts: WriteOptions): void {
    const schema = this.schemaOf(t);
    if (!schema?.properties) return;
    const unknown: string[] = [];
    let invalid: StatusCause[] = [];
    if (t.custom) pruneNonNullableNulls(schema, obj, SKIP_ROOT);
    for (const [k, v] of Object.entries(obj)) {
      if (SKIP_ROOT.has(k)) continue;
      const child = schema.properties[k];
      if (!child) {
        if (!schema['x-kubernetes-preserve-unknown-fields']) unknown.push(k);
        continue;
      }
      walk(child, v, k, unknown, invalid);
    }
    // Built-in kinds check required fields in admission (422 with causes), not while decoding.
    if (t.custom) invalid.push(...missingRequired(schema, obj));
    else invalid = invalid.filter((c) => c.reason !== 'FieldValueRequired');
    if (invalid.length) {
      if (t.custom) throw errors.invalid(t, obj.metadata.name ?? '', invalid);
      throw errors.badRequest(invalid.map((c) => `${c.field}: ${c.message}`).join(', '));
    }
    if (!unknown.length) return;
    const list = unknown.map((p) => `unknown field "${p}"`);
    if (opts.fieldValidation === 'Strict') throw errors.badRequest(`strict decoding error: ${list.join(', ')}`);
    prune(obj, unknown);
    if (opts.fieldValidation !== 'Ignore') opts.warnings?.push(...list);
  }

  strategicMerge(t: ResourceType, doc: KubeObject, patch: unknown): KubeObject {
    if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
      throw errors.badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
    }
    try {
      return applyStrategicMergePatch(doc, patch as Record<string, unknown>, this.schemaOf(t)) as KubeObject;
    } catch (e) {
      // kube-apiserver answers malformed directives with 400, lists of lists with 422, the rest with a bare 500.
      if (e instanceof StrategicMergePatchError) throw new StatusError(e.code, e.code === 400 ? 'BadRequest' : e.code === 422 ? 'Invalid' : '', e.message);
      throw e;
    }
  }
}

function walk(node: SchemaNode, value: unknown, path: string, unknown: string[], invalid: StatusCause[]): void {
  if (value === null || value === undefined) return;
  const typeError = typeMismatch(node, value);
  if (typeError) {
    invalid.push({ reason: 'FieldValueTypeInvalid', field: path, message: `Invalid value: ${JSON.stringify(value)}: ${path} in body must be of type ${typeError}: "${jsType(value)}"` });
    return;
  }
  if (node.enum && !node.enum.some((e) => e === value)) {
    invalid.push({ reason: 'FieldValueNotSupported', field: path, message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${node.enum.map((e) => JSON.stringify(e)).join(', ')}` });
  }
  if (Array.isArray(value)) {
    if (node.items) value.forEach((v, i) => walk(node.items!, v, `${path}[${i}]`, unknown, invalid));
    return;
  }
  if (typeof value !== 'object' || node['x-kubernetes-preserve-unknown-fields'] || node['x-kubernetes-embedded-resource']) return;
  const props = node.properties;
  const extra = node.additionalProperties;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const child = props?.[k] ?? (typeof extra === 'object' ? extra : undefined);
    if (child) walk(child, v, `${path}.${k}`, unknown, invalid);
    else if (props && extra !== true) unknown.push(`${path}.${k}`);
  }
}

function jsType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}

function typeMismatch(node: SchemaNode, value: unknown): string | undefined {
  if (node['x-kubernetes-int-or-string']) return typeof value === 'string' || Number.isInteger(value) ? undefined : 'integer,string';
  const actual = jsType(value);
  switch (node.type) {
    case undefined:
      return undefined;
    case 'number':
      return actual === 'number' || actual === 'integer' ? undefined : 'number';
    default:
      return actual === node.type ? undefined : node.type;
  }
}

function prune(obj: Record<string, unknown>, paths: string[]): void {
  for (const path of paths) {
    const segs = path.split('.').flatMap((s) => s.split(/\[(\d+)\]/).filter((x) => x !== ''));
    let cur: unknown = obj;
    for (let i = 0; i < segs.length - 1 && cur && typeof cur === 'object'; i++) cur = (cur as Record<string, unknown>)[segs[i]];
    if (cur && typeof cur === 'object') delete (cur as Record<string, unknown>)[segs[segs.length - 1]];
  }
}
