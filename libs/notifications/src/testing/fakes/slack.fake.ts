import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local Slack for specs: the Web API's chat.postMessage and chat.update (form or JSON bodies) and
// incoming webhooks, answering as Slack does (HTTP 200 with {ok:false,error} for API errors, 429
// with Retry-After when rate limited), recording every accepted message for assertions.

export interface FakeSlackChannel {
  readonly id: string;
  readonly name: string;
  /** Whether the bot was invited; chat.postMessage answers not_in_channel otherwise. Default true. */
  readonly member?: boolean;
}

export interface FakeSlackOptions {
  /** The bot token chat.* calls must carry (Bearer header, or `token` in a form body). */
  readonly token: string;
  readonly channels: readonly FakeSlackChannel[];
  /** Incoming webhooks: URL path (e.g. /services/T0/B0/xyz) → the channel it posts to. */
  readonly webhooks?: Readonly<Record<string, string>>;
}

/** A message Slack accepted, as it stands (an update replaces its fields and bumps `edits`). */
export interface SlackMessage {
  readonly ts: string;
  /** The channel's ID. */
  readonly channel: string;
  readonly channelName: string;
  readonly via: 'chat.postMessage' | 'webhook';
  thread_ts?: string;
  reply_broadcast?: boolean;
  text?: string;
  username?: string;
  icon_emoji?: string;
  icon_url?: string;
  attachments?: unknown[];
  blocks?: unknown[];
  edits: number;
}

/** Every call, accepted or not, with what was answered. */
export interface SlackCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly authorization?: string;
  readonly contentType?: string;
  status?: number;
  answer?: unknown;
  /** The caller went away before the answer (a killed notifier). */
  abandoned?: boolean;
}

/**
 * How answers are held (`hold`): `before` holds a call before Slack looks at it (a client that goes
 * away meanwhile posts nothing); `after` accepts and records the message, then holds the answer (a
 * client that goes away never learns the message went out). `release()` lets the held calls go on.
 */
export type HoldMode = 'off' | 'before' | 'after';

const MAX_TEXT = 40_000;
const MAX_BLOCKS = 50;

export class FakeSlack {
  /** Accepted messages in the order Slack took them. */
  readonly messages: SlackMessage[] = [];
  readonly calls: SlackCall[] = [];
  /** chat.update calls Slack accepted, in order. */
  readonly updates: { channel: string; ts: string; text?: string }[] = [];
  /** Answer delay for every call, in ms. */
  delayMs = 0;
  hold: HoldMode = 'off';
  private held: (() => void)[] = [];
  private rateLimited = 0;
  private retryAfterSeconds = 1;
  private seq = 0;

  private constructor(
    private readonly server: http.Server,
    private readonly opts: FakeSlackOptions,
    /** Base of the Web API, with its trailing slash (Argo's `apiURL`). */
    readonly apiURL: string,
    readonly baseURL: string,
  ) {}

