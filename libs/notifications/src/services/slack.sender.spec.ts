import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { MemorySenderStore } from '../services/sender.store';
import { FakeSlack } from '../testing/fakes/slack.fake';
import { DeliveryError, type RenderedNotification, type SenderStore, type ServiceConfig } from './notification-service';
import { iconField, SlackSender, type SlackOptions } from './slack.sender';

const TOKEN = 'xoxb-test-token';

describe('SlackSender', () => {
  let slack: FakeSlack;
  let store: SenderStore;

  beforeAll(async () => {
    slack = await FakeSlack.start({
      token: TOKEN,
      channels: [
        { id: 'C0DEPLOY', name: 'deploy-alerts' },
        { id: 'C0SECRET', name: 'secret-room', member: false },
      ],
      webhooks: { '/services/T0/B0/hook': 'deploy-alerts' },
    });
  });
  afterAll(() => slack.stop());
  beforeEach(() => {
    slack.messages.length = 0;
    slack.calls.length = 0;
    slack.updates.length = 0;
    store = new MemorySenderStore();
  });

  const service = (over: Partial<SlackOptions> = {}): ServiceConfig<SlackOptions> => ({
    type: 'slack',
    name: 'slack',
    options: {
      token: TOKEN,
      username: 'ArgoCD',
      icon: ':argocd:',
      apiURL: slack.apiURL,
      channels: [],
      disableUnfurl: false,
      insecureSkipVerify: false,
      ...over,
    },
  });
  const send = (n: RenderedNotification, channel = 'deploy-alerts', svc = service(), s = store) =>
    new SlackSender().send(n, { service: 'slack', recipient: channel }, svc, { app: {}, store: s });
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e as DeliveryError,
    );

  it("posts the seed template's message: Bearer token, form body, channel by name, username, icon_emoji, attachments parsed", async () => {
    const attachments =
      '[{"color": "#E96D76", "title": "payments-prod", "fields": [{"title": "Health", "value": "Degraded", "short": true}]}]';
    await send({ message: 'Application *payments-prod* sync Failed.\n', parts: { slack: { attachments } } });
    expect(slack.calls[0]).toMatchObject({
      method: 'chat.postMessage',
      authorization: `Bearer ${TOKEN}`,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(slack.calls[0].params.token).toBeUndefined();
    expect(slack.inChannel('deploy-alerts')).toEqual([
      expect.objectContaining({
        via: 'chat.postMessage',
        text: 'Application *payments-prod* sync Failed.\n',
        username: 'ArgoCD',
        icon_emoji: ':argocd:',
        attachments: JSON.parse(attachments),
      }),
    ]);
    expect(slack.messages[0].thread_ts).toBeUndefined();
  });

  it('takes a channel ID, an icon URL, and username/icon from the template over the service', async () => {
    await send(
      {
        message: 'm',
        parts: {
          slack: {
            username: 'deploy-bot',
            icon: 'https://example.com/bot.png',
            blocks: '[{"type":"section","text":{"type":"mrkdwn","text":"hi"}}]',
          },
        },
      },
      'C0DEPLOY',
    );
    expect(slack.messages[0]).toMatchObject({
      channel: 'C0DEPLOY',
      username: 'deploy-bot',
      icon_url: 'https://example.com/bot.png',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
    });
    expect(slack.messages[0].icon_emoji).toBeUndefined();
    expect(iconField('not an icon')).toEqual({});
  });

  it('threads by groupingKey per channel, with the first ts shared through the store (another replica replies in the same thread)', async () => {
    const part = (broadcast: boolean) => ({ slack: { groupingKey: 'rev-abc', notifyBroadcast: broadcast } });
    await send({ message: 'first', parts: part(false) });
    await new SlackSender().send({ message: 'second', parts: part(false) }, { service: 'slack', recipient: 'deploy-alerts' }, service(), {
      app: {},
      store,
    });
    await send({ message: 'third', parts: part(true) });
    await send({ message: 'other key', parts: { slack: { groupingKey: 'rev-def' } } });
    const [first, second, third, other] = slack.messages;
    expect(first.thread_ts).toBeUndefined();
    expect(second).toMatchObject({ text: 'second', thread_ts: first.ts });
    expect(second.reply_broadcast).toBeUndefined();
    expect(third).toMatchObject({ text: 'third', thread_ts: first.ts, reply_broadcast: true });
    expect(other.thread_ts).toBeUndefined();
    expect(JSON.parse((await store.get('thread:deploy-alerts:rev-abc'))!)).toEqual({ ts: first.ts, channel: 'C0DEPLOY' });
  });

  it('PostAndUpdate replies in the thread and updates the first message (by channel ID); Update only updates, posting only the first', async () => {
    await send({ message: 'syncing', parts: { slack: { groupingKey: 'g1', deliveryPolicy: 'PostAndUpdate' } } });
    await send({ message: 'synced', parts: { slack: { groupingKey: 'g1', deliveryPolicy: 'PostAndUpdate' } } });
    expect(slack.messages.map((m) => [m.text, m.thread_ts])).toEqual([
      ['synced', undefined],
      ['synced', slack.messages[0].ts],
    ]);
    expect(slack.updates).toEqual([{ channel: 'C0DEPLOY', ts: slack.messages[0].ts, text: 'synced' }]);
    expect(slack.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage', 'chat.update']);

    slack.messages.length = 0;
    await send({ message: 'v1', parts: { slack: { groupingKey: 'g2', deliveryPolicy: 'Update' } } });
    await send({ message: 'v2', parts: { slack: { groupingKey: 'g2', deliveryPolicy: 'Update' } } });
    await send({ message: 'v3', parts: { slack: { groupingKey: 'g2', deliveryPolicy: 'Update' } } });
    expect(slack.messages).toEqual([expect.objectContaining({ text: 'v3', edits: 2 })]);
  });

  it.each([
    ['attachments', '[{"title": "x",}]', /^slack slack: template field slack\.attachments is not valid JSON \(.+\)$/],
    ['blocks', '{"type": "section"}', /^slack slack: template field slack\.blocks must be a JSON array, got object$/],
  ])('fails for good, naming the field, when slack.%s is not a JSON array; sends nothing', async (field, value, message) => {
    const err = await failure(send({ message: 'm', parts: { slack: { [field]: value } } }));
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ retryable: false });
    expect(err!.message).toMatch(message);
    expect(slack.calls).toEqual([]);
  });

  it.each([
    ['no-such-channel', TOKEN, 'channel_not_found', /the bot cannot see it/],
    ['secret-room', TOKEN, 'not_in_channel', /invite it/],
    ['deploy-alerts', 'xoxb-wrong', 'invalid_auth', /slack-token/],
  ])('reports Slack’s ok:false answer for %s as a permanent failure naming the error', async (channel, token, error, hint) => {
    const err = await failure(send({ message: 'm', parts: {} }, channel, service({ token })));
    expect(err).toMatchObject({ retryable: false, statusCode: 200 });
    expect(err!.message).toContain(`slack slack: chat.postMessage to "${channel}" failed: ${error}`);
    expect(err!.message).toMatch(hint);
    expect(slack.messages).toEqual([]);
  });

  it('quotes what Slack says is wrong with blocks, and refuses text over 40,000 characters', async () => {
    const blocks = await failure(send({ message: 'm', parts: { slack: { blocks: '[{"text": "no type"}]' } } }));
    expect(blocks!.message).toBe(
      'slack slack: chat.postMessage to "deploy-alerts" failed: invalid_blocks (Slack rejected slack.blocks) [[ERROR] missing required field: type [json-pointer:/blocks/0]]',
    );
    const long = await failure(send({ message: 'x'.repeat(40_001), parts: {} }));
    expect(long!.message).toContain('failed: msg_too_long');
  });

  it('makes a 429 retryable with Retry-After in ms (for the delivery queue to honour)', async () => {
    slack.rateLimit(1, 7);
    const err = await failure(send({ message: 'm', parts: {} }));
    expect(err).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 7000 });
    expect(err!.message).toBe('slack slack: chat.postMessage to "deploy-alerts" was rate limited by Slack (Retry-After 7 s)');
    await send({ message: 'm', parts: {} });
    expect(slack.messages).toHaveLength(1);
  });

  it('adds the trailing slash an apiURL may lack (Argo would concatenate "apichat.postMessage")', async () => {
    await send({ message: 'm', parts: {} }, 'deploy-alerts', service({ apiURL: slack.apiURL.replace(/\/$/, '') }));
    expect(slack.messages).toHaveLength(1);
  });

  it('posts JSON to an incoming webhook when the service has webhookURL and no token; its errors are permanent', async () => {
    const svc = service({ token: undefined, webhookURL: slack.webhookURL('/services/T0/B0/hook') });
    await send({ message: 'hello', parts: { slack: { attachments: '[{"title":"t"}]' } } }, '', svc);
    expect(slack.calls[0]).toMatchObject({ method: 'webhook', contentType: 'application/json' });
    expect(slack.messages[0]).toMatchObject({
      via: 'webhook',
      channel: 'C0DEPLOY',
      text: 'hello',
      username: 'ArgoCD',
      attachments: [{ title: 't' }],
    });
    const err = await failure(send({ message: 'm', parts: {} }, 'no-such-channel', svc));
    expect(err).toMatchObject({ retryable: false, statusCode: 404 });
    expect(err!.message).toBe(`slack slack: incoming webhook ${slack.baseURL}/services/T0/B0/hook answered HTTP 404: channel_not_found`);
  });

  it("reads Argo's service.slack options: the token from the Secret, every secret masked; no token nor webhookURL names the option", () => {
    const { config, problems } = parseNotificationsConfig(
      {
        'service.slack':
          'token: $slack-token\nusername: ArgoCD\nicon: ":argocd:"\nsigningSecret: $slack-signing\napiURL: https://slack.internal/api/\ninsecureSkipVerify: true\nchannels: [a]\nmaxIdleConns: 10',
        'service.slack.broken': 'username: x',
      },
      { 'slack-token': 'xoxb-1', 'slack-signing': 'sign-me' },
      [new SlackSender()],
    );
    expect(problems).toEqual([expect.stringMatching(/^service\.slack\.broken: token: required: the bot token/)]);
    expect(config.services.get('slack')?.options).toMatchObject({
      token: 'xoxb-1',
      signingSecret: 'sign-me',
      apiURL: 'https://slack.internal/api/',
      insecureSkipVerify: true,
      username: 'ArgoCD',
      icon: ':argocd:',
    });
    expect(config.sensitive).toEqual(expect.arrayContaining(['xoxb-1', 'sign-me']));
  });
});
