import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

// Grafana's HTTP API for annotations (POST /api/annotations) as it answers: 200 with the new id
// for a good annotation made with a known service-account token; 401 "Invalid API key" for a
// missing or unknown one; 400 for a body that is not JSON or has no text.

export class FakeGrafana {
  readonly annotations: { id: number; time: number; isRegion: boolean; tags: string[]; text: string }[] = [];
  readonly interruptions: { status: number; headers?: Record<string, string>; body: string }[] = [];
  url = '';
  private server?: http.Server;

  constructor(private readonly tokens: readonly string[]) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const { status, body, headers } = this.handle(req, raw);
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: http.IncomingMessage, raw: string): { status: number; body: unknown; headers?: Record<string, string> } {
    const interruption = this.interruptions.shift();
    if (interruption) return interruption;
    if (req.method !== 'POST' || req.url !== '/api/annotations') return { status: 404, body: { message: 'Not found' } };
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.includes(token)) return { status: 401, body: { message: 'Invalid API key', traceID: '' } };
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { status: 400, body: { message: 'bad request data' } };
    }
    if (typeof body.text !== 'string' || !body.text) return { status: 400, body: { message: 'Failed to save annotation', error: 'text field should not be empty' } };
    if (typeof body.time !== 'number' || !Array.isArray(body.tags)) return { status: 400, body: { message: 'bad request data' } };
    const annotation = { id: this.annotations.length + 1, time: body.time, isRegion: Boolean(body.isRegion), tags: body.tags as string[], text: body.text };
    this.annotations.push(annotation);
    return { status: 200, body: { message: 'Annotation added', id: annotation.id } };
  }
}
