/** A template or templatePatch that cannot be rendered with a parameter set. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    /** The execution limit that stopped the render (e.g. 'timeoutMs'), when one did. */
    readonly limit?: string,
  ) {
    super(message);
  }
}

/** How much of a template, a rendered text or an error message goes into a message that quotes it. */
export const ECHO_MAX = 1024;

/** text, cut to ECHO_MAX characters: messages end up in logs and in status.conditions, never whole outputs. */
export function echo(text: string): string {
  return text.length <= ECHO_MAX ? text : `${text.slice(0, ECHO_MAX)}... (${text.length - ECHO_MAX} more characters)`;
}
