// goTemplate: true — each string is a Go text/template with Sprig, plus Argo's normalize, slugify,
// toYaml, fromYaml and fromYamlArray, and without env/expandenv (no peeking at the controller's host).
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/GoTemplate/
import { ExecBudget, type ExecLimits, goFunc, MissingKey, printedSize, renderTemplate, TemplateLimitError } from '@flotilla/gotemplate';
import { parse, parseAllDocuments, stringify } from 'yaml';
import type { Params } from '../generators/generator.types';
import { normalizeName, slugify } from './name.functions';
import { echo, TemplateError } from './template.error';

// One object for the whole process, so the library's parse cache (keyed by it) is shared.
const ARGO_FUNCS = {
  normalize: normalizeName,
  slugify,
  // Sized first, like Sprig's toJson: a list holding one big string many times must not be serialized.
  toYaml: goFunc((v: unknown): string => (v === undefined || v === null ? 'null' : stringify(v).replace(/\n$/, '')), ['interface {}'], undefined, {
    kind: 'bytes',
    size: ([v], cap) => printedSize(v, cap),
  }),
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

/**
 * Renders strings in goTemplate mode. All the strings one renderer renders share one budget of
 * `limits` (its clock starts at the first string), so make one renderer per Application.
 */
export function goTemplateRenderer(options: readonly string[], limits?: ExecLimits): (text: string, params: Params) => string {
  let budget: ExecBudget | undefined;
  return (text, params) => {
    const missingKey = missingKeyOption(options);
    budget ??= new ExecBudget(limits);
    try {
      return renderTemplate(text, params, { missingKey, funcs: ARGO_FUNCS }, { budget });
    } catch (err) {
      const limit = err instanceof TemplateLimitError ? err.limit : undefined;
      throw new TemplateError(`failed to execute go template ${echo(text)}: ${echo((err as Error).message)}`, limit);
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
