// Applies a string renderer to every string of a JSON tree, map keys included (Argo templates map keys
// too, e.g. an annotation named after a parameter); numbers and booleans pass through untouched.
import type { Params } from '../generators/generator.types';
import { isPlainObject } from '../json/json-value';
import type { StringRenderer } from './string.renderer';

export function renderTree<T>(tree: T, params: Params, render: StringRenderer): T {
  return renderValue(tree, params, render) as T;
}

function renderValue(value: unknown, params: Params, render: StringRenderer): unknown {
  if (typeof value === 'string') return render(value, params);
  if (Array.isArray(value)) return value.map((v) => renderValue(v, params, render));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Argo's reflection walk skips nil map entries, so they vanish from the rendered object.
    if (v === null || v === undefined) continue;
    out[render(key, params)] = renderValue(v, params, render);
  }
  return out;
}
