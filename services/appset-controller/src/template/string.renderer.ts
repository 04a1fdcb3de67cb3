// Picks how one string of a template is rendered: fasttemplate by default, Go text/template (with
// Sprig and Argo's extra functions) when the ApplicationSet sets `goTemplate: true`.
import type { Params } from '../generators/generator.types';
import { renderFastTemplate } from './fast-template.renderer';
import { goTemplateRenderer } from './go-template.renderer';

export interface TemplateMode {
  goTemplate?: boolean;
  goTemplateOptions?: string[];
}

export type StringRenderer = (text: string, params: Params) => string;

export function stringRenderer(mode: TemplateMode): StringRenderer {
  return mode.goTemplate === true ? goTemplateRenderer(mode.goTemplateOptions ?? []) : renderFastTemplate;
}
