import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

// PagerDuty's Events API v2 (POST /v2/enqueue) as it answers: 202 with a dedup key for a good
// event; 400 "invalid event" naming what is wrong for an unknown routing key format, action or
// severity, a missing summary or source, or a resolve without dedup_key; 429 when told to throttle.

export interface EnqueuedEvent {
  readonly routing_key: string;
  readonly event_action: string;
  readonly dedup_key?: string;
  readonly client?: string;
  readonly client_url?: string;
  readonly payload?: Record<string, unknown>;
}

const SEVERITIES = ['critical', 'error', 'warning', 'info'];
const ACTIONS = ['trigger', 'acknowledge', 'resolve'];

export class FakePagerDuty {
  readonly events: EnqueuedEvent[] = [];
  /** Answers used once each before the real handling, e.g. a 429 or a 500. */
  readonly interruptions: { status: number; headers?: Record<string, string>; body: string }[] = [];
  url = '';
  private server?: http.Server;
  private nextKey = 1;

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
    if (req.method !== 'POST' || req.url !== '/v2/enqueue') return { status: 404, body: { status: 'not found' } };
    let event: EnqueuedEvent;
    try {
      event = JSON.parse(raw) as EnqueuedEvent;
    } catch {
      return invalid('Event object is invalid', ['Malformed JSON']);
    }
    const errors: string[] = [];
    if (typeof event.routing_key !== 'string' || !/^[0-9a-z]{32}$/.test(event.routing_key)) errors.push("'routing_key' must be a 32 character integration key");
    if (!ACTIONS.includes(event.event_action)) errors.push("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
    if (event.event_action === 'trigger') {
      const p = event.payload ?? {};
      if (!p.summary) errors.push("'payload.summary' is missing or blank");
      if (!p.source) errors.push("'payload.source' is missing or blank");
      if (!SEVERITIES.includes(String(p.severity))) errors.push("'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')");
    } else if (ACTIONS.includes(event.event_action) && !event.dedup_key) errors.push("'dedup_key' is missing or blank");
    if (errors.length) return invalid('Event object is invalid', errors);
    const dedupKey = event.dedup_key ?? `srv-${this.nextKey++}`;
    this.events.push(event);
    return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
  }
}

const invalid = (message: string, errors: string[]) => ({ status: 400, body: { status: 'invalid event', message, errors } });

// PagerDuty's REST API for incidents (POST /incidents) as it answers: 201 with the incident for a
// good one; 401 for a missing or unknown token; 400 "Invalid Input Provided" without a From
// email, a title, a known service, a known priority or with an urgency other than high/low.

export class FakePagerDutyRest {
  readonly incidents: { from: string; incident: Record<string, unknown> }[] = [];
  readonly interruptions: { status: number; headers?: Record<string, string>; body: string }[] = [];
  url = '';
  private server?: http.Server;

  constructor(
    private readonly token: string,
    private readonly services: readonly string[],
    private readonly priorities: readonly string[],
  ) {}

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
    if (req.method !== 'POST' || req.url !== '/incidents') return { status: 404, body: { error: { message: 'Not Found', code: 2100 } } };
    if (req.headers.authorization !== `Token token=${this.token}`) return { status: 401, body: { error: { message: 'Invalid Authentication Information.', code: 2006 } } };
    const from = String(req.headers.from ?? '');
    if (!from.includes('@')) return invalidInput(['You must specify a user\'s email address in the "From" header to perform this action']);
    let incident: Record<string, unknown>;
    try {
      incident = (JSON.parse(raw) as { incident?: Record<string, unknown> }).incident ?? {};
    } catch {
      return invalidInput(['Invalid JSON']);
    }
    const errors: string[] = [];
    if (incident.type !== 'incident') errors.push('Incident type must be incident');
    if (!incident.title) errors.push("Title can't be blank");
    const service = incident.service as { id?: string; type?: string } | undefined;
    if (!service?.id || service.type !== 'service_reference' || !this.services.includes(service.id)) errors.push('Service not found');
    const priority = incident.priority as { id?: string } | undefined;
    if (priority && !this.priorities.includes(String(priority.id))) errors.push('Priority not found');
    if (incident.urgency !== undefined && !['high', 'low'].includes(str(incident.urgency))) errors.push('Urgency must be high or low');
    if (errors.length) return invalidInput(errors);
    this.incidents.push({ from, incident });
    return { status: 201, body: { incident: { id: `PINC${this.incidents.length}`, incident_number: this.incidents.length, ...incident } } };
  }
}

const invalidInput = (errors: string[]) => ({ status: 400, body: { error: { message: 'Invalid Input Provided', code: 2001, errors } } });

/** A JSON value as text, for checks and messages. */
const str = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
