// @flotilla/gotemplate: Go's text/template language plus Sprig v3, evaluated as Go does.
export { Template, type TemplateOptions } from './template';
export { TemplateError, TemplateExecError, TemplateParseError } from './errors';
export { GoInt, GoTime, goInt, int64, typedMap, typedSlice } from './values';
export { goFunc, type GoFunc, type GoType } from './exec/types';
export { withGoInts, decodeJsonWithInts } from './data';
export { renderTemplate, clearTemplateCache } from './render';
export type { MissingKey } from './exec/state';
