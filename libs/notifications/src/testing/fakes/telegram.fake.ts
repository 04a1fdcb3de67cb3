import { randomInt } from 'node:crypto';
import { type FakeAnswer, FakeHttpServer, type FakeHttpRequest, jsonBody } from './fake-http';

// The Telegram Bot API's sendMessage (POST /bot<token>/sendMessage) as Telegram answers it:
// {"ok":true,"result":Message}, or {"ok":false,"error_code","description"} with that HTTP status —
// 404 for a malformed token, 401 for an unknown one, 400 for an unknown chat, an empty or too long
// text, Markdown it cannot parse, or a thread the chat does not have, 403 when the bot is not in
// the chat; 429 carries parameters.retry_after and a Retry-After header.

const BOT_TOKEN = /^\d+:[\w-]{35}$/;

const refusal = (code: number, description: string, extra: Record<string, unknown> = {}): FakeAnswer => ({
  status: code,
  body: { ok: false, error_code: code, description, ...extra },
});

export interface FakeChat {
  readonly id: number;
  readonly username?: string;
  readonly type: 'channel' | 'supergroup' | 'private';
  /** Forum topics (message_thread_id) of a supergroup. */
  readonly threads?: number[];
  /** Whether the bot may post in it. */
  readonly member: boolean;
}

export class FakeTelegram extends FakeHttpServer {
  readonly tokens = new Set(['123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0']);
  readonly chats: FakeChat[] = [
    { id: -1001234567890, username: 'flotilla_ops', type: 'channel', member: true },
    { id: -1009876543210, type: 'supergroup', threads: [2], member: true },
    { id: -1005555555555, username: 'not_joined', type: 'channel', member: false },
  ];
  readonly sent: { chat: number; text: string; parse_mode?: string; message_thread_id?: number }[] = [];

  protected answer(req: FakeHttpRequest): FakeAnswer {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url, 'http://x').pathname);
    if (!match || !BOT_TOKEN.test(decodeURIComponent(match[1]))) return refusal(404, 'Not Found');
    if (!this.tokens.has(decodeURIComponent(match[1]))) return refusal(401, 'Unauthorized');
    if (match[2] !== 'sendMessage') return refusal(404, 'Not Found: method not found');
    const m = (jsonBody(req) ?? {}) as { chat_id?: unknown; text?: unknown; parse_mode?: unknown; message_thread_id?: unknown };
    const chat = this.chats.find(
      (c) =>
        c.id === Number(m.chat_id) || (typeof m.chat_id === 'string' && m.chat_id.startsWith('@') && c.username === m.chat_id.slice(1)),
    );
    if (m.chat_id === undefined || m.chat_id === '') return refusal(400, 'Bad Request: chat_id is empty');
    if (!chat) return refusal(400, 'Bad Request: chat not found');
    if (!chat.member) return refusal(403, `Forbidden: bot is not a member of the ${chat.type} chat`);
    const text = typeof m.text === 'string' ? m.text : '';
    if (!text.trim()) return refusal(400, 'Bad Request: message text is empty');
    if (text.length > 4096) return refusal(400, 'Bad Request: message is too long');
    if (m.parse_mode === 'Markdown') {
      const offset = unclosedMarkdown(text);
      if (offset !== undefined)
        return refusal(400, `Bad Request: can't parse entities: Can't find end of the entity starting at byte offset ${offset}`);
    }
    const thread = m.message_thread_id === undefined ? undefined : Number(m.message_thread_id);
    if (thread !== undefined && !chat.threads?.includes(thread)) return refusal(400, 'Bad Request: message thread not found');
    this.sent.push({
      chat: chat.id,
      text,
      ...(typeof m.parse_mode === 'string' ? { parse_mode: m.parse_mode } : {}),
      ...(thread !== undefined ? { message_thread_id: thread } : {}),
    });
    return {
      status: 200,
      body: {
        ok: true,
        result: {
          message_id: randomInt(1, 1e6),
          chat: { id: chat.id, type: chat.type, ...(chat.username ? { username: chat.username } : {}) },
          date: Math.floor(Date.now() / 1000),
          text,
        },
      },
    };
  }

  /** Makes the next request answer as Telegram's flood control does. */
  floodWait(seconds: number): void {
    this.interruptions.push({
      status: 429,
      headers: { 'Retry-After': String(seconds) },
      body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } },
    });
  }
}

/** Where legacy Markdown leaves an entity open (*bold*, _italic_, `code`), as a byte offset. */
function unclosedMarkdown(text: string): number | undefined {
  let open: { ch: string; at: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && !open) {
      i++;
      continue;
    }
    if (open) {
      if (ch === open.ch) open = undefined;
    } else if (ch === '*' || ch === '_' || ch === '`') open = { ch, at: Buffer.byteLength(text.slice(0, i)) };
  }
  return open?.at;
}
