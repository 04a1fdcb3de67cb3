import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakeGoogleChat } from '../testing/fakes/googlechat.fake';
import { GoogleChatSender, type GoogleChatOptions } from './googlechat.sender';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';

const sender = new GoogleChatSender();
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as DeliveryError,
  );

describe('GoogleChatSender', () => {
  let chat: FakeGoogleChat;
  beforeAll(async () => (chat = await new FakeGoogleChat().start()));
  afterAll(() => chat.stop());
  beforeEach(() => {
    chat.requests.length = 0;
    chat.messages.length = 0;
  });

  const service = (): ServiceConfig<GoogleChatOptions> => ({
    type: 'googlechat',
    name: 'gchat',
    options: {
      webhooks: { ops: chat.webhookUrl('AAAA-ops'), stale: `${chat.url}/v1/spaces/AAAA-ops/messages?key=webhook-key&token=revoked` },
      insecureSkipVerify: false,
    },
  });
  const send = (n: RenderedNotification, recipient = 'ops') => sender.send(n, { service: 'gchat', recipient }, service());

  it('sends the message as text to the recipient’s webhook', async () => {
    await send({ message: 'guestbook synced', parts: {} });
    expect(chat.requests[0].headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(chat.messages).toEqual([{ space: 'AAAA-ops', thread: expect.any(String), text: 'guestbook synced' }]);
  });

  it('sends googlechat.cardsV2 (YAML) with a fresh cardId each, and legacy cards, instead of the text', async () => {
    const cardsV2 = '- header:\n    title: guestbook\n  sections:\n    - widgets:\n        - decoratedText:\n            text: Synced\n';
    await send({ message: 'not sent', parts: { googlechat: { cardsV2, cards: '[{"header":{"title":"legacy"}}]' } } });
    const [m] = chat.messages;
    expect(m.text).toBeUndefined();
    expect(m.cardsV2).toEqual([
      {
        cardId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        card: { header: { title: 'guestbook' }, sections: [{ widgets: [{ decoratedText: { text: 'Synced' } }] }] },
      },
    ]);
    expect(m.cards).toEqual([{ header: { title: 'legacy' } }]);
  });

  it('keeps messages with the same googlechat.threadKey in one thread', async () => {
    await send({ message: 'sync started', parts: { googlechat: { threadKey: 'guestbook-42' } } });
    await send({ message: 'sync done', parts: { googlechat: { threadKey: 'guestbook-42' } } });
    await send({ message: 'other', parts: {} });
    const [a, b, c] = chat.messages;
    expect(new URL(chat.requests[0].url, 'http://x').searchParams.get('messageReplyOption')).toBe('REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD');
    expect(a).toMatchObject({ threadKey: 'guestbook-42' });
    expect(b.thread).toBe(a.thread);
    expect(c.thread).not.toBe(a.thread);
  });

  it("reports Google's error with code, status and message, without the webhook's key or token", async () => {
    const denied = await failure(send({ message: 'm', parts: {} }, 'stale'));
    expect(denied).toBeInstanceOf(DeliveryError);
    expect(denied).toMatchObject({
      retryable: false,
      statusCode: 401,
      message: expect.stringMatching(
        /^googlechat gchat: webhook answered HTTP 401: code=401 status=UNAUTHENTICATED message=Request had invalid/,
      ),
    });
    expect(denied!.message).not.toMatch(/webhook-key|revoked/);
    const empty = await failure(send({ message: '', parts: {} }));
    expect(empty).toMatchObject({
      retryable: false,
      statusCode: 400,
      message: expect.stringContaining('status=INVALID_ARGUMENT message=Message cannot be empty'),
    });
    chat.interruptions.push({
      status: 429,
      headers: { 'Retry-After': '4' },
      body: { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Resource has been exhausted (e.g. check quota).' } },
    });
    expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 4000 });
    chat.interruptions.push({ status: 200, body: { error: { code: 500, status: 'INTERNAL', message: 'Internal error encountered.' } } });
    expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: true, statusCode: 500 });
  });

  it('refuses an unknown recipient and cards that are not a list, before sending', async () => {
    expect(await failure(send({ message: 'm', parts: {} }, 'dev'))).toMatchObject({
      retryable: false,
      message: 'googlechat gchat: no webhook is configured for recipient "dev" (webhooks has "ops", "stale")',
    });
    expect(await failure(send({ message: 'm', parts: { googlechat: { cardsV2: 'header: {title: x}' } } }))).toMatchObject({
      retryable: false,
      message: 'googlechat gchat: googlechat.cardsV2 must be a list of cards',
    });
    expect(chat.requests).toHaveLength(0);
  });

  it('reads service.googlechat with $secret webhook URLs and masks them', () => {
    const url = 'https://chat.googleapis.com/v1/spaces/AAA/messages?key=k1&token=t1';
    const { config, problems } = parseNotificationsConfig(
      { 'service.googlechat': 'webhooks:\n  spaceName: $space-webhook-url\n' },
      { 'space-webhook-url': url },
      [sender],
    );
    expect(problems).toEqual([]);
    expect(config.services.get('googlechat')?.options).toEqual({ webhooks: { spaceName: url }, insecureSkipVerify: false });
    expect(config.sensitive).toContain(url);
  });
});
