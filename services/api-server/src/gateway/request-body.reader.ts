import * as grpc from '@grpc/grpc-js';
import type { IncomingMessage } from 'node:http';
import { ConcurrencyLimiter } from '../rpc/concurrency.limiter';
import { RestDecodeError } from './rest-message.codec';

const KIB = 1024;
const MIB = 1024 * KIB;

/** How much of a body a route may send, how fast, and how many such bodies are read at once. */
export interface BodyPolicy {
  maxBytes: number;
  deadlineMs: number;
  /** Bounds reading and parsing together: both cost memory and event-loop time. */
  limiter: ConcurrencyLimiter;
}

/** One policy for methods anyone may call (login), one for methods that need a session. */
export interface RestBodyLimits {
  anonymous: BodyPolicy;
  session: BodyPolicy;
}

/**
 * Login and the other anonymous methods take a few hundred bytes, so 64 KiB is plenty; methods
 * that need a session take what gRPC takes (grpc-js refuses messages over 4 MiB). The pools are
 * separate so anonymous clients can never hold the slots logged-in users need.
 */
export const defaultBodyLimits = (): RestBodyLimits => ({
  anonymous: { maxBytes: 64 * KIB, deadlineMs: 10_000, limiter: new ConcurrencyLimiter(8, 64) },
  session: { maxBytes: 4 * MIB, deadlineMs: 60_000, limiter: new ConcurrencyLimiter(4, 32) },
});

/** A body refused before or while reading it, with the status the client gets. */
export class RequestBodyRejection extends Error {
  constructor(
    readonly code: grpc.status,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}

export const formatBytes = (n: number): string => (n % MIB === 0 ? `${n / MIB} MiB` : n % KIB === 0 ? `${n / KIB} KiB` : `${n} bytes`);

const tooLarge = (policy: BodyPolicy, what: string): RequestBodyRejection =>
  new RequestBodyRejection(
    grpc.status.RESOURCE_EXHAUSTED,
    413,
    `request body is larger than ${formatBytes(policy.maxBytes)}, the limit for ${what}`,
  );

/** Reads a JSON request body under the policy's size and time limits; an empty body is `undefined`. */
export async function readJsonBody(req: IncomingMessage, policy: BodyPolicy, what: string): Promise<unknown> {
  const text = (await readBody(req, policy, what)).toString('utf8').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RestDecodeError(`request body is not valid JSON: ${(err as Error).message}`);
  }
}

/** The raw body, refused by its declared length before a byte is read, or as soon as it streams past the limit. */
function readBody(req: IncomingMessage, policy: BodyPolicy, what: string): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > policy.maxBytes) return Promise.reject(tooLarge(policy, what));
  // A request that waited for a slot may have been dropped meanwhile: its 'close' has passed.
  if (req.destroyed) return Promise.reject(new Error('the request was aborted before its body was read'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (err?: Error): void => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', settle).off('close', onClose);
      // Unread bytes stay in the socket; the answer closes the connection rather than drain them.
      req.pause();
      if (err) reject(err);
      else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > policy.maxBytes) return settle(tooLarge(policy, what));
      chunks.push(chunk);
    };
    const onEnd = (): void => settle();
    const onClose = (): void => settle(new Error('the request was aborted before its body ended'));
    const timer = setTimeout(
      () =>
        settle(
          new RequestBodyRejection(grpc.status.DEADLINE_EXCEEDED, 408, `request body did not arrive within ${policy.deadlineMs / 1000}s`),
        ),
      policy.deadlineMs,
    );
    req.on('data', onData).on('end', onEnd).on('error', settle).on('close', onClose);
  });
}
