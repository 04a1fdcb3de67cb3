/** A parsed semantic version; prerelease kept as a string for ordering. */
export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseSemver(text: string): SemVer | undefined {
  const m = VERSION.exec(text.trim());
  return m ? { major: +m[1], minor: +(m[2] ?? 0), patch: +(m[3] ?? 0), prerelease: m[4] ?? '' } : undefined;
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const na = /^\d+$/.test(pa[i]);
    const nb = /^\d+$/.test(pb[i]);
    if (na && nb && +pa[i] !== +pb[i]) return +pa[i] - +pb[i];
    if (na !== nb) return na ? -1 : 1;
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}

export function compareSemver(a: SemVer, b: SemVer): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePre(a.prerelease, b.prerelease);
}

type Check = (v: SemVer) => boolean;

/** `1`, `1.2`, `1.2.x`, `*`: the lowest version the partial names and how many parts it fixed. */
function partial(text: string): { v: SemVer; parts: number } | undefined {
  const cleaned = text.replace(/^v/, '');
  if (cleaned === '*' || cleaned === 'x' || cleaned === 'X' || cleaned === '') return { v: { major: 0, minor: 0, patch: 0, prerelease: '' }, parts: 0 };
  const pieces = cleaned.split('-')[0].split('.');
  const fixed = pieces.findIndex((p) => /^[xX*]$/.test(p));
  const parts = fixed < 0 ? pieces.length : fixed;
  const v = parseSemver(pieces.slice(0, parts).join('.') + (cleaned.includes('-') && parts === 3 ? `-${cleaned.split('-').slice(1).join('-')}` : ''));
  return v && { v, parts };
}

const bump = (v: SemVer, parts: number): SemVer =>
  parts <= 1 ? { major: v.major + 1, minor: 0, patch: 0, prerelease: '' } : parts === 2 ? { ...v, minor: v.minor + 1, patch: 0, prerelease: '' } : { ...v, patch: v.patch + 1, prerelease: '' };

function term(op: string, text: string): Check {
  const p = partial(text);
  if (!p) throw new Error(`invalid version constraint "${op}${text}"`);
  const { v, parts } = p;
  const cmp = (x: SemVer): number => compareSemver(x, v);
  const upper = bump(v, parts);
  switch (op) {
    case '>':
      return parts < 3 ? (x) => compareSemver(x, upper) >= 0 : (x) => cmp(x) > 0;
    case '>=':
    case '=>':
      return (x) => cmp(x) >= 0;
    case '<':
      return (x) => cmp(x) < 0;
    case '<=':
    case '=<':
      return parts < 3 ? (x) => compareSemver(x, upper) < 0 : (x) => cmp(x) <= 0;
    case '!=':
      return (x) => cmp(x) !== 0;
    case '~':
    case '~>':
      return (x) => cmp(x) >= 0 && compareSemver(x, bump(v, parts === 1 ? 1 : 2)) < 0;
    case '^': {
      const top = v.major > 0 || parts === 1 ? bump(v, 1) : v.minor > 0 || parts === 2 ? bump(v, 2) : bump(v, 3);
      return (x) => cmp(x) >= 0 && compareSemver(x, top) < 0;
    }
    default:
      return parts === 0 ? () => true : (x) => cmp(x) >= 0 && (parts === 3 ? cmp(x) === 0 : compareSemver(x, upper) < 0);
  }
}

/**
 * A Helm (Masterminds semver) constraint: `||` between alternatives, commas or spaces between
 * terms that must all hold, `1.2.3 - 1.4` hyphen ranges, `^ ~ > >= < <= = !=` and `x`/`*` wildcards.
 * Prereleases only match a constraint that itself names a prerelease, as in Helm.
 */
export function satisfies(version: SemVer, constraint: string): boolean {
  return constraint.split('||').some((alt) => {
    const text = alt.trim().replace(/\s*-\s+/, ' - ');
    const allowPre = /-[0-9A-Za-z]/.test(text.replace(/ - /g, ' '));
    if (version.prerelease && !allowPre) return false;
    const hyphen = /^(\S+) - (\S+)$/.exec(text);
    if (hyphen) return term('>=', hyphen[1])(version) && term('<=', hyphen[2])(version);
    const terms = text.split(/[\s,]+/).filter(Boolean);
    const checks: Check[] = [];
    for (let i = 0; i < terms.length; i++) {
      let t = terms[i];
      if (/^(>=|<=|=>|=<|!=|~>|>|<|=|~|\^)$/.test(t) && terms[i + 1]) t += terms[++i];
      const m = /^(>=|<=|=>|=<|!=|~>|>|<|=|~|\^)?(.*)$/.exec(t)!;
      checks.push(term(m[1] ?? '', m[2]));
    }
    return checks.every((c) => c(version));
  });
}

/** The highest of `versions` matching `constraint`; an exact version must match exactly. */
export function maxSatisfying(versions: string[], constraint: string): string | undefined {
  const wanted = constraint.trim() || '*';
  let best: { text: string; v: SemVer } | undefined;
  for (const text of versions) {
    const v = parseSemver(text);
    if (!v || !satisfies(v, wanted)) continue;
    if (!best || compareSemver(v, best.v) > 0) best = { text, v };
  }
  return best?.text;
}
