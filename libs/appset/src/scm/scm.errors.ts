// What a failed request to a source-code host says, for messages: the innermost cause, since fetch
// nests the socket error (ECONNREFUSED, ENOTFOUND, a TLS failure) two levels down.
export function rootCause(err: unknown): string {
  let current = err as { cause?: unknown; code?: string; message?: string } | undefined;
  while (current?.cause && typeof current.cause === 'object') current = current.cause;
  return current?.code ?? current?.message ?? String(err);
}
