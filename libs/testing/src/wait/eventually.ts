/** Polls until `check` passes (it throws while not yet), or rethrows its last failure. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000, everyMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

export interface PollOptions {
  /** Pause between probes. */
  everyMs?: number;
  /** Cut the last seen value in the timeout message to this many characters. */
  lastSeenChars?: number;
}

export type Poll = <T>(probe: () => Promise<T>, accept: (v: T) => boolean, what: string, ms?: number) => Promise<T>;

/**
 * A wait that probes every `everyMs` until `accept` holds, or fails after `ms` naming `what`, the
 * last value seen and the last error a probe threw (a probe may throw while the thing is not there yet).
 */
export function polling({ everyMs = 100, lastSeenChars = 2000 }: PollOptions = {}): Poll {
  return async <T>(probe: () => Promise<T>, accept: (v: T) => boolean, what: string, ms = 20_000): Promise<T> => {
    const end = Date.now() + ms;
    let last: T | undefined;
    let lastErr: unknown;
    while (Date.now() < end) {
      try {
        last = await probe();
        if (accept(last)) return last;
      } catch (err) {
        lastErr = err;
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
    const error = lastErr instanceof Error ? `; last error: ${lastErr.message}` : '';
    throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, lastSeenChars)}${error}`);
  };
}
