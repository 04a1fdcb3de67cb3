import { stringify } from 'yaml';

/**
 * Encodes a swagger 2.0 document as gnostic's `openapi.v2.Document` protobuf
 * (github.com/google/gnostic openapiv2/OpenAPIv2.proto), what kube-apiserver serves for
 * `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf` and what kubectl's
 * discovery client (OpenAPISchema) asks for and unmarshals. Vendor extensions, defaults and
 * enums travel as gnostic's `Any{yaml}`, as its compiler stores them.
 */
type Json = Record<string, unknown>;

class Writer {
  private readonly parts: Buffer[] = [];

  private varint(n: number): void {
    const bytes: number[] = [];
    let v = BigInt(Math.trunc(n));
    if (v < 0n) v += 1n << 64n;
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) b |= 0x80;
      bytes.push(b);
    } while (v > 0n);
    this.parts.push(Buffer.from(bytes));
  }

  private tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }

  string(field: number, v: unknown): void {
    if (typeof v !== 'string' || v === '') return;
    this.bytes(field, Buffer.from(v, 'utf8'));
  }

  strings(field: number, v: unknown): void {
    if (Array.isArray(v)) for (const s of v) if (typeof s === 'string') this.bytes(field, Buffer.from(s, 'utf8'));
  }

  bool(field: number, v: unknown): void {
    if (v !== true) return;
    this.tag(field, 0);
    this.varint(1);
  }

  int(field: number, v: unknown): void {
    if (typeof v !== 'number' || v === 0) return;
    this.tag(field, 0);
    this.varint(v);
  }

  double(field: number, v: unknown): void {
    if (typeof v !== 'number' || v === 0) return;
    this.tag(field, 1);
    const b = Buffer.alloc(8);
    b.writeDoubleLE(v);
    this.parts.push(b);
  }

  message(field: number, encode: (w: Writer) => void): void {
    const inner = new Writer();
    encode(inner);
    this.bytes(field, inner.finish());
  }

  private bytes(field: number, b: Buffer): void {
    this.tag(field, 2);
    this.varint(b.length);
    this.parts.push(b);
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** gnostic's Any: the value as YAML. */
function any(w: Writer, field: number, value: unknown): void {
  if (value === undefined) return;
  w.message(field, (a) => a.string(2, stringify(value)));
}

function vendorExtensions(w: Writer, field: number, obj: Json): void {
  for (const [name, value] of Object.entries(obj)) {
    if (!name.startsWith('x-')) continue;
    w.message(field, (n) => {
      n.string(1, name);
      any(n, 2, value);
    });
  }
}

function schema(w: Writer, s: Json): void {
  w.string(1, s.$ref);
  w.string(2, s.format);
  w.string(3, s.title);
  w.string(4, s.description);
  any(w, 5, s.default);
  w.double(6, s.multipleOf);
  w.double(7, s.maximum);
  w.bool(8, s.exclusiveMaximum);
  w.double(9, s.minimum);
  w.bool(10, s.exclusiveMinimum);
  w.int(11, s.maxLength);
  w.int(12, s.minLength);
  w.string(13, s.pattern);
  w.int(14, s.maxItems);
  w.int(15, s.minItems);
  w.bool(16, s.uniqueItems);
  w.int(17, s.maxProperties);
  w.int(18, s.minProperties);
  w.strings(19, s.required);
  if (Array.isArray(s.enum)) for (const e of s.enum) any(w, 20, e);
  if (isObject(s.additionalProperties)) w.message(21, (a) => a.message(1, (x) => schema(x, s.additionalProperties as Json)));
  else if (typeof s.additionalProperties === 'boolean') w.message(21, (a) => a.bool(2, s.additionalProperties));
  if (s.type !== undefined) w.message(22, (t) => t.strings(1, Array.isArray(s.type) ? s.type : [s.type]));
  if (s.items !== undefined) w.message(23, (i) => (Array.isArray(s.items) ? s.items : [s.items]).forEach((item) => isObject(item) && i.message(1, (x) => schema(x, item))));
  if (Array.isArray(s.allOf)) for (const a of s.allOf) if (isObject(a)) w.message(24, (x) => schema(x, a));
  if (isObject(s.properties)) w.message(25, (p) => namedSchemas(p, 1, s.properties as Json));
  w.string(26, s.discriminator);
  w.bool(27, s.readOnly);
  any(w, 30, s.example);
  vendorExtensions(w, 31, s);
}

function namedSchemas(w: Writer, field: number, map: Json): void {
  for (const [name, value] of Object.entries(map)) {
    if (!isObject(value)) continue;
    w.message(field, (n) => {
      n.string(1, name);
      n.message(2, (x) => schema(x, value));
    });
  }
}

/** Field numbers of the non-body parameter sub-schemas: query and formData share one layout, path and header another. */
const QUERY_LAYOUT = { required: 1, in: 2, description: 3, name: 4, allowEmptyValue: 5, type: 6, format: 7, collectionFormat: 9, default: 10, uniqueItems: 20, vendor: 23 };
const PATH_LAYOUT = { required: 1, in: 2, description: 3, name: 4, type: 5, format: 6, collectionFormat: 8, default: 9, uniqueItems: 19, vendor: 22 };
const NON_BODY: Record<string, [number, Record<string, number>]> = { header: [1, PATH_LAYOUT], formData: [2, QUERY_LAYOUT], query: [3, QUERY_LAYOUT], path: [4, PATH_LAYOUT] };

function parameter(w: Writer, p: Json): void {
  if (typeof p.$ref === 'string') {
    w.message(2, (r) => r.string(1, p.$ref));
    return;
  }
  w.message(1, (param) => {
    if (p.in === 'body') {
      param.message(1, (b) => {
        b.string(1, p.description);
        b.string(2, p.name);
        b.string(3, p.in);
        b.bool(4, p.required);
        if (isObject(p.schema)) b.message(5, (x) => schema(x, p.schema as Json));
        vendorExtensions(b, 6, p);
      });
      return;
    }
    const [which, f] = NON_BODY[String(p.in)] ?? NON_BODY.query;
    param.message(2, (nb) =>
      nb.message(which, (q) => {
        q.bool(f.required, p.required);
        q.string(f.in, p.in);
        q.string(f.description, p.description);
        q.string(f.name, p.name);
        if (f.allowEmptyValue) q.bool(f.allowEmptyValue, p.allowEmptyValue);
        q.string(f.type, p.type);
        q.string(f.format, p.format);
        q.string(f.collectionFormat, p.collectionFormat);
        any(q, f.default, p.default);
        q.bool(f.uniqueItems, p.uniqueItems);
        vendorExtensions(q, f.vendor, p);
      }),
    );
  });
}

function responses(w: Writer, r: Json): void {
  for (const [code, value] of Object.entries(r)) {
    if (code.startsWith('x-') || !isObject(value)) continue;
    w.message(1, (n) => {
      n.string(1, code);
      n.message(2, (rv) => {
        if (typeof value.$ref === 'string') return rv.message(2, (ref) => ref.string(1, value.$ref));
        rv.message(1, (resp) => {
          resp.string(1, value.description);
          if (isObject(value.schema)) resp.message(2, (si) => si.message(1, (x) => schema(x, value.schema as Json)));
          vendorExtensions(resp, 5, value);
        });
      });
    });
  }
  vendorExtensions(w, 2, r);
}

function operation(w: Writer, op: Json): void {
  w.strings(1, op.tags);
  w.string(2, op.summary);
  w.string(3, op.description);
  w.string(5, op.operationId);
  w.strings(6, op.produces);
  w.strings(7, op.consumes);
  if (Array.isArray(op.parameters)) for (const p of op.parameters) if (isObject(p)) w.message(8, (x) => parameter(x, p));
  if (isObject(op.responses)) w.message(9, (x) => responses(x, op.responses as Json));
  w.strings(10, op.schemes);
  w.bool(11, op.deprecated);
  vendorExtensions(w, 13, op);
}

const METHODS: Record<string, number> = { get: 2, put: 3, post: 4, delete: 5, options: 6, head: 7, patch: 8 };

function pathItem(w: Writer, item: Json): void {
  w.string(1, item.$ref);
  for (const [method, field] of Object.entries(METHODS)) if (isObject(item[method])) w.message(field, (x) => operation(x, item[method] as Json));
  if (Array.isArray(item.parameters)) for (const p of item.parameters) if (isObject(p)) w.message(9, (x) => parameter(x, p));
  vendorExtensions(w, 10, item);
}

export function encodeOpenApiV2(doc: Json): Buffer {
  const w = new Writer();
  w.string(1, doc.swagger);
  if (isObject(doc.info)) {
    const info = doc.info;
    w.message(2, (i) => {
      i.string(1, info.title);
      i.string(2, info.version);
      i.string(3, info.description);
      vendorExtensions(i, 7, info);
    });
  }
  w.string(3, doc.host);
  w.string(4, doc.basePath);
  w.strings(5, doc.schemes);
  w.strings(6, doc.consumes);
  w.strings(7, doc.produces);
  if (isObject(doc.paths)) {
    const paths = doc.paths;
    w.message(8, (p) => {
      vendorExtensions(p, 1, paths);
      for (const [name, item] of Object.entries(paths)) {
        if (name.startsWith('x-') || !isObject(item)) continue;
        p.message(2, (n) => {
          n.string(1, name);
          n.message(2, (x) => pathItem(x, item));
        });
      }
    });
  }
  if (isObject(doc.definitions)) w.message(9, (d) => namedSchemas(d, 1, doc.definitions as Json));
  vendorExtensions(w, 16, doc);
  return w.finish();
}
