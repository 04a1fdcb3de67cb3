// process.exit() drops whatever stdout has not handed to the OS yet: into a pipe, whose buffer holds
// 64 KiB, a long `-o json` was cut there. The CLI waits for its output before it exits.

const outputStreams = (): NodeJS.WriteStream[] => [process.stdout, process.stderr];

/**
 * When the reader closes its end early (`flotilla app list | head`), the rest of the output has
 * nowhere to go: exit at once, quietly and with 0, as argocd stops on SIGPIPE, instead of an
 * EPIPE stack trace.
 */
export function exitQuietlyWhenReaderCloses(): void {
  for (const stream of outputStreams()) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(0);
    });
  }
}

/** Exits with `code` once everything written to stdout and stderr has left the process. */
export async function exitAfterOutput(code: number): Promise<never> {
  await Promise.all(outputStreams().map(drained));
  process.exit(code);
}

// An empty write's callback runs after every earlier write has been flushed (or has failed).
const drained = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => (stream.destroyed ? resolve() : stream.write('', () => resolve())));
