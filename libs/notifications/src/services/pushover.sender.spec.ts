import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakePushover } from '../testing/fakes/pushover.fake';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';
import { PushoverSender, type PushoverOptions } from './pushover.sender';

const sender = new PushoverSender();
const APP = 'azGDORePK8gMaC0QOYAMyEEuzJnyUi';
const USER = 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG';
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as DeliveryError,
  );

describe('PushoverSender', () => {
  let po: FakePushover;
  beforeAll(async () => (po = await new FakePushover().start()));
  afterAll(() => po.stop());
  beforeEach(() => {
    po.requests.length = 0;
    po.delivered.length = 0;
    po.remaining.clear();
  });

  const service = (over: Partial<PushoverOptions> = {}): ServiceConfig<PushoverOptions> => ({
    type: 'pushover',
    name: 'push',
    options: { token: APP, apiURL: po.url, ...over },
  });
  const send = (
    recipient = USER,
    n: RenderedNotification = { message: 'guestbook synced', parts: {} },
    over: Partial<PushoverOptions> = {},
  ) => sender.send(n, { service: 'push', recipient }, service(over));

  it('posts the message form-encoded with the application token to the recipient’s user key', async () => {
    await send();
    expect(po.requests[0]).toMatchObject({ method: 'POST', url: '/1/messages.json' });
    expect(Object.fromEntries(new URLSearchParams(po.requests[0].body))).toEqual({ token: APP, user: USER, message: 'guestbook synced' });
    expect(po.delivered).toEqual([{ user: USER, message: 'guestbook synced' }]);
  });

  it('checks the recipient key and the message length before sending, as Argo’s client does', async () => {
    expect(await failure(send('someone'))).toMatchObject({
      retryable: false,
      message: 'pushover push: the recipient must be a Pushover user or group key (30 letters or digits)',
    });
    expect(await failure(send(USER, { message: '', parts: {} }))).toMatchObject({
      retryable: false,
      message: 'pushover push: the message is empty',
    });
    expect(await failure(send(USER, { message: 'é'.repeat(1025), parts: {} }))).toMatchObject({
      retryable: false,
      message: 'pushover push: the message has 1025 characters, Pushover takes at most 1024',
    });
    expect(po.requests).toHaveLength(0);
    await send(USER, { message: 'é'.repeat(1024), parts: {} });
    expect(po.delivered).toHaveLength(1);
  });

  it("reports Pushover's errors with the status, never the token; the monthly limit is retryable", async () => {
    const unknownUser = await failure(send('uQiRzpo4DXghDmr9QzzfQu27cmVRsX'));
    expect(unknownUser).toBeInstanceOf(DeliveryError);
    expect(unknownUser).toMatchObject({
      retryable: false,
      statusCode: 400,
      message: expect.stringMatching(/^pushover push: Pushover answered HTTP 400: user identifier is not a valid user/),
    });
    const badApp = await failure(send(USER, undefined, { token: 'bzGDORePK8gMaC0QOYAMyEEuzJnyUi' }));
    expect(badApp).toMatchObject({ retryable: false, statusCode: 400, message: expect.stringContaining('application token is invalid') });
    expect(badApp!.message).not.toContain('bzGDORePK8gMaC0QOYAMyEEuzJnyUi');
    po.remaining.set(APP, 0);
    expect(await failure(send())).toMatchObject({
      retryable: true,
      statusCode: 429,
      message: 'pushover push: Pushover answered HTTP 429: application has exceeded its monthly message limit',
    });
    po.interruptions.push({ status: 503, body: 'Service Unavailable' });
    expect(await failure(send())).toMatchObject({ retryable: true, statusCode: 503 });
  });

  it('reads service.pushover with a $secret token, masks it, defaults apiURL to Pushover and refuses a malformed token', () => {
    const { config, problems } = parseNotificationsConfig(
      { 'service.pushover': 'token: $pushover-token\n', 'service.pushover.bad': 'token: abc\n' },
      { 'pushover-token': APP },
      [sender],
    );
    expect(config.services.get('pushover')?.options).toEqual({ token: APP, apiURL: 'https://api.pushover.net' });
    expect(config.sensitive).toContain(APP);
    expect(problems).toEqual(['service.pushover.bad: token: expected a Pushover application token (30 letters or digits)']);
  });
});
