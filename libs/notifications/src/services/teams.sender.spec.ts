import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakeTeams } from '../testing/fakes/teams.fake';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';
import { TeamsSender, type TeamsOptions } from './teams.sender';

const sender = new TeamsSender();
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as DeliveryError,
  );

describe('TeamsSender', () => {
  let teams: FakeTeams;
  beforeAll(async () => (teams = await new FakeTeams().start()));
  afterAll(() => teams.stop());
  beforeEach(() => {
    teams.requests.length = 0;
    teams.posted.length = 0;
    teams.connectorFailure = undefined;
  });

  const service = (): ServiceConfig<TeamsOptions> => ({
    type: 'teams',
    name: 'ms',
    options: { recipientUrls: { ops: teams.webhookUrl('hook-1'), gone: teams.webhookUrl('deleted') }, insecureSkipVerify: false },
  });
  const send = (n: RenderedNotification, recipient = 'ops') => sender.send(n, { service: 'ms', recipient }, service());

  it('posts a MessageCard built from the teams part to the recipient’s webhook: facts appended to sections as Argo does', async () => {
    await send({
      message: 'synced',
      parts: {
        teams: {
          title: 'guestbook synced',
          summary: 'Sync succeeded',
          themeColor: '#000080',
          facts: '[{"name":"Sync Status","value":"Synced"}]',
          sections: '[{"activityTitle":"Details"}]',
          potentialAction: [{ '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://cd/applications/guestbook' }] }],
        },
      },
    });
    expect(teams.requests[0].headers['content-type']).toBe('application/json');
    expect(teams.posted).toEqual([
      {
        channel: 'hook-1',
        card: {
          '@type': 'MessageCard',
          '@context': 'https://schema.org/extensions',
          title: 'guestbook synced',
          summary: 'Sync succeeded',
          text: 'synced',
          themeColor: '#000080',
          sections: [{ activityTitle: 'Details' }, { facts: [{ name: 'Sync Status', value: 'Synced' }] }],
          potentialAction: [{ '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://cd/applications/guestbook' }] }],
        },
      },
    ]);
  });

  it('sends teams.template verbatim, and teams.text instead of the message', async () => {
    await send({ message: 'm', parts: { teams: { template: '{"@type":"MessageCard","text":"raw card"}' } } });
    expect(teams.posted[0].card).toEqual({ '@type': 'MessageCard', text: 'raw card' });
    await send({ message: 'm', parts: { teams: { text: 'from teams.text' } } });
    expect(teams.posted[1].card.text).toBe('from teams.text');
  });

  it('fails when the connector answers anything but "1", even with HTTP 200; a relayed 429 may pass on retry', async () => {
    teams.connectorFailure =
      'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0';
    const throttled = await failure(send({ message: 'm', parts: {} }));
    expect(throttled).toBeInstanceOf(DeliveryError);
    expect(throttled).toMatchObject({
      retryable: true,
      message: expect.stringMatching(/^teams ms: webhook did not accept the card: Webhook message delivery failed .*HTTP error 429/),
    });
    teams.connectorFailure = 'Webhook Bad Request - Null or empty event';
    expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: false });
  });

  it('reports HTTP errors with their status, honours Retry-After, and never shows the webhook URL', async () => {
    const empty = await failure(send({ message: '', parts: {} }));
    expect(empty).toMatchObject({
      retryable: false,
      statusCode: 400,
      message: 'teams ms: webhook answered HTTP 400: Summary or Text is required.',
    });
    const gone = await failure(send({ message: 'm', parts: {} }, 'gone'));
    expect(gone).toMatchObject({ retryable: false, statusCode: 404 });
    teams.interruptions.push({ status: 429, headers: { 'Retry-After': '7' }, body: 'Too Many Requests' });
    const limited = await failure(send({ message: 'm', parts: {} }));
    expect(limited).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 7000 });
    for (const e of [empty, gone, limited]) expect(e!.message).not.toContain('webhookb2');
  });

  it('masks the webhook path, which is the credential, when a network error quotes the URL', async () => {
    const svc: ServiceConfig<TeamsOptions> = {
      type: 'teams',
      name: 'ms',
      options: { recipientUrls: { ops: 'http://127.0.0.1:1/webhookb2/guid@tenant/IncomingWebhook/key/owner' }, insecureSkipVerify: false },
    };
    const error = await failure(sender.send({ message: 'm', parts: {} }, { service: 'ms', recipient: 'ops' }, svc));
    expect(error).toMatchObject({ retryable: true });
    expect(error!.message).toMatch(/^teams ms: POST \*\*\* failed: .*ECONNREFUSED/);
    expect(error!.message).not.toMatch(/webhookb2|IncomingWebhook/);
  });

  it('refuses an unknown recipient and malformed JSON fields before sending', async () => {
    expect(await failure(send({ message: 'm', parts: {} }, 'dev'))).toMatchObject({
      retryable: false,
      message: 'teams ms: no webhook is configured for recipient "dev" (recipientUrls has "ops", "gone")',
    });
    const bad = await failure(send({ message: 'm', parts: { teams: { facts: '[{"name":' } } }));
    expect(bad).toMatchObject({ retryable: false, message: expect.stringMatching(/^teams ms: teams\.facts is not valid JSON/) });
    expect(teams.requests).toHaveLength(0);
  });

  it('reads service.teams with $secret webhook URLs and masks them', () => {
    const { config, problems } = parseNotificationsConfig(
      { 'service.teams': 'recipientUrls:\n  channelName: $channel-teams-url\n' },
      { 'channel-teams-url': 'https://example.webhook.office.com/webhookb2/x/IncomingWebhook/y/z' },
      [sender],
    );
    expect(problems).toEqual([]);
    expect(config.services.get('teams')?.options).toEqual({
      recipientUrls: { channelName: 'https://example.webhook.office.com/webhookb2/x/IncomingWebhook/y/z' },
      insecureSkipVerify: false,
    });
    expect(config.sensitive).toContain('https://example.webhook.office.com/webhookb2/x/IncomingWebhook/y/z');
  });
});
