import { decodeKubeProtobuf } from '../protobuf/kube-protobuf.decoder';
import { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { errors, StatusError } from '../api/status-error';

/** kube-apiserver refuses request bodies over 3 MiB. */
const MAX_BODY = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new StatusError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Decodes a JSON or YAML request body; a malformed one is a 400 naming the problem. */
export function decodeBody(raw: Buffer, contentType: string): unknown {
  if (contentType.includes('application/vnd.kubernetes.protobuf')) {
    try {
      return decodeKubeProtobuf(raw);
    } catch (e) {
      throw errors.badRequest(`unable to decode protobuf body: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const text = raw.toString('utf8');
  if (!text.trim()) throw errors.badRequest('the body of the request was empty');
  const yamlish = /yaml/.test(contentType);
  try {
    return yamlish ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw errors.badRequest(`${yamlish ? 'error converting YAML to JSON' : 'json: cannot unmarshal request body'}: ${why}`);
  }
}

export function sendJson(res: ServerResponse, code: number, body: unknown, warnings: string[] = []): void {
  const json = typeof body === 'string' ? body : JSON.stringify(body);
  sendRaw(res, code, json, warnings);
}

export function sendRaw(res: ServerResponse, code: number, json: string, warnings: string[] = []): void {
  const headers: Record<string, string | string[]> = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(json)),
    'Cache-Control': 'no-cache, private',
  };
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(json);
}

export function sendError(res: ServerResponse, e: unknown): void {
  const err = e instanceof StatusError ? e : errors.internal(e instanceof Error ? e.message : String(e));
  const extra: Record<string, string> = {};
  if (err.code === 429 && err.details?.retryAfterSeconds) extra['Retry-After'] = String(err.details.retryAfterSeconds);
  if (res.headersSent) {
    res.end();
    return;
  }
  const json = JSON.stringify(err.toStatus());
  res.writeHead(err.code, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(json)), ...extra });
  res.end(json);
}

/** The media-type parameters kubectl puts in Accept, e.g. `as=Table;g=meta.k8s.io;v=v1`. */
export function acceptAs(accept: string | undefined): string | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(',')) {
    const params = part.split(';').map((p) => p.trim());
    if (!params[0].endsWith('json') && params[0] !== '*/*') continue;
    const as = params.find((p) => p.startsWith('as='));
    const g = params.find((p) => p.startsWith('g='));
    if (as && g === 'g=meta.k8s.io') return as.slice(3);
    if (!as) return undefined;
  }
  return undefined;
}
