// Argo CD's resource override keys: `<group>/<kind>`, `<kind>` alone for the core group, `*/*` for
// every kind; keys of the `resource.customizations` map may hold glob wildcards (gobwas/glob syntax,
// where `*` crosses `.` and `/`): https://argo-cd.readthedocs.io/en/stable/operator-manual/health/

/** The override key of a group and kind, as Argo's lua.GetConfigMapKey. */
export const overrideKeyOf = (group: string, kind: string): string => (group ? `${group}/${kind}` : kind);

/** The key `*` stands for in `resource.customizations.<type>.all`. */
export const ALL_KINDS_KEY = '*/*';

/**
 * The override key of a split argocd-cm key's last part (`cert-manager.io_Certificate`, `Pod`,
 * `all`), as Argo's settings.convertToOverrideKey; an error message when it is neither form.
 */
export function overrideKeyFromSuffix(suffix: string): { key: string } | { error: string } {
  if (suffix === 'all') return { key: ALL_KINDS_KEY };
  const parts = suffix.split('_');
  if (parts.length === 2) return { key: `${parts[0]}/${parts[1]}` };
  if (parts.length === 1 && suffix !== '') return { key: suffix };
  return { error: `"${suffix}" is neither <group>_<kind> nor <kind> (nor all)` };
}

/** Group and kind patterns of an override key, as Argo's getGroupKindForOverrideKey. */
export function groupKindOfKey(key: string): { group: string; kind: string } | undefined {
  const parts = key.split('/');
  if (parts.length === 2) return { group: parts[0], kind: parts[1] };
  if (parts.length === 1) return { group: '', kind: parts[0] };
  return undefined;
}

export const hasWildcard = (pattern: string): boolean => /[*?[{\\]/.test(pattern);

const escape = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A bracket class at `i` (just past `[`), or undefined when it never closes. */
function bracketClass(p: string, i: number): { source: string; end: number } | undefined {
  let j = i;
  const negate = p[j] === '!';
  if (negate) j++;
  let body = '';
  for (; j < p.length && p[j] !== ']'; j++) body += p[j] === '-' ? '-' : escape(p[j]);
  if (j >= p.length || body === '') return undefined;
  return { source: `[${negate ? '^' : ''}${body}]`, end: j };
}

/** A gobwas/glob pattern (no separators) as an anchored RegExp; undefined when malformed. */
function compile(pattern: string): RegExp | undefined {
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (++i >= pattern.length) return undefined;
      out += escape(pattern[i]);
    } else if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const cls = bracketClass(pattern, i + 1);
      if (!cls) return undefined;
      out += cls.source;
      i = cls.end;
    } else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) out += '|';
    else out += escape(c);
  }
  if (depth !== 0) return undefined;
  try {
    return new RegExp(`^${out}$`, 's');
  } catch {
    return undefined;
  }
}

const compiled = new Map<string, RegExp | undefined>();

/** Whether a glob pattern is well formed (globMatch treats a malformed one as matching nothing). */
export const globIsValid = (pattern: string): boolean => !hasWildcard(pattern) || compile(pattern) !== undefined;

/** Whether text matches the glob pattern; a malformed pattern matches nothing, as Argo's glob.Match. */
export function globMatch(pattern: string, text: string): boolean {
  if (!hasWildcard(pattern)) return pattern === text;
  if (!compiled.has(pattern)) compiled.set(pattern, compile(pattern));
  return compiled.get(pattern)?.test(text) ?? false;
}
