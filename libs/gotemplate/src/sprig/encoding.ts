// Sprig's encodings: JSON (Go's encoding/json), base64/32, hashes.
import { createHash } from 'node:crypto';
import { GoInt, GoTime, isMap, isStruct, mapKeys } from '../values';
import { formatLayout } from '../fmt/time';

function jsonString(s: string, html: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20) {
      out += ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : '\\u00' + c.toString(16).padStart(2, '0');
    } else if (html && (ch === '<' || ch === '>' || ch === '&')) out += '\\u00' + c.toString(16);
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdfff) out += '\ufffd';
    else out += ch;
  }
  return out + '"';
}

function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new Error(`json: unsupported value: ${Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`);
  return Object.is(f, -0) ? '-0' : String(f);
}

export function marshal(v: unknown, html: boolean, indent: string, depth = 0): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string': return jsonString(v, html);
    case 'boolean': return String(v);
    case 'number': return jsonFloat(v);
    case 'function': throw new Error('json: unsupported type: func()');
  }
  if (v instanceof GoInt) return String(v.n);
  if (v instanceof GoTime) return jsonString(formatLayout(v, '2006-01-02T15:04:05.999999999Z07:00'), html);
  if (v instanceof Uint8Array) return jsonString(Buffer.from(v).toString('base64'), html);
  const nl = indent ? '\n' + indent.repeat(depth + 1) : '';
  const end = indent ? '\n' + indent.repeat(depth) : '';
  const colon = indent ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + v.map((x) => nl + marshal(x, html, indent, depth + 1)).join(',') + end + ']';
  }
  const marshaler = (v as { MarshalJSON?: unknown }).MarshalJSON;
  if (isStruct(v) && typeof marshaler === 'function') {
    const raw = JSON.stringify(JSON.parse(Buffer.from((marshaler as () => Uint8Array).call(v)).toString('utf8')));
    return html ? raw.replace(/[<>&]/g, (c) => '\\u00' + c.charCodeAt(0).toString(16)) : raw;
  }
  if (isMap(v) || isStruct(v)) {
    const m = v as Record<string, unknown>;
    const ks = isMap(v) ? mapKeys(v) : Object.keys(m);
    if (ks.length === 0) return '{}';
    return '{' + ks.map((k) => nl + jsonString(k, html) + colon + marshal(m[k], html, indent, depth + 1)).join(',') + end + '}';
  }
  throw new Error('json: unsupported value');
}

export const toJson = (v: unknown): string => {
  try {
    return marshal(v, true, '');
  } catch {
    return '';
  }
};
export const mustToJson = (v: unknown): string => marshal(v, true, '');
export const toPrettyJson = (v: unknown): string => {
  try {
    return marshal(v, true, '  ');
  } catch {
    return '';
  }
};
export const mustToPrettyJson = (v: unknown): string => marshal(v, true, '  ');
export const mustToRawJson = (v: unknown): string => marshal(v, false, '');

export function mustFromJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    throw new Error('invalid character in JSON input');
  }
}
export const fromJson = (s: string): unknown => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
};

export const b64enc = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
export function b64dec(s: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
    const bad = s.search(/[^A-Za-z0-9+/=]|=[^=]/);
    return `illegal base64 data at input byte ${bad < 0 ? s.length - (s.length % 4) : bad}`;
  }
  return Buffer.from(s, 'base64').toString('utf8');
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export function b32enc(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}
export function b32dec(s: string): string {
  const clean = s.replace(/=+$/, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (let i = 0; i < clean.length; i++) {
    const idx = B32.indexOf(clean[i]);
    if (idx < 0) return `illegal base32 data at input byte ${i}`;
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return new TextDecoder().decode(new Uint8Array(out));
}

export const sha256sum = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');
export const sha1sum = (s: string): string => createHash('sha1').update(s, 'utf8').digest('hex');
export function adler32sum(s: string): string {
  let a = 1;
  let b = 0;
  for (const byte of new TextEncoder().encode(s)) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(((b << 16) | a) >>> 0);
}
