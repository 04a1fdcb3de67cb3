// Sprig's certificate functions (genCA, genSelfSignedCert, genSignedCert, their WithKey forms and
// buildCustomCert), building X.509 v3 DER the way Go 1.19's x509.CreateCertificate does.
import { createHash, randomBytes, sign, X509Certificate } from 'node:crypto';
import { sprint } from '../fmt/printf';
import { children, explicit, bitString, bool, integer, octets, oid, goString, pemDecode, pemEncode, read, seq, tlv, time, TAG } from './der';
import { keyToPem, newRsaKey, parsePrivateKeyPem, type PrivateKey, spki } from './keys';

/** Sprig's certificate struct: {Cert, Key} PEM strings. */
export class Certificate {
  static readonly goType = 'sprig.certificate';
  constructor(
    readonly Cert: string,
    readonly Key: string,
  ) {}
}

interface Template { cn: string; ips: Buffer[]; dns: string[]; days: number; isCA: boolean }
interface Parent { subject: Buffer; ski?: Buffer; spki: Buffer }

/** net.ParseIP, as the bytes x509 writes (4 for IPv4, 16 for IPv6). */
export function parseIp(s: string): Buffer | undefined {
  const v4 = (x: string): number[] | undefined => {
    const parts = x.split('.');
    if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) < 256)) return undefined;
    return parts.map(Number);
  };
  if (!s.includes(':')) {
    const b = v4(s);
    return b && Buffer.from(b);
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const [i, g] of h.split(':').entries()) {
      if (g.includes('.') && i === h.split(':').length - 1) {
        const b = v4(g);
        if (!b) return undefined;
        out.push(b[0] * 256 + b[1], b[2] * 256 + b[3]);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return undefined;
  const all = [...head, ...new Array<number>(missing).fill(0), ...tail];
  const b = Buffer.alloc(16);
  all.forEach((g, i) => b.writeUInt16BE(g, i * 2));
  const mapped = b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  return mapped ? b.subarray(12) : b;
}

function baseTemplate(cn: string, ips: unknown[] | null, dns: unknown[] | null, days: number, isCA = false): Template {
  const netIps = (ips ?? []).map((ip) => {
    if (typeof ip !== 'string') throw new Error(`error parsing ip: ${sprint([ip])} is not a string`);
    const b = parseIp(ip);
    if (!b) throw new Error(`error parsing ip: ${ip}`);
    return b;
  });
  const names = (dns ?? []).map((d) => {
    if (typeof d !== 'string') throw new Error(`error processing alternate dns name: ${sprint([d])} is not a string`);
    return d;
  });
  return { cn, ips: netIps, dns: names, days, isCA };
}

const subjectOf = (cn: string): Buffer => seq(...(cn === '' ? [] : [tlv(TAG.SET, seq(oid('2.5.4.3'), goString(cn)))]));

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

function extensions(t: Template, subjectEmpty: boolean, aki: Buffer | undefined, ski: Buffer | undefined): Buffer {
  const exts = [
    extension('2.5.29.15', true, t.isCA ? bitString(Buffer.from([0xa4]), 2) : bitString(Buffer.from([0xa0]), 5)),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    extension('2.5.29.19', true, t.isCA ? seq(bool(true)) : seq()),
  ];
  if (ski) exts.push(extension('2.5.29.14', false, octets(ski)));
  if (aki) exts.push(extension('2.5.29.35', false, seq(tlv(0x80, aki))));
  if (t.dns.length > 0 || t.ips.length > 0) {
    const names = [...t.dns.map((d) => tlv(0x82, Buffer.from(d, 'utf8'))), ...t.ips.map((ip) => tlv(0x87, ip))];
    exts.push(extension('2.5.29.17', subjectEmpty, seq(...names)));
  }
  return explicit(3, seq(...exts));
}

function signatureAlgorithm(k: PrivateKey): [Buffer, string | null] {
  if (k.kind === 'rsa') return [seq(oid('1.2.840.113549.1.1.11'), tlv(TAG.NULL)), 'sha256'];
  if (k.kind === 'ed25519') return [seq(oid('1.3.101.112')), null];
  const curve = k.key!.asymmetricKeyDetails?.namedCurve;
  const [n, hash] = curve === 'secp384r1' ? [3, 'sha384'] : curve === 'secp521r1' ? [4, 'sha512'] : [2, 'sha256'];
  return [seq(oid(`1.2.840.10045.4.3.${n}`)), hash];
}

/** x509.CreateCertificate then PEM, as Sprig's getCertAndKey. */
function certAndKey(t: Template, key: PrivateKey, parent: Parent | undefined, signer: PrivateKey): Certificate {
  const fail = (msg: string): never => {
    throw new Error(`error creating certificate: ${msg}`);
  };
  if (signer.kind === 'dsa') fail('x509: certificate private key does not implement crypto.Signer');
  const [sigAlg, hash] = signatureAlgorithm(signer);
  let pub: Buffer;
  try {
    pub = spki(key);
  } catch (e) {
    return fail((e as Error).message);
  }
  const subject = subjectOf(t.cn);
  const issuer = parent?.subject ?? subject;
  const aki = parent && !issuer.equals(subject) ? parent.ski : undefined;
  const pubBits = children(read(pub))[1].body.subarray(1);
  const ski = t.isCA ? createHash('sha1').update(pubBits).digest() : undefined;
  if (parent && !spki(signer).equals(parent.spki)) fail("x509: provided PrivateKey doesn't match parent's PublicKey");
  const now = Date.now();
  const tbs = seq(
    explicit(0, integer(2n)), integer(BigInt('0x' + randomBytes(16).toString('hex'))), sigAlg, issuer,
    seq(time(now), time(now + t.days * 86_400_000)), subject, pub, extensions(t, subject.length === 2, aki, ski),
  );
  const signature = sign(hash, tbs, signer.key!);
  const der = seq(tbs, sigAlg, bitString(signature));
  return new Certificate(pemEncode('CERTIFICATE', der), keyToPem(key));
}

function parseParent(ca: Certificate): [Parent, PrivateKey] {
  const block = pemDecode(ca.Cert);
  if (!block) throw new Error('unable to decode certificate');
  let parent: Parent;
  try {
    new X509Certificate(block.der);
    const tbs = children(children(read(block.der))[0]);
    const fields = tbs[0].tag === 0xa0 ? tbs.slice(1) : tbs;
    const exts = tbs.find((n) => n.tag === 0xa3);
    const skiExt = exts && children(children(exts)[0]).find((e) => children(e)[0].full.equals(oid('2.5.29.14')));
    const ski = skiExt && read(children(skiExt).at(-1)!.body).body;
    parent = { subject: Buffer.from(fields[4].full), spki: Buffer.from(fields[5].full), ski: ski && ski.length > 0 ? Buffer.from(ski) : undefined };
  } catch (e) {
    throw new Error(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
  try {
    return [parent, parsePrivateKeyPem(ca.Key)];
  } catch (e) {
    throw new Error(`error parsing private key: ${(e as Error).message}`);
  }
}

function withKeyPem(pem: string): PrivateKey {
  try {
    return parsePrivateKeyPem(pem);
  } catch (e) {
    throw new Error(`parsing private key: ${(e as Error).message}`);
  }
}

export const genCAWithKey = (cn: string, days: number, pem: string): Certificate => {
  const key = withKeyPem(pem);
  return certAndKey(baseTemplate(cn, null, null, days, true), key, undefined, key);
};
export const genCA = (cn: string, days: number): Certificate => {
  const key = newRsaKey();
  return certAndKey(baseTemplate(cn, null, null, days, true), key, undefined, key);
};

export function genSelfSignedCertWithKey(cn: string, ips: unknown[] | null, dns: unknown[] | null, days: number, pem: string): Certificate {
  const key = withKeyPem(pem);
  return certAndKey(baseTemplate(cn, ips, dns, days), key, undefined, key);
}
export function genSelfSignedCert(cn: string, ips: unknown[] | null, dns: unknown[] | null, days: number): Certificate {
  const key = newRsaKey();
  return certAndKey(baseTemplate(cn, ips, dns, days), key, undefined, key);
}

function signed(cn: string, ips: unknown[] | null, dns: unknown[] | null, days: number, ca: Certificate, key: () => PrivateKey): Certificate {
  const [parent, signer] = parseParent(ca);
  const t = baseTemplate(cn, ips, dns, days);
  return certAndKey(t, key(), parent, signer);
}
export const genSignedCert = (cn: string, ips: unknown[] | null, dns: unknown[] | null, days: number, ca: Certificate): Certificate =>
  signed(cn, ips, dns, days, ca, newRsaKey);
export function genSignedCertWithKey(cn: string, ips: unknown[] | null, dns: unknown[] | null, days: number, ca: Certificate, pem: string): Certificate {
  const key = withKeyPem(pem);
  return signed(cn, ips, dns, days, ca, () => key);
}

/** Sprig's buildCustomCert: base64 PEM certificate and key, checked. */
export function buildCustomCert(b64cert: string, b64key: string): Certificate {
  const b64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
  if (!b64.test(b64cert)) throw new Error('unable to decode base64 certificate');
  if (!b64.test(b64key)) throw new Error('unable to decode base64 private key');
  const cert = Buffer.from(b64cert, 'base64').toString('utf8');
  const key = Buffer.from(b64key, 'base64').toString('utf8');
  const block = pemDecode(cert);
  if (!block) throw new Error('unable to decode certificate');
  try {
    new X509Certificate(block.der);
  } catch (e) {
    throw new Error(`error parsing certificate: decodedCert.Bytes: ${(e as Error).message}`);
  }
  try {
    parsePrivateKeyPem(key);
  } catch (e) {
    throw new Error(`error parsing private key: ${(e as Error).message}`);
  }
  return new Certificate(cert, key);
}
