// A host's rate-limit answer is honoured once: wait what it asks (up to a bound, so one reconcile
// cannot stall the controller) and ask again; a second refusal becomes the generator's error.
import { GeneratorError } from '../generators/generator.types';
import { ScmRateLimitError } from './scm.types';

/** The longest a generator waits for a host's rate limit inside one reconcile. */
export const MAX_RATE_LIMIT_WAIT_MS = 10_000;

export async function honouringRateLimit<T>(call: () => Promise<T>, maxWaitMs = MAX_RATE_LIMIT_WAIT_MS): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof ScmRateLimitError)) throw err;
    if (err.retryAfterMs > maxWaitMs) throw rateLimited(err);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, err.retryAfterMs)));
    try {
      return await call();
    } catch (again) {
      if (again instanceof ScmRateLimitError) throw rateLimited(again);
      throw again;
    }
  }
}

function rateLimited(err: ScmRateLimitError): GeneratorError {
  return new GeneratorError(`${err.message}; retry in ${Math.ceil(err.retryAfterMs / 1000)}s`);
}
