import { FieldSchema, JSON_OBJECT, JSON_OBJECT_LIST, MessageSchemas } from './message-schema';

/** A request the REST client got wrong; the gateway answers it with InvalidArgument. */
export class RestDecodeError extends Error {}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Message = Record<string, unknown>;

const INTEGER_TYPES = new Set([
  'TYPE_INT64',
  'TYPE_UINT64',
  'TYPE_INT32',
  'TYPE_UINT32',
  'TYPE_SINT32',
  'TYPE_SINT64',
  'TYPE_FIXED32',
  'TYPE_FIXED64',
  'TYPE_SFIXED32',
  'TYPE_SFIXED64',
]);

/** Converts JSON (a REST body) into the plain object grpc-js serializes for the given message type. */
export function jsonToMessage(schemas: MessageSchemas, typeName: string, value: unknown, path: string): Message {
  if (typeName === JSON_OBJECT) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new RestDecodeError(`${path || 'body'} must be a JSON object`);
    return { json: JSON.stringify(value) };
  }
  if (typeName === JSON_OBJECT_LIST) {
    const list = value as { items?: unknown; metadata?: unknown };
    const items = Array.isArray(list?.items) ? list.items : [];
    return {
      items: items.map((item, i) => jsonToMessage(schemas, JSON_OBJECT, item, `${path}.items[${i}]`)),
      metadata: list?.metadata ? jsonToMessage(schemas, JSON_OBJECT, list.metadata, `${path}.metadata`) : null,
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new RestDecodeError(`${path || 'body'} must be a JSON object`);
  const out: Message = {};
  const fields = new Map(schemas(typeName).map((f) => [f.name, f]));
  for (const [key, fieldValue] of Object.entries(value)) {
    const field = fields.get(key);
    // Unknown fields are ignored, as Argo CD's gateway (encoding/json) does.
    if (!field || fieldValue === null || fieldValue === undefined) continue;
    out[key] = fieldToMessage(schemas, field, fieldValue, path ? `${path}.${key}` : key);
  }
  return out;
}

function fieldToMessage(schemas: MessageSchemas, field: FieldSchema, value: unknown, path: string): unknown {
  if (field.repeated) {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v, i) => singleToMessage(schemas, field, v, `${path}[${i}]`));
  }
  return singleToMessage(schemas, field, value, path);
}

function singleToMessage(schemas: MessageSchemas, field: FieldSchema, value: unknown, path: string): unknown {
  if (field.type === 'TYPE_MESSAGE') return jsonToMessage(schemas, field.typeName, value, path);
  return scalar(field, value, path);
}

/** Coerces JSON or query-string text to a scalar field's type, naming the field when it cannot. */
export function scalar(field: FieldSchema, value: unknown, path: string): unknown {
  if (field.type === 'TYPE_BOOL') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw new RestDecodeError(`${path} must be a boolean`);
  }
  if (INTEGER_TYPES.has(field.type) || field.type === 'TYPE_DOUBLE' || field.type === 'TYPE_FLOAT') {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(n) || (INTEGER_TYPES.has(field.type) && !Number.isInteger(n)))
      throw new RestDecodeError(`${path} must be a number`);
    return field.type === 'TYPE_INT64' || field.type === 'TYPE_UINT64' ? String(n) : n;
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    throw new RestDecodeError(`${path} must be a string`);
  if (field.type === 'TYPE_BYTES') return Buffer.from(String(value), 'base64');
  return String(value);
}

