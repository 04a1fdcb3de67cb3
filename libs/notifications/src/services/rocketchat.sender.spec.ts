import pino from 'pino';
import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakeRocketChat } from '../testing/fakes/rocketchat.fake';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';
import { RocketChatSender, type RocketChatOptions } from './rocketchat.sender';

const sender = new RocketChatSender();
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as DeliveryError,
  );

describe('RocketChatSender', () => {
  let rc: FakeRocketChat;
  beforeAll(async () => (rc = await new FakeRocketChat().start()));
  afterAll(() => rc.stop());
  beforeEach(() => {
    rc.requests.length = 0;
    rc.posts.length = 0;
    rc.rateLimitedFor = undefined;
  });

  const service = (over: Partial<RocketChatOptions> = {}): ServiceConfig<RocketChatOptions> => ({
    type: 'rocketchat',
    name: 'rc',
    options: { serverUrl: rc.url, email: 'bot@example.com', password: 'rc-pass', alias: '', icon: '', avatar: '', ...over },
  });
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push((JSON.parse(line) as { msg: string }).msg) });
  const send = (
    recipient: string,
    n: RenderedNotification = { message: 'guestbook synced', parts: {} },
    over: Partial<RocketChatOptions> = {},
  ) =>
    sender.send(n, { service: 'rc', recipient }, service(over), {
      app: {},
      store: { get: () => Promise.resolve(undefined), set: () => Promise.resolve() },
      logger,
    });

  it('logs in with email and password, then posts to a #channel as that user with alias, icon, avatar and attachments', async () => {
    await send(
      '#ops',
      { message: 'guestbook synced', parts: { rocketchat: { attachments: '[{"title":"guestbook","color":"#18be52"}]' } } },
      { alias: 'Argo CD', icon: ':rocket:', avatar: 'https://cd.example/avatar.png' },
    );
    expect(rc.requests.map((r) => r.url)).toEqual(['/api/v1/login', '/api/v1/chat.postMessage']);
    expect(Object.fromEntries(new URLSearchParams(rc.requests[0].body))).toEqual({ user: 'bot@example.com', password: 'rc-pass' });
    expect(rc.posts).toEqual([
      {
        rid: 'ops-room-id-0001',
        msg: 'guestbook synced',
        user: expect.any(String),
        alias: 'Argo CD',
        emoji: ':rocket:',
        avatar: 'https://cd.example/avatar.png',
        attachments: [{ title: 'guestbook', color: '#18be52' }],
      },
    ]);
  });

  it('posts to @user as a direct message and to anything else as a room id; without a rocketchat part no attachments are sent', async () => {
    await send('@alice');
    await send('GENERALroomID');
    expect(JSON.parse(rc.requests[3].body)).toEqual({ text: 'guestbook synced', roomId: 'GENERALroomID' });
    expect(rc.posts.map((p) => p.rid)).toEqual(['direct-alice', 'GENERALroomID']);
  });

  it('leaves out an icon that is not an emoji and an avatar that is not a URL, with a warning', async () => {
    warnings.length = 0;
    await send('#ops', undefined, { icon: 'rocket', avatar: 'not a url' });
    expect(rc.posts[0]).not.toHaveProperty('emoji');
    expect(rc.posts[0]).not.toHaveProperty('avatar');
    expect(warnings).toEqual([
      'rocketchat rc: icon "rocket" is not an emoji such as :rocket:, so it is left out',
      'rocketchat rc: avatar is not an http(s) URL, so it is left out',
    ]);
  });

  it('reports a refused login, an unknown or forbidden room, and rate limits with the wait Rocket.Chat names', async () => {
    const login = await failure(send('#ops', undefined, { password: 'wrong-pass' }));
    expect(login).toBeInstanceOf(DeliveryError);
    expect(login).toMatchObject({
      retryable: false,
      statusCode: 401,
      message: 'rocketchat rc: logging in as bot@example.com answered HTTP 401: Unauthorized',
    });
    expect(rc.requests.map((r) => r.url)).toEqual(['/api/v1/login']);
    expect(await failure(send('#nowhere'))).toMatchObject({
      retryable: false,
      statusCode: 400,
      message: 'rocketchat rc: posting to #nowhere answered HTTP 400: No channel found [error-invalid-channel]',
    });
    expect(await failure(send('secret-room-id-01'))).toMatchObject({
      retryable: false,
      statusCode: 400,
      message: expect.stringContaining('error-not-allowed'),
    });
    rc.rateLimitedFor = 20;
    const limited = await failure(send('#ops'));
    expect(limited).toMatchObject({ retryable: true, statusCode: 429 });
    expect(limited!.retryAfterMs).toBeGreaterThan(18_000);
    expect(limited!.retryAfterMs).toBeLessThanOrEqual(20_000);
  });

  it('refuses attachments that are not a JSON array before logging in', async () => {
    expect(await failure(send('#ops', { message: 'm', parts: { rocketchat: { attachments: 'nope' } } }))).toMatchObject({
      retryable: false,
      message: expect.stringMatching(/^rocketchat rc: rocketchat\.attachments is not valid JSON/),
    });
    expect(rc.requests).toHaveLength(0);
  });

  it('reads service.rocketchat with $secret email and password, masks the password, and needs serverUrl', () => {
    const { config, problems } = parseNotificationsConfig(
      {
        'service.rocketchat':
          'email: $rocketchat-email\npassword: $rocketchat-password\nserverUrl: https://chat.example.com\nalias: Argo CD\n',
        'service.rocketchat.noserver': 'email: a\npassword: b\n',
      },
      { 'rocketchat-email': 'bot@example.com', 'rocketchat-password': 'p4ss' },
      [sender],
    );
    expect(config.services.get('rocketchat')?.options).toEqual({
      serverUrl: 'https://chat.example.com',
      email: 'bot@example.com',
      password: 'p4ss',
      alias: 'Argo CD',
      icon: '',
      avatar: '',
    });
    expect(config.sensitive).toContain('p4ss');
    expect(problems).toEqual([expect.stringMatching(/^service\.rocketchat\.noserver: serverUrl: /)]);
  });
});
