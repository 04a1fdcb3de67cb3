import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

// Alertmanager's API v2 (POST /api/v2/alerts) as it answers: 200 with no body for a list of good
// alerts; 400 naming what is wrong for a body that is not a list, an alert without labels, a label
// name Prometheus does not allow, a generatorURL that is not a URI or a startsAt that is not a
// date-time; 401 when it sits behind basic or bearer auth and the request lacks it.

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export class FakeAlertmanager {
  readonly alerts: Record<string, unknown>[] = [];
  /** Answers used once each before the real handling. */
  readonly interruptions: { status: number; body: string }[] = [];
  url = '';
  host = '';
  private server?: http.Server;

  constructor(private readonly authorization?: string) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const { status, body } = this.handle(req, raw);
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.host = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.url = `http://${this.host}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: http.IncomingMessage, raw: string): { status: number; body: string } {
    const interruption = this.interruptions.shift();
    if (interruption) return interruption;
    if (req.method !== 'POST' || req.url !== '/api/v2/alerts') return { status: 404, body: '404 page not found' };
    if (this.authorization && req.headers.authorization !== this.authorization) return { status: 401, body: 'Unauthorized' };
    let alerts: unknown;
    try {
      alerts = JSON.parse(raw);
    } catch {
      return bad('body in body is required or not valid JSON');
    }
    if (!Array.isArray(alerts)) return bad('alerts in body must be of type array');
    for (const [i, alert] of alerts.entries()) {
      const labels = (alert as { labels?: Record<string, unknown> }).labels;
      if (!labels || typeof labels !== 'object' || Object.keys(labels).length === 0) return bad(`${i}.labels in body is required`);
      const badName = Object.keys(labels).find((name) => !LABEL_NAME.test(name));
      if (badName) return bad(`invalid label set: invalid name "${badName}"`);
      const { generatorURL, startsAt } = alert as { generatorURL?: unknown; startsAt?: unknown };
      if (generatorURL !== undefined && generatorURL !== '') {
        try {
          new URL(str(generatorURL));
        } catch {
          return bad(`${i}.generatorURL in body must be of type uri: "${str(generatorURL)}"`);
        }
      }
      if (startsAt !== undefined && Number.isNaN(Date.parse(str(startsAt)))) return bad(`${i}.startsAt in body must be of type date-time: "${str(startsAt)}"`);
    }
    this.alerts.push(...(alerts as Record<string, unknown>[]));
    return { status: 200, body: '' };
  }
}

const bad = (message: string) => ({ status: 400, body: JSON.stringify(message) });

/** A JSON value as text, for checks and messages. */
const str = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
