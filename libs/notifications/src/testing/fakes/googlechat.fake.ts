import { randomBytes } from 'node:crypto';
import { type FakeAnswer, FakeHttpServer, type FakeHttpRequest, jsonBody } from './fake-http';

// Google Chat's incoming webhooks (POST /v1/spaces/<space>/messages?key=…&token=…) as Google
// answers them: 200 with the created Message (its thread named after threadKey, so one key keeps
// one thread), and Google's error JSON otherwise — 401 UNAUTHENTICATED for a wrong key or token,
// 404 for an unknown space, 400 INVALID_ARGUMENT for a body that is not JSON, a message with
// neither text nor cards, a card without a cardId or an unknown messageReplyOption.

const REPLY_OPTIONS = ['MESSAGE_REPLY_OPTION_UNSPECIFIED', 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD', 'REPLY_MESSAGE_OR_FAIL'];

const googleError = (code: number, status: string, message: string): FakeAnswer => ({
  status: code,
  body: { error: { code, message, status } },
});

export interface ChatMessage {
  readonly space: string;
  readonly thread: string;
  readonly threadKey?: string;
  readonly text?: string;
  readonly cards?: unknown[];
  readonly cardsV2?: { cardId: string; card: unknown }[];
}

export class FakeGoogleChat extends FakeHttpServer {
  /** Space → its webhook's key and token. */
  readonly spaces = new Map([['AAAA-ops', { key: 'webhook-key', token: 'webhook-token' }]]);
  readonly messages: ChatMessage[] = [];
  private readonly threads = new Map<string, string>();

  webhookUrl(space: string): string {
    const s = this.spaces.get(space) ?? { key: 'k', token: 't' };
    return `${this.url}/v1/spaces/${space}/messages?key=${s.key}&token=${s.token}`;
  }

  protected answer(req: FakeHttpRequest): FakeAnswer {
    const url = new URL(req.url, 'http://x');
    const match = /^\/v1\/spaces\/([^/]+)\/messages$/.exec(url.pathname);
    if (!match || req.method !== 'POST') return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
    const space = this.spaces.get(match[1]);
    if (!space) return googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
    if (url.searchParams.get('key') !== space.key || url.searchParams.get('token') !== space.token)
      return googleError(
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
    const reply = url.searchParams.get('messageReplyOption');
    if (reply !== null && !REPLY_OPTIONS.includes(reply))
      return googleError(
        400,
        'INVALID_ARGUMENT',
        `Invalid value at 'message_reply_option' (type.googleapis.com/google.chat.v1.CreateMessageRequest.MessageReplyOption), "${reply}"`,
      );
    const body = jsonBody(req) as { text?: unknown; cards?: unknown; cardsV2?: unknown } | undefined;
    if (!body || typeof body !== 'object') return googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
    const cardsV2 = Array.isArray(body.cardsV2) ? (body.cardsV2 as { cardId?: unknown; card?: unknown }[]) : [];
    if (cardsV2.some((c) => typeof c.cardId !== 'string' || !c.cardId || !c.card || typeof c.card !== 'object'))
      return googleError(400, 'INVALID_ARGUMENT', 'Invalid card: every card in cards_v2 needs a card_id and a card.');
    const cards = Array.isArray(body.cards) ? body.cards : [];
    if (!body.text && cards.length === 0 && cardsV2.length === 0)
      return googleError(400, 'INVALID_ARGUMENT', 'Message cannot be empty. Discarded message must have text or cards.');
    const threadKey = url.searchParams.get('threadKey') ?? undefined;
    const spaceName = `spaces/${match[1]}`;
    const threadId = threadKey ? `${spaceName}:${threadKey}` : randomBytes(6).toString('hex');
    if (!this.threads.has(threadId)) this.threads.set(threadId, `${spaceName}/threads/${randomBytes(6).toString('hex')}`);
    const thread = this.threads.get(threadId)!;
    const message: ChatMessage = {
      space: match[1],
      thread,
      ...(threadKey ? { threadKey } : {}),
      ...(typeof body.text === 'string' && body.text ? { text: body.text } : {}),
      ...(cards.length ? { cards } : {}),
      ...(cardsV2.length ? { cardsV2: cardsV2 as ChatMessage['cardsV2'] } : {}),
    };
    this.messages.push(message);
    return {
      status: 200,
      body: {
        name: `${spaceName}/messages/${randomBytes(6).toString('hex')}`,
        thread: { name: thread, ...(threadKey ? { threadKey } : {}) },
        ...body,
        createTime: new Date().toISOString(),
      },
    };
  }
}
