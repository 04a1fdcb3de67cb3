import * as http from 'node:http';
import * as https from 'node:https';
import { DeliveryError } from './notification-service';

// The HTTP calls every sender makes: one request, a bounded answer, and Argo's retry rule (5xx,
// 408, 429 and network errors may pass on retry; other 4xx will not).

export interface HttpCall {
  readonly url: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly insecureSkipVerify?: boolean;
  readonly timeoutMs?: number;
  /** Names the service in errors, e.g. `slack deploy-alerts`. */
  readonly label: string;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** The body, cut at MAX_ANSWER_BYTES. */
  readonly body: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 1024 * 1024;
/** How much of an error answer's body an error message quotes. */
const QUOTED = 300;

/** Sends one request; network failures and timeouts become retryable DeliveryErrors. */
export function httpRequest(call: HttpCall): Promise<HttpAnswer> {
  let url: URL;
  try {
    url = new URL(call.url);
  } catch {
    return Promise.reject(new DeliveryError(`${call.label}: invalid URL`, false));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new DeliveryError(`${call.label}: URL scheme ${url.protocol} is not http or https`, false));
  const method = (call.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { ...call.headers };
  if (call.body) headers['Content-Length'] = String(Buffer.byteLength(call.body));
  const timeout = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = url.protocol === 'https:' ? https : http;
  const options: https.RequestOptions = { method, headers, timeout, ...(url.protocol === 'https:' ? { rejectUnauthorized: !call.insecureSkipVerify } : {}) };
  return new Promise((resolve, reject) => {
    const req = client.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_ANSWER_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8') }));
      res.on('error', (err) => reject(new DeliveryError(`${call.label}: reading the answer failed: ${err.message}`, true)));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeout} ms`)));
    req.on('error', (err) => reject(new DeliveryError(`${call.label}: ${method} ${redactUrl(url.href)} failed: ${err.message}`, true)));
    req.end(call.body || undefined);
  });
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now: () => number = Date.now): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now());
}

/** Whether another attempt may get a different answer to this HTTP status. */
export const retryableStatus = (status: number): boolean => status >= 500 || status === 408 || status === 429;

/** The statuses whose Retry-After is honoured, as go-retryablehttp's DefaultBackoff (notifications-engine's client) honours it. */
const asksToWait = (status: number): boolean => status === 429 || status === 503;

/** The DeliveryError for a non-2xx answer: status, a bounded quote of the body, Retry-After honoured. */
export function statusError(label: string, answer: HttpAnswer, what = 'answered'): DeliveryError {
  const quote = answer.body.trim().replace(/\s+/g, ' ');
  const detail = quote ? `: ${quote.length > QUOTED ? `${quote.slice(0, QUOTED)}…` : quote}` : '';
  return new DeliveryError(`${label}: ${what} HTTP ${answer.status}${detail}`, retryableStatus(answer.status), answer.status, asksToWait(answer.status) ? retryAfterMs(answer.headers['retry-after']) : undefined);
}

/** Sends and requires a 2xx answer. */
export async function httpExpectOk(call: HttpCall): Promise<HttpAnswer> {
  const answer = await httpRequest(call);
  if (answer.status < 200 || answer.status > 299) throw statusError(call.label, answer);
  return answer;
}

/** A URL for logs: no userinfo, no query string (either may hold a credential). */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}
