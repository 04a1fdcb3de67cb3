// @flotilla/gotemplate: Go's text/template language plus Sprig v3, evaluated as Go does.
export { Template, type ExecuteOptions, type TemplateOptions } from './template';
export { DEFAULT_LIMITS, ExecBudget, printedSize, type ExecLimits, type LimitName } from './exec/limits';
export { TemplateError, TemplateExecError, TemplateLimitError, TemplateParseError } from './errors';
export { GoInt, GoTime, goInt, int64, typedMap, typedSlice } from './values';
export { goFunc, type GoFunc, type GoType } from './exec/types';
export { withGoInts, decodeJsonWithInts } from './data';
export { renderTemplate, clearTemplateCache } from './render';
export type { MissingKey } from './exec/state';
export { ARGO_FUNCS, fromYaml, fromYamlArray, normalize, slugify, toYaml } from './argo';
