import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakeTelegram } from '../testing/fakes/telegram.fake';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';
import { TelegramSender, type TelegramOptions } from './telegram.sender';

const sender = new TelegramSender();
const TOKEN = '123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0';
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as DeliveryError,
  );

describe('TelegramSender', () => {
  let tg: FakeTelegram;
  beforeAll(async () => (tg = await new FakeTelegram().start()));
  afterAll(() => tg.stop());
  beforeEach(() => {
    tg.requests.length = 0;
    tg.sent.length = 0;
  });

  const service = (over: Partial<TelegramOptions> = {}): ServiceConfig<TelegramOptions> => ({
    type: 'telegram',
    name: 'tg',
    options: { token: TOKEN, apiURL: tg.url, ...over },
  });
  const send = (
    recipient: string,
    n: RenderedNotification = { message: '*guestbook* synced', parts: {} },
    over: Partial<TelegramOptions> = {},
  ) => sender.send(n, { service: 'tg', recipient }, service(over));

  it('sends the message with parse_mode Markdown to a channel username, the @ added as Argo adds it', async () => {
    await send('flotilla_ops');
    await send('@flotilla_ops');
    expect(tg.requests[0]).toMatchObject({ method: 'POST', url: `/bot${TOKEN}/sendMessage` });
    expect(JSON.parse(tg.requests[0].body)).toEqual({ chat_id: '@flotilla_ops', text: '*guestbook* synced', parse_mode: 'Markdown' });
    expect(tg.sent).toEqual([
      { chat: -1001234567890, text: '*guestbook* synced', parse_mode: 'Markdown' },
      { chat: -1001234567890, text: '*guestbook* synced', parse_mode: 'Markdown' },
    ]);
  });

  it('sends to a chat id, and to a forum topic with -<chat id>|<thread id>', async () => {
    await send('-1001234567890');
    await send('-1009876543210|2');
    expect(JSON.parse(tg.requests[1].body)).toMatchObject({ chat_id: -1009876543210, message_thread_id: 2 });
    expect(tg.sent.map((s) => [s.chat, s.message_thread_id])).toEqual([
      [-1001234567890, undefined],
      [-1009876543210, 2],
    ]);
  });

  it('refuses a recipient that is neither a chat id nor a username, before sending', async () => {
    for (const bad of ['-12ab', '-100|x', '-1|2|3']) {
      expect(await failure(send(bad))).toMatchObject({
        retryable: false,
        message: `telegram tg: recipient "${bad}" is neither a chat id (-100…, optionally |<thread id>) nor a channel username`,
      });
    }
    expect(tg.requests).toHaveLength(0);
  });

  it("reports Telegram's description with the status, never the token", async () => {
    const cases: [string, Partial<TelegramOptions>, RenderedNotification | undefined, number, RegExp][] = [
      ['missing_channel', {}, undefined, 400, /Bad Request: chat not found$/],
      ['not_joined', {}, undefined, 403, /Forbidden: bot is not a member of the channel chat$/],
      [
        'flotilla_ops',
        {},
        { message: 'sync *failed', parts: {} },
        400,
        /can't parse entities: Can't find end of the entity starting at byte offset 5$/,
      ],
      ['-1009876543210|7', {}, undefined, 400, /message thread not found$/],
      ['flotilla_ops', { token: '123456:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0' }, undefined, 401, /HTTP 401: Unauthorized$/],
    ];
    for (const [recipient, over, n, status, text] of cases) {
      const error = await failure(send(recipient, n, over));
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toMatchObject({ retryable: false, statusCode: status });
      expect(error!.message).toMatch(new RegExp(`^telegram tg: sendMessage to ${recipient.replace('|', '\\|')} answered HTTP ${status}: `));
      expect(error!.message).toMatch(text);
      expect(error!.message).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0');
    }
  });

  it('waits as long as flood control says (parameters.retry_after)', async () => {
    tg.floodWait(35);
    expect(await failure(send('flotilla_ops'))).toMatchObject({
      retryable: true,
      statusCode: 429,
      retryAfterMs: 35_000,
      message: 'telegram tg: sendMessage to flotilla_ops answered HTTP 429: Too Many Requests: retry after 35',
    });
  });

  it('masks the token in a network failure, whose message quotes the URL', async () => {
    const error = await failure(send('flotilla_ops', undefined, { apiURL: 'http://127.0.0.1:1' }));
    expect(error).toMatchObject({ retryable: true });
    expect(error!.message).toMatch(/^telegram tg: POST http:\/\/127\.0\.0\.1:1\/bot\*\*\*\/sendMessage failed: /);
  });

  it('reads service.telegram with a $secret token, masks it, and defaults apiURL to Telegram', () => {
    const { config, problems } = parseNotificationsConfig({ 'service.telegram': 'token: $telegram-token\n' }, { 'telegram-token': TOKEN }, [
      sender,
    ]);
    expect(problems).toEqual([]);
    expect(config.services.get('telegram')?.options).toEqual({ token: TOKEN, apiURL: 'https://api.telegram.org' });
    expect(config.sensitive).toContain(TOKEN);
  });
});
