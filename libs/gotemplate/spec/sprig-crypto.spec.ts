// Sprig's random crypto functions, checked beyond shape: certificates from Go and from us decode to the
// same X.509 structure and verify; bcrypt hashes verify; AES ciphertexts decrypt on the other side;
// private keys import with the same parameters; getHostByName resolves like Go's net.LookupHost.
import 'reflect-metadata'; // @peculiar/x509 resolves its parsers through tsyringe
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as bcryptjs from 'bcryptjs';
import { Template } from '../src';
import { buildOracle, type Case, runOracle, runOurs } from './oracle.harness';

const SEP = '\n==\n';
const pems = (out: string | undefined): string[] => (out ?? '').split(SEP).filter((s) => s !== '');

/** Both sides' outputs for the same cases. */
function bothSides(cases: Case[]): { go: string[][]; ts: string[][] } {
  const want = runOracle(buildOracle(), cases);
  want.forEach((r, i) => expect([i, r.execError]).toEqual([i, undefined]));
  const ours = cases.map(runOurs);
  ours.forEach((r, i) => expect([i, r.execError]).toEqual([i, undefined]));
  return { go: want.map((r) => pems(r.out)), ts: ours.map((r) => pems(r.out)) };
}

function extensionValue(e: x509.Extension): unknown {
  if (e instanceof x509.KeyUsagesExtension) return e.usages;
  if (e instanceof x509.ExtendedKeyUsageExtension) return e.usages;
  if (e instanceof x509.BasicConstraintsExtension) return { ca: e.ca, pathLength: e.pathLength };
  if (e instanceof x509.SubjectAlternativeNameExtension) return e.names.toJSON();
  if (e instanceof x509.SubjectKeyIdentifierExtension) return `${e.keyId.length / 2} bytes`;
  if (e instanceof x509.AuthorityKeyIdentifierExtension) return `${(e.keyId ?? '').length / 2} bytes`;
  return Buffer.from(e.value).toString('hex');
}

/** What a user of the certificate would notice, with the random parts (serial, key, dates) reduced to their shape. */
async function describeCert(pem: string, issuerPem?: string): Promise<unknown> {
  const c = new x509.X509Certificate(pem);
  const issuer = new x509.X509Certificate(issuerPem ?? pem);
  const ski = c.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  const aki = c.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId;
  return {
    subject: c.subject, issuer: c.issuer, signatureAlgorithm: c.signatureAlgorithm, publicKey: c.publicKey.algorithm,
    days: (c.notAfter.getTime() - c.notBefore.getTime()) / 86_400_000, serialBytes: c.serialNumber.length <= 34,
    recent: Math.abs(c.notBefore.getTime() - Date.now()) < 600_000,
    extensions: c.extensions.map((e) => ({ type: e.type, critical: e.critical, value: extensionValue(e) })),
    akiIsIssuerSki: aki === undefined ? 'none' : aki === issuer.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId,
    skiIsSha1: ski === undefined || ski.length === 40,
    verifies: await c.verify({ publicKey: issuer.publicKey, signatureOnly: true }),
  };
}

