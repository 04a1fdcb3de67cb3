// goTemplate: true — each string is a Go text/template with Sprig, plus Argo's normalize, slugify,
// toYaml, fromYaml and fromYamlArray (ARGO_FUNCS, one object for the process so the library's parse
// cache, keyed by it, is shared), and without env/expandenv (no peeking at the controller's host).
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/GoTemplate/
import { ARGO_FUNCS, ExecBudget, type ExecLimits, MissingKey, renderTemplate, TemplateLimitError } from '@flotilla/gotemplate';
import type { Params } from '../generators/generator.types';
import { echo, TemplateError } from './template.error';

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
