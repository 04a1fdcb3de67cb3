// Real jq (jq 1.7 compiled to WebAssembly, npm jq-wasm) behind a synchronous call, for the engine's
// ignoreDifferences.jqPathExpressions. jq-wasm only answers through a Promise, and WebAssembly in
// the calling thread could not be stopped, so jq runs on a worker thread the caller waits for with
// Atomics.wait, up to a time limit (Argo's default: 1s), after which the worker is replaced. The
// worker (a V8 isolate and jq's WebAssembly heap, some 65 MiB) starts with the first expression,
// so an installation without jqPathExpressions never pays for it.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export type JqPathStep = string | number | { start?: number | null; end?: number | null };

/** What an expression selects in a document, or why it selected nothing (see the engine's JqEvaluator). */
export type JqPathsResult =
  | { ok: true; paths: JqPathStep[][] }
  | { ok: false; kind: 'compile' | 'path' | 'timeout' | 'runtime' | 'unavailable'; message: string };

export interface JqOptions {
  /** How long one expression may run on one document (Argo CD's ignore.normalizer.jq.timeout). */
  timeoutMs?: number;
  /** How many (expression, document) answers are remembered; documents rarely change between refreshes. */
  cacheSize?: number;
  /** jq-wasm's loader (the installed package's by default; specs point it at a broken one). */
  modulePath?: string;
}

export const DEFAULT_JQ_TIMEOUT_MS = 1000;
const DEFAULT_CACHE_SIZE = 5000;
const STARTUP_TIMEOUT_MS = 30_000;
const JQ_MODULE = 'jq-wasm/dist/build/jq.js';
/** After a worker failed to start, expressions are answered 'unavailable' this long before the next try. */
const RESTART_BACKOFF_MS = 60_000;

interface WorkerReply {
  id?: number;
  /** The worker's first message on its port: jq loaded (or why not). */
  ready?: boolean;
  output?: string;
  error?: string;
  crashed?: boolean;
  /** No worker could be started: there is nothing to retry on. */
  unstarted?: boolean;
}

interface Thread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  /** Set when the worker itself failed (it could not load jq); the next call starts a fresh one. */
  failure?: string;
  /** jq has loaded on it, so a call's time limit is the expression's alone. */
  ready: boolean;
}

const isStep = (s: unknown): s is JqPathStep =>
  typeof s === 'string' || typeof s === 'number' || (typeof s === 'object' && s !== null && !Array.isArray(s));

/** jq's stderr without its prefixes, and without values from the document (they may be Secret data). */
export function describeJqError(stderr: string): { kind: 'compile' | 'path' | 'runtime'; message: string } {
  const first = stderr.split('\n')[0];
  if (/\bcompile errors?\b/.test(stderr)) {
    const message = first.replace(/^jq: error: /, '').replace(/ \(Unix shell quoting issues\?\)/, '').replace(/ at <top-level>, line \d+:?$/, '');
    return { kind: 'compile', message };
  }
  const message = first.replace(/^jq: error \(at [^)]*\): /, '');
  if (message.startsWith('Invalid path expression')) return { kind: 'path', message: 'Invalid path expression: it computes new values instead of selecting fields' };
  return { kind: 'runtime', message };
}

export class JqWasmClient {
  private thread?: Thread;
  private seq = 0;
  private readonly cache = new Map<string, JqPathsResult>();
  private readonly badExpressions = new Map<string, JqPathsResult>();
  private readonly timeoutMs: number;
  private readonly cacheSize: number;
  private readonly modulePath: string;
  /** Why the last worker could not start, and until when no new one is tried. */
  private startFailure?: { message: string; until: number };