describe('Sprig crypto functions against the Go oracle', () => {
  it('generates certificates with the same X.509 structure as Go, which verify', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ format: 'pem', type: 'sec1' }).toString();
    const ed = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const sep = JSON.stringify(SEP);
    const cases: Case[] = [
      { text: `{{ $ca := genCA "Flotilla CA" 365 }}{{ $ca.Cert }}${sep}{{ $c := genSignedCert "leaf.example.com" (list "10.0.0.1" "::1" "::ffff:1.2.3.4") (list "a.example.com" "*.b.example.com") 30 $ca }}{{ $c.Cert }}` },
      { text: '{{ (genSelfSignedCert "self" (list "192.168.1.1") (list "svc.ns.svc") 7).Cert }}' },
      { text: '{{ (genSelfSignedCert "" nil (list "only-san") 1).Cert }}' },
      { text: `{{ $ca := genCAWithKey "EC CA" 10 .ec }}{{ $ca.Cert }}${sep}{{ (genSignedCertWithKey "ed-leaf" nil nil 2 $ca .ed).Cert }}`, data: { ec, ed } },
      { text: `{{ $ca := genCA "same" 1 }}{{ $ca.Cert }}${sep}{{ (genSignedCert "same" nil nil 1 $ca).Cert }}` },
      { text: '{{ (genSelfSignedCertWithKey "ünïcode & *wild*" nil nil 1 .ed).Cert }}', data: { ed } },
    ];
    const { go, ts } = bothSides(cases);
    for (let i = 0; i < cases.length; i++) {
      const describeAll = (certs: string[]): Promise<unknown[]> => Promise.all(certs.map((c, j) => describeCert(c, j > 0 ? certs[0] : undefined)));
      const [g, t] = await Promise.all([describeAll(go[i]), describeAll(ts[i])]);
      expect(t).toEqual(g);
      expect(JSON.stringify(t)).toContain('"verifies":true');
    }
  }, 60_000);

  it('generates private keys that import with the same parameters as Go', () => {
    const cases: Case[] = ['rsa', 'ecdsa', 'ed25519', 'dsa'].map((t) => ({ text: `{{ genPrivateKey "${t}" }}` }));
    const { go, ts } = bothSides(cases);
    const describeKey = (pem: string): unknown => {
      const type = /-----BEGIN ([A-Z ]+)-----/.exec(pem)?.[1];
      if (type === 'DSA PRIVATE KEY') {
        const ints = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
        return { type, bytes: ints.length > 800 };
      }
      const k = createPrivateKey(pem);
      return { type, key: k.asymmetricKeyType, details: k.asymmetricKeyDetails };
    };
    expect(ts.map((k) => k.map(describeKey))).toEqual(go.map((k) => k.map(describeKey)));
  }, 60_000);

  it('bcrypt and htpasswd hashes verify; AES ciphertexts decrypt across implementations', () => {
    const cases: Case[] = [
      { text: '{{ bcrypt "s3cr3t pässword" }}' }, { text: '{{ htpasswd "admin" "hunter2" }}' }, { text: '{{ encryptAES "key" "plain text ✓" }}' },
    ];
    const { go, ts } = bothSides(cases);
    for (const side of [go, ts]) {
      expect(bcryptjs.compareSync('s3cr3t pässword', side[0][0])).toBe(true);
      expect(side[0][0]).toMatch(/^\$2a\$10\$/);
      expect(bcryptjs.compareSync('hunter2', side[1][0].replace(/^admin:/, ''))).toBe(true);
    }
    const cross: Case[] = [go[2][0], ts[2][0]].map((c) => ({ text: '{{ decryptAES "key" .c }}', data: { c } }));
    const back = runOracle(buildOracle(), cross).map((r) => r.out);
    expect([...back, ...cross.map((c) => runOurs(c).out)]).toEqual(Array(4).fill('plain text ✓'));
  }, 60_000);

  it('getHostByName resolves through the caller, like net.LookupHost, and is absent without a resolver', () => {
    const c: Case = { text: '{{ $h := getHostByName "localhost" }}{{ has $h (list "127.0.0.1" "::1") }}|{{ getHostByName "no-such-host.invalid" }}' };
    const [go] = runOracle(buildOracle(), [c]);
    expect(runOurs(c)).toEqual(go);
    expect(() => Template.parse('t', '{{ getHostByName "x" }}')).toThrow('template: t:1: function "getHostByName" not defined');
    const resolveHost = (name: string): string[] => (name === 'db' ? ['10.1.2.3'] : []);
    expect(Template.parse('t', '{{ getHostByName "db" }}', { resolveHost }).execute({})).toBe('10.1.2.3');
  });
});

