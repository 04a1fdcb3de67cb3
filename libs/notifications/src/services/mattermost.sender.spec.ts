import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakeMattermost } from '../testing/fakes/mattermost.fake';
import { MattermostSender, type MattermostOptions } from './mattermost.sender';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';

const sender = new MattermostSender();
const CHANNEL = '4xp9fdt77pncbef59f4k1qe83o';
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as DeliveryError,
  );

describe('MattermostSender', () => {
  let mm: FakeMattermost;
  beforeAll(async () => (mm = await new FakeMattermost().start()));
  afterAll(() => mm.stop());
  beforeEach(() => {
    mm.requests.length = 0;
    mm.posts.length = 0;
  });

  const service = (over: Partial<MattermostOptions> = {}): ServiceConfig<MattermostOptions> => ({
    type: 'mattermost',
    name: 'mm',
    options: { apiURL: `${mm.url}/`, token: 'bot-token-1', insecureSkipVerify: false, ...over },
  });
  const send = (n: RenderedNotification, recipient = CHANNEL, over: Partial<MattermostOptions> = {}) =>
    sender.send(n, { service: 'mm', recipient }, service(over));

  it('posts the message and mattermost.attachments to the recipient channel as the bot', async () => {
    await send({
      message: 'guestbook synced',
      parts: {
        mattermost: {
          attachments: '[{"title":"guestbook","color":"#18be52","fields":[{"title":"Sync Status","value":"Synced","short":true}]}]',
        },
      },
    });
    expect(mm.requests[0]).toMatchObject({ method: 'POST', url: '/api/v4/posts' });
    expect(mm.requests[0].headers.authorization).toBe('Bearer bot-token-1');
    expect(mm.posts).toEqual([
      {
        channel_id: CHANNEL,
        message: 'guestbook synced',
        props: {
          attachments: [{ title: 'guestbook', color: '#18be52', fields: [{ title: 'Sync Status', value: 'Synced', short: true }] }],
        },
      },
    ]);
  });

  it('sends an empty attachment list without a mattermost part, as Argo does', async () => {
    await send({ message: 'plain', parts: {} });
    expect(mm.posts[0]).toEqual({ channel_id: CHANNEL, message: 'plain', props: { attachments: [] } });
  });

  it('reports Mattermost errors with their status and message, never the token', async () => {
    const denied = await failure(send({ message: 'm', parts: {} }, CHANNEL, { token: 'wrong-token' }));
    expect(denied).toBeInstanceOf(DeliveryError);
    expect(denied).toMatchObject({
      retryable: false,
      statusCode: 401,
      message: expect.stringMatching(/^mattermost mm: posting to channel \w+ answered HTTP 401: .*Invalid or expired session/),
    });
    expect(denied!.message).not.toContain('wrong-token');
    expect(await failure(send({ message: 'm', parts: {} }, 'town-square'))).toMatchObject({
      retryable: false,
      statusCode: 400,
      message: expect.stringContaining('Invalid or missing channel_id'),
    });
    expect(await failure(send({ message: 'm', parts: {} }, 'zzzzzzzzzzzzzzzzzzzzzzzzzz'))).toMatchObject({
      retryable: false,
      statusCode: 403,
    });
    mm.interruptions.push({
      status: 429,
      headers: { 'Retry-After': '2', 'X-Ratelimit-Remaining': '0' },
      body: { id: 'api.context.rate_limit', message: 'limit exceeded', status_code: 429 },
    });
    expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 2000 });
  });

  it('refuses attachments that are not a JSON array of objects before posting', async () => {
    const bad = await failure(send({ message: 'm', parts: { mattermost: { attachments: '{"title":"x"}' } } }));
    expect(bad).toMatchObject({ retryable: false, message: 'mattermost mm: mattermost.attachments must be a JSON array of objects' });
    expect(mm.requests).toHaveLength(0);
  });

  it('reads service.mattermost with a $secret token, masks it, and names a missing option', () => {
    const { config, problems } = parseNotificationsConfig(
      {
        'service.mattermost': 'apiURL: https://mattermost.example.com\ntoken: $mattermost-token\n',
        'service.mattermost.notoken': 'apiURL: https://mm.example.com\n',
      },
      { 'mattermost-token': 'tok-abc123' },
      [sender],
    );
    expect(config.services.get('mattermost')?.options).toEqual({
      apiURL: 'https://mattermost.example.com',
      token: 'tok-abc123',
      insecureSkipVerify: false,
    });
    expect(config.sensitive).toContain('tok-abc123');
    expect(problems).toEqual([expect.stringMatching(/^service\.mattermost\.notoken: token: /)]);
  });
});
