// Errors thrown by Template.parse and Template.execute, carrying Go's exact messages.

export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** A template that does not parse; message as Go's text/template/parse reports it. */
export class TemplateParseError extends TemplateError {
  override name = 'TemplateParseError';
}

/** A failure while executing; message as Go's text/template reports it (with line:col). */
export class TemplateExecError extends TemplateError {
  override name = 'TemplateExecError';
  constructor(
    message: string,
    /** What had been written before the failure (Go leaves it in the writer). */
    readonly partialOutput = '',
  ) {
    super(message);
  }
}

/**
 * An execution stopped by one of its limits (time, output, steps, depth, or what one function may
 * make). It keeps no partial output: that output is what the limit is there to let go of.
 */
export class TemplateLimitError extends TemplateExecError {
  override name = 'TemplateLimitError';
  constructor(
    message: string,
    /** The ExecLimits field that was exceeded, e.g. 'maxOutputBytes'. */
    readonly limit: string,
  ) {
    super(message, '');
  }
}
