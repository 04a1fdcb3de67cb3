/** Replaces every occurrence of a sensitive value (longest first, so overlaps mask fully) with ***. */
export function maskSecrets(text: string, sensitive: readonly string[]): string {
  let masked = text;
  for (const value of [...sensitive].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) masked = masked.split(value).join('***');
  return masked;
}