  private constructor(opts: JqOptions) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_JQ_TIMEOUT_MS;
    this.cacheSize = opts.cacheSize ?? DEFAULT_CACHE_SIZE;
    // A missing jq-wasm package fails here, at start-up, lazy or not.
    this.modulePath = require.resolve(opts.modulePath ?? JQ_MODULE);
  }

  /**
   * A client whose worker starts with the first expression (and waits for jq to load then, up to
   * 30 s, once). A missing jq-wasm package still fails here, at start-up.
   */
  static lazy(opts: JqOptions = {}): JqWasmClient {
    return new JqWasmClient(opts);
  }

  /** Starts the worker and waits until jq is loaded; a missing or broken jq-wasm fails start-up. */
  static async load(opts: JqOptions = {}): Promise<JqWasmClient> {
    const client = new JqWasmClient(opts);
    const thread = startThread(client.modulePath);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`jq did not load within ${STARTUP_TIMEOUT_MS / 1000}s`)), STARTUP_TIMEOUT_MS);
        thread.worker.once('message', (m: { ready: boolean; error?: string }) => {
          clearTimeout(timer);
          if (m.ready) resolve();
          else reject(new Error(m.error));
        });
        thread.worker.once('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      });
    } catch (err) {
      await thread.worker.terminate();
      throw err;
    }
    thread.ready = true;
    client.thread = thread;
    return client;
  }

  /** Whether a worker is running (it starts with the first expression of a lazy client). */
  get started(): boolean {
    return this.thread !== undefined;
  }

  /** The paths `[path(EXPR)]` yields on doc: what Argo's `del(EXPR)` deletes. Blocks up to the time limit. */
  paths(doc: unknown, expression: string): JqPathsResult {
    const known = this.badExpressions.get(expression);
    if (known) return known;
    const input = JSON.stringify(doc);
    const key = createHash('sha1').update(expression).update('\0').update(input).digest('base64');
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key); // re-inserted below: least recently used first out
      this.cache.set(key, cached);
      return cached;
    }
    const result = this.evaluate(input, expression);
    if (!result.ok && (result.kind === 'compile' || result.kind === 'path')) this.badExpressions.set(expression, result);
    if (result.ok || result.kind !== 'unavailable') this.remember(key, result);
    return result;
  }

  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.worker.terminate();
  }

  private evaluate(input: string, expression: string): JqPathsResult {
    let reply = this.call(input, `[path(${expression})]`);
    if (reply !== 'timeout' && reply.crashed && !reply.unstarted) reply = this.call(input, `[path(${expression})]`); // on a fresh instance
    if (reply === 'timeout') return { ok: false, kind: 'timeout', message: `jq did not finish within ${this.timeoutMs} ms` };
    if (reply.error !== undefined) {
      if (!reply.crashed) return { ok: false, ...describeJqError(reply.error) };
      return { ok: false, kind: 'unavailable', message: reply.unstarted ? `jq could not start: ${reply.error}` : `jq aborted: ${reply.error}` };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(reply.output ?? '');
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((p) => Array.isArray(p) && p.every(isStep))) {
      return { ok: false, kind: 'path', message: 'the expression does not yield paths' };
    }
    return { ok: true, paths: parsed };
  }

  /** One round trip to the worker, waiting synchronously; on timeout the worker is dropped (the next call starts another). */
  private call(input: string, filter: string): WorkerReply | 'timeout' {
    const thread = this.readyThread();
    if (typeof thread === 'string') return { error: thread, crashed: true, unstarted: true };
    const id = ++this.seq;
    thread.port.postMessage({ id, input, filter });
    const reply = waitFor(thread, (r) => r.id === id, this.timeoutMs);
    if (reply) return reply;
    void thread.worker.terminate();
    this.thread = undefined;
    return 'timeout';
  }

  /** The worker, started if need be and waited for (synchronously) until jq has loaded on it; or why not. */
  private readyThread(): Thread | string {
    if (this.thread?.failure !== undefined) {
      void this.thread.worker.terminate();
      this.thread = undefined;
    }
    if (!this.thread && this.startFailure && Date.now() < this.startFailure.until) return this.startFailure.message;
    const thread = (this.thread ??= startThread(this.modulePath));
    if (thread.ready) return thread;
    const ready = waitFor(thread, (r) => r.ready !== undefined, STARTUP_TIMEOUT_MS);
    if (ready?.ready) {
      thread.ready = true;
      this.startFailure = undefined;
      return thread;
    }
    void thread.worker.terminate();
    this.thread = undefined;
    const message = ready?.error ?? thread.failure ?? `jq did not load within ${STARTUP_TIMEOUT_MS / 1000}s`;
    this.startFailure = { message, until: Date.now() + RESTART_BACKOFF_MS };
    return message;
  }

  private remember(key: string, result: JqPathsResult): void {
    this.cache.set(key, result);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }
}

/** Waits on the thread's port, blocking this thread, for the first reply `wanted` accepts. */
function waitFor(thread: Thread, wanted: (r: WorkerReply) => boolean, timeoutMs: number): WorkerReply | undefined {
  const { port, signal } = thread;
  const deadline = Date.now() + timeoutMs;
  let seen = Atomics.load(signal, 0);
  for (;;) {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const reply = m.message as WorkerReply;
      if (wanted(reply)) return reply;
    }
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    // A worker that dies without replying (its 'error' event cannot arrive while this thread
    // blocks) shows as a timeout.
    Atomics.wait(signal, 0, seen, left);
    seen = Atomics.load(signal, 0);
  }
}

function startThread(jqModulePath: string): Thread {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(join(__dirname, 'jq-wasm.worker.js'), {
    workerData: { jqModulePath, port: port2, signal: signal.buffer },
    transferList: [port2],
  });
  const thread: Thread = { worker, port: port1, signal, ready: false };
  worker.on('error', (err) => (thread.failure = err.message));
  // Neither keeps a finished process alive; close() ends the worker when the service stops.
  worker.unref();
  port1.unref();
  return thread;
}

/** Loads real jq for the engine's diffing (ignoreDifferences.jqPathExpressions). */
export const loadJq = (opts: JqOptions = {}): Promise<JqWasmClient> => JqWasmClient.load(opts);

/** Real jq whose worker starts with the first expression (see JqWasmClient.lazy). */
export const lazyJq = (opts: JqOptions = {}): JqWasmClient => JqWasmClient.lazy(opts);
