// goTemplate: true — each string is a Go text/template with Sprig, plus Argo's normalize, slugify,
// toYaml, fromYaml and fromYamlArray, and without env/expandenv (no peeking at the controller's host).
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/GoTemplate/
import { MissingKey, renderTemplate } from '@flotilla/gotemplate';
import { parse, parseAllDocuments, stringify } from 'yaml';
import type { Params } from '../generators/generator.types';
import { normalizeName, slugify } from './name.functions';
import { TemplateError } from './template.error';

// One object for the whole process, so the library's parse cache (keyed by it) is shared.
const ARGO_FUNCS = {
  normalize: normalizeName,
  slugify,
  toYaml: (v: unknown): string => (v === undefined || v === null ? 'null' : stringify(v).replace(/\n$/, '')),
  fromYaml: (text: string): unknown => {
    const v: unknown = parse(text);
    if (v !== null && v !== undefined && (typeof v !== 'object' || Array.isArray(v)))
      throw new Error('fromYaml: the document is not a map');
    return v ?? {};
  },
  fromYamlArray: (text: string): unknown => {
    const docs = parseAllDocuments(text);
    const v: unknown = docs.length ? (docs[0].toJS() as unknown) : [];
    if (v !== null && v !== undefined && !Array.isArray(v)) throw new Error('fromYamlArray: the document is not a list');
    return v ?? [];
  },
};

export function goTemplateRenderer(options: readonly string[]): (text: string, params: Params) => string {
  return (text, params) => {
    const missingKey = missingKeyOption(options);
    try {
      return renderTemplate(text, params, { missingKey, funcs: ARGO_FUNCS });
    } catch (err) {
      throw new TemplateError(`failed to execute go template ${text}: ${(err as Error).message}`);
    }
  };
}

/** goTemplateOptions are text/template Option strings; missingkey is the only one Go has. */
function missingKeyOption(options: readonly string[]): MissingKey {
  let missingKey: MissingKey = 'default';
  for (const option of options) {
    const match = /^missingkey=(default|invalid|zero|error)$/.exec(option);
    if (!match)
      throw new TemplateError(
        `unrecognized goTemplateOptions entry "${option}" (text/template knows missingkey=default|invalid|zero|error)`,
      );
    missingKey = match[1] as MissingKey;
  }
  return missingKey;
}
