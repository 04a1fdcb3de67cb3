type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The `fields` query parameter of a REST list call, as Argo CD's list forwarder honours it (the UI
 * asks `fields=metadata.resourceVersion,items.metadata.name,items.spec.project,…`): each item keeps
 * only the named `items.` paths and what leads to them, or with a leading `-` loses them; the
 * list's own metadata (resourceVersion, continue) always stays whole. A path naming nothing is
 * simply absent, and an array on the way is entered element by element.
 */
export function projectListFields(list: Json, query: string | null): Json {
  if (!query || list === null || typeof list !== 'object' || Array.isArray(list)) return list;
  const exclude = query.startsWith('-');
  const paths = (exclude ? query.slice(1) : query)
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.startsWith('items.'))
    .map((p) => p.slice('items.'.length));
  const items = Array.isArray(list.items) ? list.items : [];
  const projected = items.map((item) => (exclude ? without(item, new Set(paths), '') : only(item, new Set(paths), '')) ?? {});
  return { ...list, items: projected };
}

/** What of `value` lies on the named paths (each whole) or on the way to them; undefined when nothing. */
function only(value: Json, paths: Set<string>, at: string): Json | undefined {
  if (Array.isArray(value)) return value.map((element) => only(element, paths, at) ?? {});
  if (value === null || typeof value !== 'object') return undefined;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    if (paths.has(path)) out[key] = child;
    else if (leadsTo(paths, path)) {
      const kept = only(child, paths, path);
      // An object on the way that holds none of the named paths is left out, as Argo leaves it.
      if (kept !== undefined && !isEmptyObject(kept)) out[key] = kept;
    }
  }
  return out;
}

/** `value` without the named paths. */
function without(value: Json, paths: Set<string>, at: string): Json {
  if (Array.isArray(value)) return value.map((element) => without(element, paths, at));
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    if (paths.has(path)) continue;
    out[key] = leadsTo(paths, path) ? without(child, paths, path) : child;
  }
  return out;
}

const leadsTo = (paths: Set<string>, path: string): boolean => {
  for (const p of paths) if (p.startsWith(`${path}.`)) return true;
  return false;
};

const isEmptyObject = (value: Json): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
