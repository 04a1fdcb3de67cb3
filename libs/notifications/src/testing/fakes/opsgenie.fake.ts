import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

// Opsgenie's Alert API (POST /v2/alerts) as it answers: 202 "Request will be processed" for an
// alert made with a known key; 401 for a missing or unknown GenieKey; 422 naming what is wrong for
// an empty message, an unknown priority or responder type, more than 10 actions or 20 tags.

const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'];
const RESPONDER_TYPES = ['team', 'user', 'escalation', 'schedule'];

export class FakeOpsgenie {
  readonly alerts: { key: string; alert: Record<string, unknown> }[] = [];
  readonly interruptions: { status: number; headers?: Record<string, string>; body: string }[] = [];
  url = '';
  private server?: http.Server;

  constructor(private readonly keys: readonly string[]) {}

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
    if (req.method !== 'POST' || req.url !== '/v2/alerts') return { status: 404, body: { message: 'Could not find the requested resource', took: 0.001, requestId: 'r' } };
    const key = /^GenieKey (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!key || !this.keys.includes(key)) return { status: 401, body: { message: 'Key format is not valid!', took: 0.001, requestId: 'r' } };
    let alert: Record<string, unknown>;
    try {
      alert = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return unprocessable('Could not parse request body');
    }
    if (typeof alert.message !== 'string' || !alert.message.trim()) return unprocessable('Message can not be empty.');
    if (alert.priority !== undefined && !PRIORITIES.includes(str(alert.priority))) return unprocessable(`Priority should be one of these: ${PRIORITIES.join(', ')}`);
    for (const r of [...((alert.responders as Record<string, unknown>[]) ?? []), ...((alert.visibleTo as Record<string, unknown>[]) ?? [])]) {
      if (!RESPONDER_TYPES.includes(String(r.type))) return unprocessable(`Responder type should be one of ${RESPONDER_TYPES.join(', ')}`);
      if (!r.id && !r.name && !r.username) return unprocessable('Responder should have an id, a name or a username');
    }
    if (Array.isArray(alert.actions) && alert.actions.length > 10) return unprocessable('Actions can not be more than 10');
    if (Array.isArray(alert.tags) && alert.tags.length > 20) return unprocessable('Tags can not be more than 20');
    this.alerts.push({ key, alert });
    return { status: 202, body: { result: 'Request will be processed', took: 0.302, requestId: `req-${this.alerts.length}` } };
  }
}

const unprocessable = (message: string) => ({ status: 422, body: { message, took: 0.001, requestId: 'r' } });

/** A JSON value as text, for checks and messages. */
const str = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
