// GnuPG key IDs as Argo CD compares them (util/gpg KeyID): a long key ID (16 hex digits) or a
// fingerprint (40, whose last 16 are the long ID), upper-cased. Short IDs (8) are ambiguous and refused.

const LONG_KEY_ID = /^[0-9A-F]{16}$/;
const FINGERPRINT = /^[0-9A-F]{40}$/;

/** The long key ID `id` names, or undefined when it is neither a long key ID nor a fingerprint. */
export function longKeyId(id: string): string | undefined {
  const upper = id.trim().replace(/^0X/i, '').toUpperCase();
  if (LONG_KEY_ID.test(upper)) return upper;
  if (FINGERPRINT.test(upper)) return upper.slice(24);
  return undefined;
}
