// Which customizations apply to a group/kind: Argo's lua.GetHealthScript (the exact key first, then
// wildcard keys) and the system-level ignore rules of its diff normalizer (every matching key).
import type { ResourceIgnoreDifferences } from '@flotilla/api-types';
import { globMatch, groupKindOfKey, hasWildcard, overrideKeyOf } from './override-key';
import type { HealthCustomization, ResourceCustomizations } from './resource-customizations';

export interface KindHealthCustomization extends HealthCustomization {
  /** The override key it was configured under, to name it in messages. */
  key: string;
}

/**
 * The custom health check for a group/kind: the exact key, else the first wildcard key that matches
 * (in key order; Argo takes whichever its map yields first), else the script library's.
 */
export function healthCustomizationFor(c: ResourceCustomizations, group: string, kind: string): KindHealthCustomization | undefined {
  const key = overrideKeyOf(group, kind);
  const exact = c.health[key];
  if (exact) return { ...exact, key };
  const wildcard = Object.keys(c.health).find((k) => hasWildcard(k) && globMatch(k, key));
  if (wildcard) return { ...c.health[wildcard], key: wildcard };
  // Then the script library, as Argo falls back to its built-in scripts.
  const library = c.libraryHealth?.[key];
  return library ? { ...library, key } : undefined;
}

/** The ignoreDifferences customizations for a group/kind, as rules for exactly that group/kind. */
export function ignoreDifferencesFor(c: ResourceCustomizations, group: string, kind: string): ResourceIgnoreDifferences[] {
  const rules: ResourceIgnoreDifferences[] = [];
  for (const [key, diff] of Object.entries(c.ignoreDifferences)) {
    const gk = groupKindOfKey(key);
    if (!gk || !globMatch(gk.group, group) || !globMatch(gk.kind, kind)) continue;
    rules.push({ group, kind, ...diff });
  }
  return rules;
}
