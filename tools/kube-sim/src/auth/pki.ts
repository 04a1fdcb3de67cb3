// @peculiar/x509 resolves its ASN.1 schemas through tsyringe, which needs the metadata polyfill.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { randomBytes, webcrypto } from 'node:crypto';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const EC: webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGNING: webcrypto.EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

/** One cluster's certificate authority: it signs the serving certificate and client certificates. */
export interface ClusterPki {
  caPem: string;
  server: IssuedCertificate;
  issueClient(user: string, groups: string[]): Promise<IssuedCertificate>;
}

/** ECDSA P-256 throughout: generating a CA per simulated cluster stays fast with 50 in one process. */
export async function createClusterPki(hosts: string[]): Promise<ClusterPki> {
  const caKeys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const caName = [{ CN: [`kube-sim-ca-${randomBytes(4).toString('hex')}`] }];
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + TEN_YEARS_MS);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: caName,
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  // Strict verifiers (Python 3.13, some Go tools) want leaves to name their issuer's key.
  const authorityKeyId = await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey);

  const issue = async (subject: x509.JsonName, extensions: x509.Extension[]): Promise<IssuedCertificate> => {
    const keys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject,
      issuer: ca.subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: SIGNING,
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true), new x509.BasicConstraintsExtension(false), authorityKeyId, ...extensions],
    });
    return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) };
  };

  const names = new Set(['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', ...hosts]);
  const altNames = [...names].map((value) => ({ type: isIp(value) ? ('ip' as const) : ('dns' as const), value }));
  for (const ip of ['127.0.0.1', '::1', '10.96.0.1']) if (!names.has(ip)) altNames.push({ type: 'ip', value: ip });
  const server = await issue([{ CN: ['kube-apiserver'] }], [new x509.SubjectAlternativeNameExtension(altNames), new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth])]);

  return {
    caPem: ca.toString('pem'),
    server,
    issueClient: (user, groups) => issue([{ CN: [user] }, ...groups.map((g) => ({ O: [g] }))], [new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth])]),
  };
}

function serial(): string {
  // A positive serial: the high bit clear.
  const b = randomBytes(16);
  b[0] &= 0x7f;
  return b.toString('hex');
}

const isIp = (v: string): boolean => /^[0-9.]+$/.test(v) || v.includes(':');

async function privateKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}
