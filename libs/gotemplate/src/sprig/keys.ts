// Private keys as Sprig handles them: genPrivateKey, parsePrivateKeyPEM and pemBlockForKey (Go's formats:
// PKCS#1 for RSA, SEC 1 for ECDSA, PKCS#8 for Ed25519, and Sprig's own ASN.1 sequence for DSA).
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { children, integer, pemDecode, pemEncode, read, seq, toBigInt } from './der';

export interface PrivateKey {
  kind: 'rsa' | 'ecdsa' | 'ed25519' | 'dsa';
  /** Absent for DSA keys read from Sprig's PEM, which Node cannot import. */
  key?: KeyObject;
  dsa?: { p: bigint; q: bigint; g: bigint; y: bigint; x: bigint };
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % mod;
    b = (b * b) % mod;
  }
  return r;
}

/** DSA parameters and keys from a Node key's PKCS#8 encoding. */
function dsaParams(key: KeyObject): NonNullable<PrivateKey['dsa']> {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  const [, alg, priv] = children(read(der));
  const [p, q, g] = children(children(alg)[1]).map(toBigInt);
  const x = toBigInt(read(priv.body));
  return { p, q, g, x, y: modPow(g, x, p) };
}

function pemBlock(k: PrivateKey): [string, Buffer] {
  switch (k.kind) {
    case 'rsa': return ['RSA PRIVATE KEY', k.key!.export({ format: 'der', type: 'pkcs1' })];
    case 'ecdsa': return ['EC PRIVATE KEY', k.key!.export({ format: 'der', type: 'sec1' })];
    case 'ed25519': return ['PRIVATE KEY', k.key!.export({ format: 'der', type: 'pkcs8' })];
    case 'dsa': {
      const d = k.dsa!;
      return ['DSA PRIVATE KEY', seq(...[0n, d.p, d.q, d.g, d.y, d.x].map(integer))];
    }
  }
}

/** pem.EncodeToMemory(pemBlockForKey(k)). */
export const keyToPem = (k: PrivateKey): string => pemEncode(...pemBlock(k));

/** Sprig's genPrivateKey. */
export function genPrivateKey(typ: string): string {
  switch (typ) {
    case '': case 'rsa':
      return keyToPem({ kind: 'rsa', key: generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey });
    case 'dsa': {
      const key = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }).privateKey;
      return keyToPem({ kind: 'dsa', dsa: dsaParams(key) });
    }
    case 'ecdsa':
      return keyToPem({ kind: 'ecdsa', key: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey });
    case 'ed25519':
      return keyToPem({ kind: 'ed25519', key: generateKeyPairSync('ed25519').privateKey });
  }
  return 'Unknown type ' + typ;
}

export const newRsaKey = (): PrivateKey => ({ kind: 'rsa', key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey });

function fromNode(key: KeyObject): PrivateKey {
  switch (key.asymmetricKeyType) {
    case 'rsa': return { kind: 'rsa', key };
    case 'ec': return { kind: 'ecdsa', key };
    case 'ed25519': return { kind: 'ed25519', key };
  }
  throw new Error(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${key.asymmetricKeyType ?? 'unknown'}`);
}

const importDer = (der: Buffer, type: 'pkcs1' | 'sec1' | 'pkcs8'): KeyObject => createPrivateKey({ key: der, format: 'der', type });

/** Sprig's parsePrivateKeyPEM, with its error texts (the ASN.1 detail is Node's, not Go's). */
export function parsePrivateKeyPem(pem: string): PrivateKey {
  const block = pemDecode(pem);
  if (!block) throw new Error('no PEM data in input');
  const attempt = <T>(prefix: string, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      throw new Error(`${prefix}: ${(e as Error).message}`);
    }
  };
  if (block.type === 'PRIVATE KEY') return attempt('decoding PEM as PKCS#8', () => fromNode(importDer(block.der, 'pkcs8')));
  if (!block.type.endsWith(' PRIVATE KEY')) throw new Error(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -12)) {
    case 'RSA': return attempt('parsing RSA private key from PEM', () => ({ kind: 'rsa', key: importDer(block.der, 'pkcs1') }));
    case 'EC': return attempt('parsing EC private key from PEM', () => ({ kind: 'ecdsa', key: importDer(block.der, 'sec1') }));
    case 'DSA': return attempt('parsing DSA private key from PEM', () => {
      const [, p, q, g, y, x] = children(read(block.der)).map(toBigInt);
      return { kind: 'dsa', dsa: { p, q, g, y, x } };
    });
  }
  throw new Error(`invalid private key type ${block.type}`);
}

/** The DER SubjectPublicKeyInfo of the key's public half. */
export function spki(k: PrivateKey): Buffer {
  if (!k.key) throw new Error('x509: unsupported public key type: *dsa.PublicKey');
  return createPublicKey(k.key).export({ format: 'der', type: 'spki' });
}
