// Argo's default (non-goTemplate) substitution: valyala/fasttemplate with `{{` `}}`, the tag trimmed,
// only string parameters substituted, anything else left exactly as written.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Template/
import type { Params } from '../generators/generator.types';
import { TemplateError } from './template.error';

const START = '{{';
const END = '}}';
// Argo only runs fasttemplate when some line holds `{{ … }}` (Go's `.` stops at newlines).
const LOOKS_TEMPLATED = /\{\{[^\n]*\}\}/;

/** Substitutes `{{key}}` / `{{ key }}` with params[key] when that is a string. */
export function renderFastTemplate(text: string, params: Params): string {
  if (!LOOKS_TEMPLATED.test(text)) return text;
  let out = '';
  let rest = text;
  for (;;) {
    const start = rest.indexOf(START);
    if (start < 0) return out + rest;
    out += rest.slice(0, start);
    rest = rest.slice(start + START.length);
    const end = rest.indexOf(END);
    if (end < 0) {
      throw new TemplateError(`invalid template: cannot find end tag "${END}" in the template "${text}" starting from "${rest}"`);
    }
    const tag = rest.slice(0, end);
    rest = rest.slice(end + END.length);
    const key = tag.trim();
    const value = params[key];
    out += key !== '' && typeof value === 'string' ? value : `${START}${tag}${END}`;
  }
}
