import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { KubeSim } from '../src/kube-sim';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

/** A raw HTTP(S) call to a sim, trusting its CA, for asserting exact status codes and bodies. */
export function call(
  sim: KubeSim,
  method: string,
  path: string,
  opts: { body?: string | object; contentType?: string; token?: string | null; accept?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const url = new URL(path, sim.url);
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json', ...opts.headers };
  const token = opts.token === undefined ? sim.adminToken : opts.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method, headers, agent: false, ca: sim.caData ? Buffer.from(sim.caData, 'base64') : undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
