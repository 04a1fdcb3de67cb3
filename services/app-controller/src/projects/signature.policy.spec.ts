import { parseVerifyResult, signatureProblem } from './signature.policy';

// Status lines as `git verify-commit --raw` prints them with gpg 2.2.
const FPR = 'BF22AA00CDE5C6B88D6CAFF64ACF305AF3D5EE19';
const KEY = '4ACF305AF3D5EE19';
const GOOD = `[GNUPG:] NEWSIG
[GNUPG:] KEY_CONSIDERED ${FPR} 0
[GNUPG:] SIG_ID Re/w/Th4Beroq9WpXL5v2M1nbXA 2026-12-07 1796651893
[GNUPG:] GOODSIG ${KEY} Signer <s@example.com>
[GNUPG:] VALIDSIG ${FPR} 2026-12-07 1796651893 0 4 0 22 8 00 ${FPR}
[GNUPG:] TRUST_UNDEFINED 0 pgp`;
// Signed by a subkey: GOODSIG names the subkey, VALIDSIG's last field the primary key.
const SUBKEY_FPR = '0123456789ABCDEF0123456789ABCDEF01234567';
const BY_SUBKEY = `[GNUPG:] NEWSIG
[GNUPG:] GOODSIG 89ABCDEF01234567 Signer <s@example.com>
[GNUPG:] VALIDSIG ${SUBKEY_FPR} 2026-12-07 1796651893 0 4 0 22 8 00 ${FPR}`;
const UNKNOWN = `[GNUPG:] NEWSIG
[GNUPG:] ERRSIG ${KEY} 22 8 00 1796651893 9 ${FPR}
[GNUPG:] NO_PUBKEY ${KEY}`;
const BAD = `[GNUPG:] NEWSIG\n[GNUPG:] BADSIG ${KEY} Signer <s@example.com>`;
const EXPIRED = `[GNUPG:] NEWSIG\n[GNUPG:] EXPKEYSIG ${KEY} Signer <s@example.com>`;
const SHA = 'a'.repeat(40);

describe('parseVerifyResult', () => {
  it.each([
    ['unsigned', '', undefined],
    ['good', GOOD, { result: 'good', keyId: KEY, primaryKeyId: KEY, signer: 'Signer <s@example.com>' }],
    ['good by a subkey', BY_SUBKEY, { result: 'good', keyId: '89ABCDEF01234567', primaryKeyId: KEY, signer: 'Signer <s@example.com>' }],
    ['unknown key', UNKNOWN, { result: 'unknown-key', keyId: KEY }],
    ['bad', BAD, { result: 'bad', keyId: KEY, signer: 'Signer <s@example.com>' }],
    ['expired key', EXPIRED, { result: 'expired', keyId: KEY, signer: 'Signer <s@example.com>', what: 'the key has expired' }],
    [
      'something else',
      '[GNUPG:] NEWSIG\n[GNUPG:] ERRSIG X 22 8 00 1 4',
      { result: 'unverifiable', detail: 'NEWSIG; ERRSIG X 22 8 00 1 4' },
    ],
  ])('%s', (_name, raw, expected) => expect(parseVerifyResult(raw)).toEqual(expected));
});

describe('signatureProblem', () => {
  const check = (verifyResult: string, keyID = KEY) =>
    signatureProblem({ project: 'signed', keys: [{ keyID }], revision: SHA, verifyResult });

  it('passes a good signature by a listed key, named by long ID or fingerprint in any case, or by its primary key when a subkey signed', () => {
    expect(check(GOOD)).toBeUndefined();
    expect(check(GOOD, KEY.toLowerCase())).toBeUndefined();
    expect(check(GOOD, FPR)).toBeUndefined();
    expect(check(BY_SUBKEY)).toBeUndefined();
  });

  it('refuses everything else, saying why', () => {
    expect(check('')).toBe(
      `revision ${SHA} is not signed, but project signed requires a GnuPG signature by one of its signatureKeys (${KEY})`,
    );
    expect(check(GOOD, 'D48F075D818A813C')).toBe(
      `revision ${SHA} is signed by Signer <s@example.com> with key ${KEY}, which is not in the signatureKeys of project signed (D48F075D818A813C)`,
    );
    // A short key ID never matches: eight digits are too easy to collide.
    expect(check(GOOD, KEY.slice(8))).toMatch(/not in the signatureKeys/);
    expect(check(UNKNOWN)).toMatch(
      new RegExp(`signed with key ${KEY}, which repo-server does not know: its public key is not in argocd-gpg-keys-cm`),
    );
    expect(check(BAD)).toMatch(/has a BAD signature by key/);
    expect(check(EXPIRED)).toMatch(/but the key has expired$/);
    expect(signatureProblem({ project: 'signed', keys: [{ keyID: KEY }], revision: '1.2.3', chart: 'redis' })).toMatch(
      /^chart redis 1\.2\.3 comes from a Helm repository, which has no git commit to verify/,
    );
  });
});
