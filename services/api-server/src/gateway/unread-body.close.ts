import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How long the client gets to read an early answer before the socket goes (Go's net/http waits 500 ms too). */
const LINGER_MS = 500;

/**
 * Ends a response sent before the request body was read, and the connection with it, without
 * reading the rest of the body. Closing at once would make the kernel answer the client's next
 * bytes with a reset that can discard the answer before the client reads it; Node's own close
 * would drain the body first. So: answer, send FIN, stop reading, and destroy after a moment.
 */
export function answerAndCloseUnread(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  lingerOnClose(req.socket);
  res.writeHead(status, { ...headers, connection: 'close' }).end(body);
}

function lingerOnClose(socket: Socket): void {
  // Node calls destroySoon once a `connection: close` answer is written; this replaces it for this socket only.
  socket.destroySoon = function lingeringDestroy(this: Socket): void {
    this.end();
    // Node resumes the unread request on the next tick to drain it; pausing after that keeps the body unread.
    setImmediate(() => this.pause());
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
  };
}
