import { errors, StatusError } from '../api/status-error';
import { KubeVersion } from '../registry/kube-versions';
import { ResourceType } from '../registry/resource-type';
import type { Definition } from '../schema/builtin-definitions.generator';
import { builtinDefinitions } from '../schema/builtin-schemas';
import { definitionPrefix, moduleOf } from '../schema/definition-names';
import { base64ErrorOffset } from '../admission/core.admission';
import { goJson, JsonSource, jsonSourceOf, parseJsonSource } from './json-source';

/**
 * The error a built-in kind's request body gets when kube-apiserver cannot decode it into the Go
 * type: a value of the wrong JSON type, or `data` of a Secret that is not base64. Go stops at the
 * first one in document order and answers 400 `<Kind> in version "<v>" cannot be handled as a
 * <Kind>: <decoder error>`, worded by json-iterator until 1.22 and encoding/json from 1.23.
 */
export function bodyDecodeError(t: ResourceType, body: unknown, raw: string | undefined, version: KubeVersion): StatusError | undefined {
  const root = `${definitionPrefix(moduleOf(t.group, t.version))}.${t.kind}`;
  if (t.custom || !(root in builtinDefinitions().definitions)) return undefined;
  const start: Context = { structs: [], fields: [], frames: [] };
  // Most bodies decode: check the parsed value first, and read the text only to place an error.
  if (!firstError(ref(root), jsonSourceOf(body), start)) return undefined;
  const sourced = raw !== undefined ? parseJsonSource(raw) : undefined;
  const text = sourced ? raw! : goJson(body);
  const source = sourced ?? parseJsonSource(text);
  const found = source && firstError(ref(root), source, start);
  if (!found) return undefined;
  const why = version.jsonIterator ? jsonIteratorText(found, text) : encodingJsonText(found);
  return errors.badRequest(`${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}: ${why}`);
}

/** Where the decoder stopped: the Go target, what it met, and the decoders it was nested in. */
interface Mismatch {
  expected: GoKind;
  goType: string;
  node: JsonSource;
  /** Set for bad base64: Go's CorruptInputError offset. */
  base64Offset?: number;
  ctx: Context;
}

type GoKind = 'int' | 'string' | 'bool' | 'map' | 'struct' | 'slice' | 'bytes';

/** json-iterator prefixes `<struct type>.<GoField>: ` and `<slice type>: ` on the way out; encoding/json names the innermost struct and the JSON field path. */
interface Context {
  structs: string[];
  fields: string[];
  frames: string[];
}

const DEFINITIONS_REF = '#/definitions/';
const ref = (name: string): Definition => ({ $ref: `${DEFINITIONS_REF}${name}` });

function firstError(def: Definition, node: JsonSource, ctx: Context): Mismatch | undefined {
  if (node.kind === 'null') return undefined;
  const name = typeof def.$ref === 'string' ? def.$ref.slice(DEFINITIONS_REF.length) : undefined;
  const target = name ? builtinDefinitions().definitions[name] : def;
  if (!target || target['x-kubernetes-int-or-string'] || target['x-kubernetes-preserve-unknown-fields'] || target.format === 'date-time') return undefined;
  const goType = goTypeOf(def);
  const kind = goKindOf(target);
  if (!kind) return undefined;
  const mismatch = (expected: GoKind, base64Offset?: number): Mismatch => ({ expected, goType, node, base64Offset, ctx });
  switch (kind) {
    case 'struct': {
      if (node.kind !== 'object') return mismatch('struct');
      const props = (target.properties ?? {}) as Record<string, Definition>;
      const typeName = goTypeOf(def);
      for (const [key, value] of node.members) {
        const prop = props[key];
        if (!prop) continue;
        const inner = { structs: [...ctx.structs, typeName], fields: [...ctx.fields, key], frames: [...ctx.frames, `${typeName}.${goFieldName(key, prop)}`] };
        const found = firstError(prop, value, inner);
        if (found) return found;
      }
      return undefined;
    }
    case 'map': {
      if (node.kind !== 'object') return mismatch('map');
      const values = target.additionalProperties as Definition;
      for (const [, value] of node.members) {
        const found = firstError(values, value, ctx);
        if (found) return found;
      }
      return undefined;
    }
    case 'slice': {
      // The slice decoder prefixes its type on its own error too.
      const inner = { ...ctx, frames: [...ctx.frames, goType] };
      if (node.kind !== 'array') return { ...mismatch('slice'), ctx: inner };
      for (const item of node.items) {
        const found = firstError(target.items as Definition, item, inner);
        if (found) return found;
      }
      return undefined;
    }
    case 'bytes': {
      if (node.kind !== 'string') return mismatch('bytes');
      const offset = base64ErrorOffset(node.value);
      return offset === undefined ? undefined : mismatch('bytes', offset);
    }
    case 'int':
      return node.kind === 'number' ? undefined : mismatch('int');
    case 'string':
      return node.kind === 'string' ? undefined : mismatch('string');
    case 'bool':
      return node.kind === 'true' || node.kind === 'false' ? undefined : mismatch('bool');
  }
}

