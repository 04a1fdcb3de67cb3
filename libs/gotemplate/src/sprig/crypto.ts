// Sprig's bcrypt, htpasswd, derivePassword, encryptAES/decryptAES and randBytes.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync } from 'node:crypto';
import * as bcryptjs from 'bcryptjs';

/** golang.org/x/crypto/bcrypt at DefaultCost (10), with Go's "$2a$" prefix. */
export function bcrypt(input: string): string {
  const salt = bcryptjs.genSaltSync(10).replace(/^\$2b\$/, '$2a$');
  return bcryptjs.hashSync(input, salt);
}

export function htpasswd(username: string, password: string): string {
  if (username.includes(':')) return `invalid username: ${username}`;
  return `${username}:${bcrypt(password)}`;
}

export function randBytes(count: number): string {
  if (count < 0) throw new Error('runtime error: makeslice: len out of range');
  return randomBytes(count).toString('base64');
}

const TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv', 'CvccCvcvCvcvno', 'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc', 'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno', 'CvccnoCvccCvcv', 'CvccCvccnoCvcv',
    'CvccCvccCvcvno', 'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno', 'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc', 'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};
const CHARS: Record<string, string> = {
  V: 'AEIOU', C: 'BCDFGHJKLMNPQRSTVWXYZ', v: 'aeiou', c: 'bcdfghjklmnpqrstvwxyz', A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz', n: '0123456789', o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

/** The Master Password algorithm (scrypt N=32768 r=8 p=2, then HMAC-SHA256 over the site). */
export function derivePassword(counter: number, passwordType: string, password: string, user: string, site: string): string {
  const templates = TEMPLATES[passwordType];
  if (!templates) return `cannot find password template ${passwordType}`;
  const seed = Buffer.from('com.lyndir.masterpassword');
  const userBytes = Buffer.from(user, 'utf8');
  const siteBytes = Buffer.from(site, 'utf8');
  const key = scryptSync(Buffer.from(password, 'utf8'), Buffer.concat([seed, u32(userBytes.length), userBytes]), 64, {
    N: 32768, r: 8, p: 2, maxmem: 128 * 1024 * 1024,
  });
  const mac = createHmac('sha256', key).update(Buffer.concat([seed, u32(siteBytes.length), siteBytes, u32(counter)])).digest();
  const temp = templates[mac[0] % templates.length];
  return [...temp].map((el, i) => CHARS[el][mac[i + 1] % CHARS[el].length]).join('');
}

const aesKey = (password: string): Buffer => {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
};

export function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const content = Buffer.from(plaintext, 'utf8');
  const padding = 16 - (content.length % 16);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv).setAutoPadding(false);
  const body = Buffer.concat([cipher.update(Buffer.concat([content, Buffer.alloc(padding, padding)])), cipher.final()]);
  return Buffer.concat([iv, body]).toString('base64');
}

/** base64.StdEncoding.DecodeString: the bytes and the capacity Go's buffer has. */
function b64Decode(s: string): [Buffer, number] {
  const clean = s.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    const bad = s.search(/[^A-Za-z0-9+/=\r\n]|=[^=\r\n]/);
    throw new Error(`illegal base64 data at input byte ${bad < 0 ? s.length - (s.length % 4) : bad}`);
  }
  return [Buffer.from(clean, 'base64'), Math.floor(s.length / 4) * 3];
}

/** Sprig's decryptAES, with Go's panics (recovered by text/template) where the input is short or unpadded. */
export function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const [all, cap] = b64Decode(crypt64);
  if (all.length < 16) {
    if (cap < 16) throw new Error(`runtime error: slice bounds out of range [:16] with capacity ${cap}`);
    throw new Error(`runtime error: slice bounds out of range [16:${all.length}]`);
  }
  const crypt = all.subarray(16);
  if (crypt.length % 16 !== 0) throw new Error('crypto/cipher: input not full blocks');
  if (crypt.length === 0) throw new Error('runtime error: index out of range [-1]');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), all.subarray(0, 16)).setAutoPadding(false);
  const out = Buffer.concat([decipher.update(crypt), decipher.final()]);
  const end = out.length - out[out.length - 1];
  if (end < 0) throw new Error(`runtime error: slice bounds out of range [:${end}]`);
  return out.subarray(0, end).toString('utf8');
}
