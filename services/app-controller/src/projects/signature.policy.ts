// Whether a rendered revision may be synced under its project's signatureKeys (Argo's
// verifyGnuPGSignature in controller/state.go): repo-server returns git's raw GnuPG status lines,
// and only a good signature by one of the project's keys passes. Every other outcome is a message
// that says what is wrong and what to change.
import { longKeyId, type SignatureKey } from '@flotilla/api-types';

export type VerifyOutcome =
  | { result: 'good'; keyId: string; primaryKeyId?: string; signer: string }
  | { result: 'bad'; keyId: string; signer: string }
  | { result: 'unknown-key'; keyId: string }
  | { result: 'expired' | 'revoked'; keyId: string; signer: string; what: string }
  | { result: 'unverifiable'; detail: string };

/** The first signature in `git verify-commit --raw` output; undefined when there is none (unsigned). */
export function parseVerifyResult(raw: string | undefined): VerifyOutcome | undefined {
  const lines = (raw ?? '')
    .split('\n')
    .filter((l) => l.startsWith('[GNUPG:] '))
    .map((l) => l.slice(9).trim().split(' '));
  if (!lines.length) return undefined;
  // A commit has one signature; should there be more, the first one decides.
  const second = lines.findIndex((l, i) => l[0] === 'NEWSIG' && i > 0);
  const first = second > 0 ? lines.slice(0, second) : lines;
  const find = (status: string): string[] | undefined => first.find((l) => l[0] === status);
  const signer = (l: string[]): string => l.slice(2).join(' ');
  const validsig = find('VALIDSIG');
  const primaryKeyId = validsig?.[10] ? longKeyId(validsig[10]) : undefined;
  const good = find('GOODSIG');
  if (good) return { result: 'good', keyId: good[1].toUpperCase(), ...(primaryKeyId ? { primaryKeyId } : {}), signer: signer(good) };
  const bad = find('BADSIG');
  if (bad) return { result: 'bad', keyId: bad[1].toUpperCase(), signer: signer(bad) };
  const expiredKey = find('EXPKEYSIG');
  if (expiredKey) return { result: 'expired', keyId: expiredKey[1].toUpperCase(), signer: signer(expiredKey), what: 'the key has expired' };
  const expiredSig = find('EXPSIG');
  if (expiredSig)
    return { result: 'expired', keyId: expiredSig[1].toUpperCase(), signer: signer(expiredSig), what: 'the signature has expired' };
  const revoked = find('REVKEYSIG');
  if (revoked) return { result: 'revoked', keyId: revoked[1].toUpperCase(), signer: signer(revoked), what: 'the key was revoked' };
  const errsig = find('ERRSIG');
  const noPubkey = find('NO_PUBKEY');
  // ERRSIG's 6th field is why: 9 is a missing public key.
  if (noPubkey || errsig?.[6] === '9') return { result: 'unknown-key', keyId: (noPubkey?.[1] ?? errsig![1]).toUpperCase() };
  return { result: 'unverifiable', detail: first.map((l) => l.join(' ')).join('; ') };
}

export interface SignatureCheck {
  project: string;
  keys: SignatureKey[];
  /** The commit SHA (or chart version) that was rendered. */
  revision: string;
  /** repo-server's verifyResult for it. */
  verifyResult?: string;
  /** The source is a chart from a Helm repository: there is no commit to be signed. */
  chart?: string;
}

/** Why the revision may not be synced under the project's signatureKeys; undefined when it may. */
export function signatureProblem(check: SignatureCheck): string | undefined {
  const allowed = check.keys.map((k) => longKeyId(k.keyID)).filter((k): k is string => !!k);
  const listed = check.keys.map((k) => k.keyID).join(', ');
  const requirement = `project ${check.project} requires a GnuPG signature by one of its signatureKeys (${listed})`;
  if (check.chart)
    return `chart ${check.chart} ${check.revision} comes from a Helm repository, which has no git commit to verify, but ${requirement}; use a git source`;
  const outcome = parseVerifyResult(check.verifyResult);
  const revision = `revision ${check.revision}`;
  if (!outcome) return `${revision} is not signed, but ${requirement}`;
  switch (outcome.result) {
    case 'good':
      if (allowed.includes(outcome.keyId) || (outcome.primaryKeyId && allowed.includes(outcome.primaryKeyId))) return undefined;
      return `${revision} is signed by ${outcome.signer} with key ${outcome.primaryKeyId ?? outcome.keyId}, which is not in the signatureKeys of project ${check.project} (${listed})`;
    case 'bad':
      return `${revision} has a BAD signature by key ${outcome.keyId} (${outcome.signer}): its content does not match what was signed`;
    case 'unknown-key':
      return `${revision} is signed with key ${outcome.keyId}, which repo-server does not know: its public key is not in argocd-gpg-keys-cm (${requirement})`;
    case 'expired':
    case 'revoked':
      return `${revision} is signed by ${outcome.signer} with key ${outcome.keyId}, but ${outcome.what}`;
    case 'unverifiable':
      return `could not verify the signature of ${revision} (${outcome.detail}), and ${requirement}`;
  }
}
