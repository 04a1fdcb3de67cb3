/** A template or templatePatch that cannot be rendered with a parameter set. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}
