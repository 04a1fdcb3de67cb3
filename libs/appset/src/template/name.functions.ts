// The name helpers Argo adds to ApplicationSet templates: `normalize` (the clusters generator's
// nameNormalized) and `slugify`. https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/GoTemplate/
const MAX_DNS_NAME = 253;

/** Lowercase, [-a-z0-9.] only, at most 253 characters, no leading or trailing `-`/`.`. */
export function normalizeName(name: string): string {
  const lowered = name.toLowerCase().replace(/[^-a-z0-9.]/g, '-');
  return lowered.slice(0, MAX_DNS_NAME).replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * `slugify [maxSize] [smartTruncate] name`: a URL-safe slug (gosimple/slug rules) of the normalized
 * name, at most maxSize (50) long; smart truncation cuts at the last `-` that fits.
 */
export function slugify(...args: unknown[]): string {
  if (args.length === 0) return '';
  const name = args[args.length - 1];
  const maxSize = args.length > 1 ? Number(args[0]) : 50;
  const smart = args.length > 2 ? args[1] === true : true;
  if (typeof name !== 'string') throw new Error(`slugify: the name must be a string, not ${typeof name}`);
  const slug = normalizeName(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9_-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .toLowerCase();
  if (maxSize <= 0 || slug.length <= maxSize) return slug;
  if (!smart) return slug.slice(0, maxSize);
  for (let i = maxSize; i >= 0; i--) if (slug[i] === '-') return slug.slice(0, i);
  return slug.slice(0, maxSize);
}
