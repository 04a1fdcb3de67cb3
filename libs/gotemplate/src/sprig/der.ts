// Minimal DER (ASN.1) encoding and decoding, and PEM, as Go's encoding/asn1 and encoding/pem write them.

export const TAG = {
  BOOLEAN: 0x01, INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, NULL: 0x05, OID: 0x06, UTF8: 0x0c,
  PRINTABLE: 0x13, UTC_TIME: 0x17, GENERALIZED_TIME: 0x18, SEQUENCE: 0x30, SET: 0x31,
};

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 256)) bytes.unshift(x & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const tlv = (tag: number, ...body: Buffer[]): Buffer => {
  const b = Buffer.concat(body);
  return Buffer.concat([Buffer.from([tag]), length(b.length), b]);
};
export const seq = (...items: Buffer[]): Buffer => tlv(TAG.SEQUENCE, ...items);
export const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 | n, inner);
export const octets = (b: Buffer): Buffer => tlv(TAG.OCTET_STRING, b);
export const bitString = (b: Buffer, unused = 0): Buffer => tlv(TAG.BIT_STRING, Buffer.from([unused]), b);
export const bool = (v: boolean): Buffer => tlv(TAG.BOOLEAN, Buffer.from([v ? 0xff : 0]));

/** A non-negative or negative integer in minimal two's complement. */
export function integer(n: bigint): Buffer {
  let hex = (n < 0n ? -n : n).toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let b = Buffer.from(hex, 'hex');
  if (n < 0n) {
    const width = b.length + ((b[0] & 0x80) !== 0 && !(b[0] === 0x80 && b.subarray(1).every((x) => x === 0)) ? 1 : 0);
    b = Buffer.from(BigInt.asUintN(width * 8, n).toString(16).padStart(width * 2, '0'), 'hex');
  } else if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(TAG.INTEGER, b);
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const groups: number[] = [];
    for (let x = p; ; x = Math.floor(x / 128)) {
      groups.unshift((x % 128) | (groups.length ? 0x80 : 0));
      if (x < 128) break;
    }
    out.push(...groups);
  }
  return tlv(TAG.OID, Buffer.from(out));
}

/** Go's default string type: PrintableString when every byte allows it, else UTF8String. */
export function goString(s: string): Buffer {
  const printable = /^[A-Za-z0-9'()+,\-./ :=?]*$/.test(s);
  return tlv(printable ? TAG.PRINTABLE : TAG.UTF8, Buffer.from(s, 'utf8'));
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (seconds precision, Z). */
export function time(ms: number): Buffer {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
  const year = Number(iso.slice(0, iso.indexOf('-', 1)));
  const body = iso.slice(iso.indexOf('-', 1) - 4).replace(/[-:T]|\.\d+/g, '');
  if (year >= 1950 && year < 2050) return tlv(TAG.UTC_TIME, Buffer.from(body.slice(2), 'latin1'));
  return tlv(TAG.GENERALIZED_TIME, Buffer.from(body, 'latin1'));
}

export interface Node {
  tag: number;
  /** The whole element, header included. */
  full: Buffer;
  body: Buffer;
}

/** Reads one element at offset; throws on malformed input. */
export function read(b: Buffer, offset = 0): Node & { end: number } {
  if (offset + 2 > b.length) throw new Error('asn1: syntax error: data truncated');
  const tag = b[offset];
  let len = b[offset + 1];
  let p = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > b.length) throw new Error('asn1: syntax error: invalid length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i];
    p += n;
  }
  if (p + len > b.length) throw new Error('asn1: syntax error: data truncated');
  return { tag, full: b.subarray(offset, p + len), body: b.subarray(p, p + len), end: p + len };
}

export function children(n: Node): Node[] {
  const out: Node[] = [];
  for (let p = 0; p < n.body.length;) {
    const c = read(n.body, p);
    out.push(c);
    p = c.end;
  }
  return out;
}

export const toBigInt = (n: Node): bigint => (n.body.length === 0 ? 0n : BigInt.asIntN(n.body.length * 8, BigInt('0x' + n.body.toString('hex'))));

/** pem.EncodeToMemory: base64 in 64-character lines. */
export function pemEncode(type: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${type}-----\n${b64}${b64 ? '\n' : ''}-----END ${type}-----\n`;
}

/** pem.Decode of the first block, or undefined. */
export function pemDecode(s: string): { type: string; der: Buffer } | undefined {
  const m = /-----BEGIN ([^\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/.exec(s);
  if (!m) return undefined;
  const body = m[2].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) return undefined;
  return { type: m[1], der: Buffer.from(body, 'base64') };
}