function goKindOf(def: Definition): GoKind | undefined {
  if (def.properties) return 'struct';
  switch (def.type) {
    case 'integer':
      return 'int';
    case 'string':
      return def.format === 'byte' ? 'bytes' : 'string';
    case 'boolean':
      return 'bool';
    case 'array':
      return def.items ? 'slice' : undefined;
    case 'object':
      return def.additionalProperties && typeof def.additionalProperties === 'object' ? 'map' : undefined;
    default:
      return undefined;
  }
}

/** The Go type as reflect prints it: `v1.DeploymentSpec`, `[]v1.Container`, `map[string]string`, `int32`. */
function goTypeOf(def: Definition): string {
  if (typeof def.$ref === 'string') {
    const parts = def.$ref.slice(DEFINITIONS_REF.length).split('.');
    return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
  }
  switch (def.type) {
    case 'integer':
      return def.format === 'int64' ? 'int64' : 'int32';
    case 'string':
      return def.format === 'byte' ? '[]uint8' : 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
    case 'array':
      return `[]${goTypeOf(def.items as Definition)}`;
    default:
      return typeof def.additionalProperties === 'object' ? `map[string]${goTypeOf(def.additionalProperties as Definition)}` : 'interface {}';
  }
}

const INITIALISMS = /^(api|ca|cidr|dns|ip|tls|ttl|tty|uid|url)(?=[A-Z]|$)/;

/** The Go field behind a JSON name, as json-iterator names it in errors: `metadata` is the embedded ObjectMeta. */
function goFieldName(json: string, prop: Definition): string {
  if (json === 'metadata' && typeof prop.$ref === 'string') return prop.$ref.slice(prop.$ref.lastIndexOf('.') + 1);
  const m = INITIALISMS.exec(json);
  return m ? m[1].toUpperCase() + json.slice(m[1].length) : json[0].toUpperCase() + json.slice(1);
}

/** encoding/json's UnmarshalTypeError (sigs.k8s.io/json, 1.23+), or the base64 decoder's CorruptInputError. */
function encodingJsonText(m: Mismatch): string {
  if (m.base64Offset !== undefined) return `illegal base64 data at input byte ${m.base64Offset}`;
  const found = m.node.kind === 'true' || m.node.kind === 'false' ? 'bool' : m.node.kind;
  const struct = m.ctx.structs[m.ctx.structs.length - 1]?.split('.').pop();
  const into = struct ? `Go struct field ${struct}.${m.ctx.fields.join('.')}` : 'Go value';
  return `json: cannot unmarshal ${found} into ${into} of type ${m.goType}`;
}

/** What json-iterator reports where a decoder meets the wrong token, and where its read head then is. */
const ITERATOR_OPS: Record<GoKind, [op: string, expects: string]> = {
  int: ['readUint32', ''],
  string: ['ReadString', 'expects " or n, but found '],
  bool: ['ReadBool', 'expect t or f, but found '],
  map: ['ReadMapCB', 'expect { or n, but found '],
  struct: ['readObjectStart', 'expect { or n, but found '],
  slice: ['decode slice', 'expect [ or n, but found '],
  bytes: ['base64Codec', 'invalid input'],
};

function jsonIteratorText(m: Mismatch, raw: string): string {
  const buf = Buffer.from(raw, 'utf8');
  // json-iterator counts bytes; the parsed offsets are string indexes.
  const byteAt = (i: number): number => Buffer.byteLength(raw.slice(0, i), 'utf8');
  let text: string;
  let head: number;
  if (m.base64Offset !== undefined) {
    text = `decode base64: illegal base64 data at input byte ${m.base64Offset}`;
    head = byteAt(m.node.end);
  } else {
    const [op, expects] = ITERATOR_OPS[m.expected];
    const first = raw[m.node.start];
    // readUint32 prints intDigits' invalidCharForNumber, byte 0xff, which JSON carries as U+FFFD.
    if (m.expected === 'int') text = `${m.goType === 'int64' ? 'readUint64' : op}: unexpected character: \ufffd`;
    else text = m.expected === 'bytes' ? `${op}: ${expects}` : `${op}: ${expects}${first}`;
    // base64Codec peeks at the token and puts it back; the others have consumed it.
    head = byteAt(m.node.start) + (m.expected === 'bytes' ? 0 : 1);
  }
  const slice = (from: number, to: number): string => buf.subarray(Math.max(0, from), Math.min(buf.length, to)).toString('utf8');
  const at = head - Math.max(0, head - 10);
  const located = `${text}, error found in #${at} byte of ...|${slice(head - 10, head + 10)}|..., bigger context ...|${slice(head - 50, head + 50)}|...`;
  // Each struct decoder on the way out prefixes `<type>.<Field>: `, each slice decoder `<type>: `.
  return m.ctx.frames.reduceRight((inner, frame) => `${frame}: ${inner}`, located);
}
