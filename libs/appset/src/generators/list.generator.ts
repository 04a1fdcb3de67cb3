// `list`: one parameter set per element of `elements` and of the YAML array in `elementsYaml`.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-List/
import { parse } from 'yaml';
import { isPlainObject } from '../json/json-value';
import { Generator, GeneratorContext, GeneratorEntry, GeneratorError, Params, useGoTemplate } from './generator.types';

export class ListGenerator implements Generator {
  readonly key = 'list';

  generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Params[] {
    if (!entry.list) throw new GeneratorError('ApplicationSet is empty');
    const goTemplate = useGoTemplate(ctx.appSet);
    const params = (entry.list.elements ?? []).map((element, i) => (goTemplate ? { ...element } : flatElement(element, i)));
    // elementsYaml entries are passed through as parsed, in both template modes, as Argo does.
    if (entry.list.elementsYaml) params.push(...parseElementsYaml(entry.list.elementsYaml));
    return params;
  }

  template(entry: GeneratorEntry) {
    return entry.list?.template;
  }
}

/** fasttemplate only substitutes strings, so every element value (and each `values.*`) must be one. */
function flatElement(element: Record<string, unknown>, index: number): Params {
  const params: Params = {};
  for (const [key, value] of Object.entries(element)) {
    if (key !== 'values') {
      params[key] = requireString(value, `elements[${index}].${key}`);
      continue;
    }
    if (!isPlainObject(value)) throw new GeneratorError(`error parsing values map: elements[${index}].values must be a map`);
    for (const [k, v] of Object.entries(value)) params[`values.${k}`] = requireString(v, `elements[${index}].values.${k}`);
  }
  return params;
}

function requireString(value: unknown, path: string): string {
  if (typeof value !== 'string')
    throw new GeneratorError(`error parsing value as string: ${path} is ${JSON.stringify(value)}; quote it, or set goTemplate: true`);
  return value;
}

function parseElementsYaml(text: string): Params[] {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (err) {
    throw new GeneratorError(`error unmarshling decoded ElementsYaml ${(err as Error).message}`);
  }
  if (parsed === null || parsed === undefined) return [];
  if (!Array.isArray(parsed) || !parsed.every(isPlainObject))
    throw new GeneratorError('error unmarshling decoded ElementsYaml: expected a list of maps');
  return parsed;
}
