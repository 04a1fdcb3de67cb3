// The parameter sets of one child of a matrix or merge generator. Argo's nested combination types have
// no matrix or merge fields, so a matrix or merge nested deeper than one level is dropped when the
// ApplicationSet is read and that child then yields nothing; this reproduces that, with its message.
import { GeneratorRegistry, transformEntry } from './generator-entry.transform';
import { GeneratorContext, GeneratorEntry, GeneratorError, Params } from './generator.types';

const COMBINATIONS = ['matrix', 'merge'] as const;

export async function combinationChildParams(child: GeneratorEntry, children: GeneratorRegistry, ctx: GeneratorContext): Promise<Params[]> {
  const usable: GeneratorEntry = { ...child };
  let dropped = false;
  for (const key of COMBINATIONS) {
    if (usable[key] === undefined || usable[key] === null || children.has(key)) continue;
    delete usable[key];
    dropped = true;
  }
  let results;
  try {
    results = await transformEntry(usable, children, undefined, ctx);
  } catch (err) {
    throw new GeneratorError(`child generator returned an error on parameter generation: ${(err as Error).message}`);
  }
  if (results.length === 0) {
    const why = dropped ? ' (matrix and merge generators can only be nested once)' : '';
    throw new GeneratorError(`child generator generated no parameters${why}`);
  }
  if (results.length > 1) throw new GeneratorError('found more than one generator in matrix.Generators');
  return results[0].params;
}
