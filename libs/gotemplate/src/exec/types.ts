// Function signatures as Go's reflect sees them: parameter types drive argument evaluation,
// validation and error messages.
import { GoInt, typeName } from '../values';

/** A Go type name: 'interface {}', 'string', 'int', 'int64', 'float64', 'bool', '[]interface {}',
 *  'map[string]interface {}', '[]string', or 'reflect.Value' (built-ins that take any value). */
export type GoType = string;

export interface GoFunc {
  /** The implementation: thrown errors become `error calling NAME: MESSAGE`. */
  fn: (...args: never[]) => unknown;
  params: GoType[];
  /** Element type of a trailing variadic parameter. */
  variadic?: GoType;
  /**
   * What a call would make, worked out from its arguments before it runs, so that an oversized
   * result is refused instead of allocated: a string's length ('bytes') or a list's ('items').
   * `size` may stop counting once past `cap`.
   */
  makes?: { kind: 'bytes' | 'items'; size: (args: unknown[], cap: number) => number };
  /** A Go method with this many results (not a value and an error): templates cannot call it. */
  results?: number;
}

export const ANY = 'interface {}';
export const VALUE = 'reflect.Value';

export function canBeNil(t: GoType): boolean {
  return t === ANY || t === VALUE || t.startsWith('[]') || t.startsWith('map[') || t.startsWith('*') || t.startsWith('func');
}

export function assignable(v: unknown, t: GoType): boolean {
  if (t === ANY || t === VALUE) return true;
  return typeName(v) === t;
}

/** A typed zero value (missingkey=zero on typed maps, nil to typed params). */
export function zeroOf(t: GoType): unknown {
  switch (t) {
    case 'string': return '';
    case 'bool': return false;
    case 'float64': case 'float32': return 0;
  }
  if (/^u?int(8|16|32|64)?$/.test(t)) return new GoInt(0, t as GoInt['kind']);
  if (t.startsWith('[]')) return [];
  if (t.startsWith('map[')) return {};
  return null;
}

/** Wraps a JS function as a Go func with an explicit signature. */
export function goFunc(fn: (...args: never[]) => unknown, params: GoType[], variadic?: GoType, makes?: GoFunc['makes']): GoFunc {
  return makes ? { fn, params, variadic, makes } : { fn, params, variadic };
}