  static async start(opts: FakeSlackOptions): Promise<FakeSlack> {
    const ref: { fake?: FakeSlack } = {};
    const server = http.createServer((req, res) => void ref.fake!.handle(req, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ref.fake = new FakeSlack(server, opts, `${base}/api/`, base);
    return ref.fake;
  }

  /** The full URL of a configured incoming webhook path. */
  webhookURL(path: string): string {
    return `${this.baseURL}${path}`;
  }

  /** The next `count` calls are answered 429 with Retry-After. */
  rateLimit(count: number, retryAfterSeconds = 1): void {
    this.rateLimited = count;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Calls currently held (see `hold`). */
  get pending(): number {
    return this.held.length;
  }

  release(): void {
    this.hold = 'off';
    for (const go of this.held.splice(0)) go();
  }

  /** Accepted messages in one channel (by name or ID). */
  inChannel(channel: string): SlackMessage[] {
    const c = this.channel(channel);
    return this.messages.filter((m) => m.channel === c?.id);
  }

  stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  private channel(ref: unknown): FakeSlackChannel | undefined {
    if (typeof ref !== 'string' || !ref) return undefined;
    const name = ref.replace(/^#/, '');
    return this.opts.channels.find((c) => c.id === ref || c.name === name);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0];
    const contentType = req.headers['content-type'];
    const webhook = this.opts.webhooks?.[path];
    const method = webhook !== undefined ? 'webhook' : path.replace(/^\/api\//, '');
    const call: SlackCall = { method, params: {}, authorization: req.headers.authorization, contentType };
    this.calls.push(call);
    let gone = false;
    res.on('close', () => {
      if (!res.writableFinished) {
        gone = true;
        call.abandoned = true;
      }
    });
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      call.answer = body;
      if (gone) return;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res
        .writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8', ...headers })
        .end(text);
    };
    const wait = async (mode: HoldMode) => {
      if (this.hold === mode) await new Promise<void>((r) => this.held.push(r));
    };

    try {
      call.params.raw = raw;
      Object.assign(call.params, parseBody(raw, contentType));
    } catch {
      return answer(webhook !== undefined ? 400 : 200, webhook !== undefined ? 'invalid_payload' : { ok: false, error: 'invalid_json' });
    }
    delete call.params.raw;
    await wait('before');
    if (gone) return; // the caller went away before Slack took the call: nothing happened
    if (this.rateLimited > 0) {
      this.rateLimited--;
      return answer(429, webhook !== undefined ? 'rate_limited' : { ok: false, error: 'ratelimited' }, {
        'Retry-After': String(this.retryAfterSeconds),
      });
    }
    const result = webhook !== undefined ? this.webhook(webhook, call.params) : this.api(method, call.params, req.headers.authorization);
    await wait('after');
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    answer(result.status, result.body);
  }

  private api(method: string, p: Record<string, unknown>, authorization: string | undefined): { status: number; body: unknown } {
    const fail = (error: string, extra: Record<string, unknown> = {}) => ({ status: 200, body: { ok: false, error, ...extra } });
    if (method !== 'chat.postMessage' && method !== 'chat.update') return { status: 404, body: { ok: false, error: 'unknown_method' } };
    const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const token = bearer ?? (typeof p.token === 'string' ? p.token : undefined);
    if (!token) return fail('not_authed');
    if (token !== this.opts.token) return fail('invalid_auth');
    const content = validateContent(p);
    if (content.error) return fail(content.error, content.details ? { response_metadata: { messages: content.details } } : {});

    if (method === 'chat.update') {
      // chat.update takes the channel's ID only.
      const channel = this.opts.channels.find((c) => c.id === p.channel);
      if (!channel) return fail('channel_not_found');
      const msg = this.messages.find((m) => m.channel === channel.id && m.ts === p.ts);
      if (!msg) return fail('message_not_found');
      Object.assign(msg, content.fields, { edits: msg.edits + 1 });
      this.updates.push({ channel: channel.id, ts: msg.ts, text: content.fields.text });
      return { status: 200, body: { ok: true, channel: channel.id, ts: msg.ts, text: msg.text } };
    }
    const channel = this.channel(p.channel);
    if (!channel) return fail('channel_not_found');
    if (channel.member === false) return fail('not_in_channel');
    const threadTs = typeof p.thread_ts === 'string' && p.thread_ts ? p.thread_ts : undefined;
    if (threadTs && !this.messages.some((m) => m.channel === channel.id && m.ts === threadTs && !m.thread_ts))
      return fail('thread_not_found');
    const msg = this.record(channel, 'chat.postMessage', content.fields, threadTs, truthy(p.reply_broadcast));
    return { status: 200, body: { ok: true, channel: channel.id, ts: msg.ts, message: { ...msg, type: 'message' } } };
  }

  private webhook(channelRef: string, p: Record<string, unknown>): { status: number; body: string } {
    const content = validateContent(p);
    if (content.error) return { status: 400, body: content.error === 'no_text' ? 'no_text' : 'invalid_payload' };
    // Legacy webhooks may name another channel; the default is the webhook's own.
    const channel = this.channel(p.channel ?? channelRef);
    if (!channel) return { status: 404, body: 'channel_not_found' };
    this.record(channel, 'webhook', content.fields);
    return { status: 200, body: 'ok' };
  }

  private record(
    channel: FakeSlackChannel,
    via: SlackMessage['via'],
    fields: Partial<SlackMessage>,
    threadTs?: string,
    broadcast?: boolean,
  ): SlackMessage {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
    const msg: SlackMessage = {
      ts,
      channel: channel.id,
      channelName: channel.name,
      via,
      edits: 0,
      ...fields,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(broadcast ? { reply_broadcast: true } : {}),
    };
    this.messages.push(msg);
    return msg;
  }
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

const truthy = (v: unknown): boolean => v === true || v === 'true' || v === '1';

/** Text, attachments and blocks as Slack checks them; form values carry the lists as JSON strings. */
function validateContent(p: Record<string, unknown>): { fields: Partial<SlackMessage>; error?: string; details?: string[] } {
  const list = (v: unknown): unknown[] | 'bad' | undefined => {
    if (v === undefined || v === '') return undefined;
    if (Array.isArray(v)) return v as unknown[];
    if (typeof v !== 'string') return 'bad';
    try {
      const parsed: unknown = JSON.parse(v);
      return Array.isArray(parsed) ? parsed : 'bad';
    } catch {
      return 'bad';
    }
  };
  const attachments = list(p.attachments);
  if (attachments === 'bad' || attachments?.some((a) => !a || typeof a !== 'object' || Array.isArray(a)))
    return { fields: {}, error: 'invalid_attachments' };
  const blocks = list(p.blocks);
  if (blocks === 'bad') return { fields: {}, error: 'invalid_blocks', details: ['[ERROR] blocks must be a JSON array'] };
  const badBlock = blocks?.findIndex((b) => !b || typeof b !== 'object' || typeof (b as { type?: unknown }).type !== 'string') ?? -1;
  if (badBlock >= 0)
    return { fields: {}, error: 'invalid_blocks', details: [`[ERROR] missing required field: type [json-pointer:/blocks/${badBlock}]`] };
  if (blocks && blocks.length > MAX_BLOCKS)
    return { fields: {}, error: 'invalid_blocks', details: [`[ERROR] no more than ${MAX_BLOCKS} items allowed [json-pointer:/blocks]`] };
  const text = typeof p.text === 'string' ? p.text : undefined;
  if (!text && !attachments?.length && !blocks?.length) return { fields: {}, error: 'no_text' };
  if (text && text.length > MAX_TEXT) return { fields: {}, error: 'msg_too_long' };
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const fields: Partial<SlackMessage> = {
    text,
    ...(str(p.username) ? { username: str(p.username) } : {}),
    ...(str(p.icon_emoji) ? { icon_emoji: str(p.icon_emoji) } : {}),
    ...(str(p.icon_url) ? { icon_url: str(p.icon_url) } : {}),
    ...(attachments ? { attachments } : {}),
    ...(blocks ? { blocks } : {}),
  };
  return { fields };
}