/** Sets `a.b.c` in a request from a path variable or query parameter, descending through message fields. */
export function setField(
  schemas: MessageSchemas,
  typeName: string,
  target: Message,
  fieldPath: string[],
  raw: string,
  append: boolean,
): void {
  const [head, ...rest] = fieldPath;
  const field = schemas(typeName).find((f) => f.name === head);
  if (!field) throw new RestDecodeError(`unknown field ${fieldPath.join('.')}`);
  if (rest.length > 0 && field.typeName === JSON_OBJECT && !field.repeated) {
    // e.g. PUT /api/v1/applications/{application.metadata.name}: the URL names a field inside the JSON document.
    const current = target[head] as { json?: string } | undefined;
    target[head] = { json: JSON.stringify(setJsonPath(current?.json ? (JSON.parse(current.json) as Json) : {}, rest, raw)) };
    return;
  }
  if (rest.length > 0) {
    if (field.type !== 'TYPE_MESSAGE' || field.repeated) throw new RestDecodeError(`${head} has no field ${rest.join('.')}`);
    const child = (target[head] ??= {}) as Message;
    return setField(schemas, field.typeName, child, rest, raw, append);
  }
  if (field.type === 'TYPE_MESSAGE') throw new RestDecodeError(`${head} cannot be set from the URL`);
  const value = scalar(field, raw, head);
  if (field.repeated) target[head] = append ? [...((target[head] as unknown[]) ?? []), value] : [value];
  else target[head] = value;
}

function setJsonPath(doc: Json, path: string[], value: string): Json {
  const root = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? doc : {};
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = node[key] = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : {};
  }
  node[path[path.length - 1]] = value;
  return root;
}

/**
 * Converts a decoded response to the JSON a REST client gets: JsonObjects inline, lists as
 * `{metadata, items}`, and zero values left out, like Argo CD's encoding/json with omitempty.
 */
export function messageToJson(schemas: MessageSchemas, typeName: string, message: unknown): Json | undefined {
  if (message === null || message === undefined) return undefined;
  if (typeName === JSON_OBJECT) {
    const text = (message as { json?: string }).json;
    return text ? (JSON.parse(text) as Json) : undefined;
  }
  if (typeName === JSON_OBJECT_LIST) {
    const list = message as { items?: unknown[]; metadata?: unknown };
    return {
      metadata: messageToJson(schemas, JSON_OBJECT, list.metadata) ?? {},
      items: (list.items ?? []).map((item) => messageToJson(schemas, JSON_OBJECT, item) ?? {}),
    };
  }
  const out: { [key: string]: Json } = {};
  const everyField = REQUIRED_FIELDS.has(typeName.replace(/^\./, ''));
  for (const field of schemas(typeName)) {
    const value = (message as Message)[field.name];
    let json = field.repeated ? repeatedToJson(schemas, field, value) : singleToJson(schemas, field, value);
    if (json === undefined && everyField && !field.repeated && field.type !== 'TYPE_MESSAGE') json = zeroOf(field);
    if (json !== undefined) out[field.name] = json;
  }
  return out;
}

/**
 * Messages Argo declares with every field `required` (proto2), which its gateway therefore writes
 * even when empty or false: a LogEntry always has content, timeStamp, last, timeStampStr and podName.
 */
const REQUIRED_FIELDS = new Set(['application.LogEntry']);

const zeroOf = (field: FieldSchema): Json => (field.type === 'TYPE_BOOL' ? false : field.type === 'TYPE_STRING' ? '' : 0);

function repeatedToJson(schemas: MessageSchemas, field: FieldSchema, value: unknown): Json | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.map((v) => singleToJson(schemas, field, v) ?? null);
}

function singleToJson(schemas: MessageSchemas, field: FieldSchema, value: unknown): Json | undefined {
  if (field.type === 'TYPE_MESSAGE') return messageToJson(schemas, field.typeName, value);
  if (value === undefined || value === null || value === '' || value === false || value === 0 || value === '0') return undefined;
  if (Buffer.isBuffer(value)) return value.length ? value.toString('base64') : undefined;
  // Argo's gateway writes with encoding/json, where a 64-bit integer is a JSON number, not protojson's string.
  if (INTEGER_TYPES.has(field.type) && typeof value === 'string') return Number(value);
  return value as Json;
}
