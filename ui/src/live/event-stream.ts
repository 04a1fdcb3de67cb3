// A watch stream of the API as server-sent events (EventSource), reopened after a loss from the last
// resourceVersion seen, with the connection state for the "disconnected" banner.

export type StreamState = 'connecting' | 'open' | 'lost';

export interface StreamOptions<E> {
  /** The stream's URL for a resourceVersion (undefined: from now). */
  url: (resourceVersion: string | undefined) => string;
  onEvent: (event: E) => void;
  /** The resourceVersion an event carries, to resume from after a loss. */
  versionOf: (event: E) => string | undefined;
  onState?: (state: StreamState) => void;
  resourceVersion?: string;
}

const RETRY_MS = [500, 1000, 2000, 5000];

/** The later of two resourceVersions: the stream's events come in name order at first, not in version order. */
function newer(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return b ?? a;
  return BigInt(b) > BigInt(a) ? b : a;
}

/** Opens the stream; the returned function closes it for good. */
export function openStream<E>(opts: StreamOptions<E>): () => void {
  let version = opts.resourceVersion;
  let source: EventSource | undefined;
  let closed = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = (): void => {
    if (closed) return;
    opts.onState?.('connecting');
    source = new EventSource(opts.url(version), { withCredentials: true });
    source.onopen = () => {
      failures = 0;
      opts.onState?.('open');
    };
    source.onmessage = (msg: MessageEvent<string>) => {
      const parsed = JSON.parse(msg.data) as { result?: E; error?: { message?: string } };
      if (!parsed.result) return;
      version = newer(version, opts.versionOf(parsed.result));
      opts.onEvent(parsed.result);
    };
    source.onerror = () => {
      source?.close();
      if (closed) return;
      opts.onState?.('lost');
      timer = setTimeout(connect, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
    };
  };
  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
