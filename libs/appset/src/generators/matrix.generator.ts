// `matrix`: the Cartesian product of two child generators' parameter sets; the second child may use
// the first's parameters in its own fields. https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Matrix/
import { combinationChildParams } from './combination-child.params';
import { goValueString, GeneratorRegistry } from './generator-entry.transform';
import { Generator, GeneratorContext, GeneratorEntry, GeneratorError, Params, useGoTemplate } from './generator.types';
import { interpolateEntry } from './generator-entry.interpolate';
import { isPlainObject } from '../json/json-value';

export class MatrixGenerator implements Generator {
  readonly key = 'matrix';

  /** @param children the generators a matrix may nest (terminal ones, plus matrix and merge one level down). */
  constructor(private readonly children: GeneratorRegistry) {}

  async generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Promise<Params[]> {
    const children = (entry.matrix?.generators ?? []) as GeneratorEntry[];
    if (!entry.matrix) throw new GeneratorError('ApplicationSet is empty');
    if (children.length < 2) throw new GeneratorError('found less than two generators, Matrix support only two');
    if (children.length > 2) throw new GeneratorError('found more than two generators, Matrix support only two');
    const goTemplate = useGoTemplate(ctx.appSet);
    const result: Params[] = [];
    for (const a of await this.childParams(children[0], ctx, 'first')) {
      const second = interpolateEntry(children[1], a, ctx.appSet, ctx.templateLimits);
      for (const b of await this.childParams(second, ctx, 'second')) {
        // The product grows as fast as both children together: refuse it before it fills the heap.
        if (ctx.maxParams !== undefined && result.length >= ctx.maxParams)
          throw new GeneratorError(`the matrix generator would produce more than ${ctx.maxParams} parameter sets`);
        result.push(goTemplate ? deepMerge(b, a) : combineFlat(a, b));
      }
    }
    return result;
  }

  template(entry: GeneratorEntry) {
    return entry.matrix?.template as ReturnType<Generator['template']>;
  }

  private async childParams(child: GeneratorEntry, ctx: GeneratorContext, which: 'first' | 'second'): Promise<Params[]> {
    try {
      return await combinationChildParams(child, this.children, ctx);
    } catch (err) {
      const msg =
        which === 'first'
          ? 'error failed to get params for first generator in matrix generator'
          : 'failed to get params for second generator in the matrix generator';
      throw new GeneratorError(`${msg}: ${(err as Error).message}`);
    }
  }
}

/** fasttemplate parameters are flat strings; the same key with two values is a conflict. */
function combineFlat(a: Params, b: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(a)) out[k] = goValueString(v);
  for (const [k, v] of Object.entries(b)) {
    const value = goValueString(v);
    if (k in out && out[k] !== value) {
      throw new GeneratorError(
        `failed to combine string maps with merging params for the matrix generator: found duplicate key ${k} with different value, a: ${String(out[k])} ,b: ${value}`,
      );
    }
    out[k] = value;
  }
  return out;
}

/** mergo.Merge(WithOverride): `over` wins, nested maps merge key by key. */
export function deepMerge(base: Params, over: Params): Params {
  const out: Params = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k], v) : v;
  return out;
}
