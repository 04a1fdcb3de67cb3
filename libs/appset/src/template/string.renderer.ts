// Picks how one string of a template is rendered: fasttemplate by default, Go text/template (with
// Sprig and Argo's extra functions) when the ApplicationSet sets `goTemplate: true`.
import type { ExecLimits } from '@flotilla/gotemplate';
import type { Params } from '../generators/generator.types';
import { renderFastTemplate } from './fast-template.renderer';
import { goTemplateRenderer } from './go-template.renderer';

export interface TemplateMode {
  goTemplate?: boolean;
  goTemplateOptions?: string[];
}

export type StringRenderer = (text: string, params: Params) => string;

/** One renderer: in goTemplate mode everything it renders shares one budget of `limits`. */
export function stringRenderer(mode: TemplateMode, limits?: ExecLimits): StringRenderer {
  return mode.goTemplate === true ? goTemplateRenderer(mode.goTemplateOptions ?? [], limits) : renderFastTemplate;
}

/** A renderer that gives every string its own budget: for renders spread over awaits (generators), where a shared clock would count the waiting. */
export function perStringRenderer(mode: TemplateMode, limits?: ExecLimits): StringRenderer {
  if (mode.goTemplate !== true) return renderFastTemplate;
  return (text, params) => goTemplateRenderer(mode.goTemplateOptions ?? [], limits)(text, params);
}
