import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakeTeams } from '../testing/fakes/teams.fake';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';
import { TeamsWorkflowsSender, type TeamsWorkflowsOptions } from './teams-workflows.sender';

const sender = new TeamsWorkflowsSender();
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as DeliveryError,
  );

describe('TeamsWorkflowsSender', () => {
  let teams: FakeTeams;
  beforeAll(async () => (teams = await new FakeTeams().start()));
  afterAll(() => teams.stop());
  beforeEach(() => {
    teams.requests.length = 0;
    teams.posted.length = 0;
  });

  const service = (sig = 'flow-sig'): ServiceConfig<TeamsWorkflowsOptions> => ({
    type: 'teams-workflows',
    name: 'flows',
    options: { recipientUrls: { ops: teams.workflowUrl('flow-1', sig) }, insecureSkipVerify: false },
  });
  const send = (n: RenderedNotification, sig?: string) => sender.send(n, { service: 'flows', recipient: 'ops' }, service(sig));

  it('builds an Adaptive Card from title, text, facts, sections and OpenUri actions, as Argo does', async () => {
    await send({
      message: 'Application guestbook synced',
      parts: {
        'teams-workflows': {
          title: 'Synced',
          themeColor: 'Good',
          facts: '[{"name":"Sync Status","value":"Synced"},{"name":"Replicas","value":3}]',
          sections: '[{"facts":[{"name":"Repository","value":"https://git/guestbook"}]}]',
          potentialAction:
            '[{"@type":"OpenUri","name":"Open","targets":[{"os":"default","uri":"https://cd/app"}]},{"@type":"HttpPOST","name":"x"}]',
        },
      },
    });
    expect(teams.requests[0].headers['content-type']).toBe('application/json');
    expect(teams.posted).toEqual([
      {
        channel: 'flow-1',
        card: {
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: 'Synced', size: 'Large', weight: 'Bolder', color: 'Good', wrap: true },
            { type: 'TextBlock', text: 'Application guestbook synced', wrap: true },
            {
              type: 'FactSet',
              facts: [
                { title: 'Sync Status', value: 'Synced' },
                { title: 'Replicas', value: '3' },
              ],
            },
            { type: 'FactSet', facts: [{ title: 'Repository', value: 'https://git/guestbook' }] },
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'https://cd/app' }],
        },
      },
    ]);
  });

  it('sends teams-workflows.adaptiveCard as written inside the message envelope', async () => {
    await send({
      message: 'm',
      parts: {
        'teams-workflows': { adaptiveCard: '{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"custom"}]}' },
      },
    });
    expect(JSON.parse(teams.requests[0].body)).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'custom' }] },
        },
      ],
    });
    const bad = await failure(send({ message: 'm', parts: { 'teams-workflows': { adaptiveCard: '{nope' } } }));
    expect(bad).toMatchObject({
      retryable: false,
      message: expect.stringMatching(/^teams-workflows flows: teams-workflows\.adaptiveCard is not valid JSON/),
    });
  });

  it('reports Power Automate errors with their status and Retry-After, without the signed URL', async () => {
    const denied = await failure(send({ message: 'm', parts: {} }, 'wrong-sig'));
    expect(denied).toBeInstanceOf(DeliveryError);
    expect(denied).toMatchObject({
      retryable: false,
      statusCode: 401,
      message: expect.stringMatching(/^teams-workflows flows: webhook answered HTTP 401: .*DirectApiAuthorizationRequired/),
    });
    expect(denied!.message).not.toContain('sig');
    teams.interruptions.push({
      status: 429,
      headers: { 'Retry-After': '30' },
      body: { error: { code: 'WorkflowRequestsThrottled', message: 'slow down' } },
    });
    expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 30_000 });
  });

  it('reads service.teams-workflows with $secret URLs, masks them, and refuses URLs that are not Workflows webhooks, naming the recipient', () => {
    const url = 'https://prod-00.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t';
    const good =
      'https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=s3cr3t';
    const { config, problems } = parseNotificationsConfig(
      {
        'service.teams-workflows': 'recipientUrls:\n  channelName: $teams-url\n',
        'service.teams-workflows.legacy': 'recipientUrls:\n  ops: $old-url\n',
        'service.teams-workflows.plain': 'recipientUrls:\n  ops: http://prod.example/powerautomate/x\n',
      },
      { 'teams-url': good, 'old-url': url },
      [sender],
    );
    expect(config.services.get('teams-workflows')?.options).toEqual({ recipientUrls: { channelName: good }, insecureSkipVerify: false });
    expect(config.sensitive).toContain(good);
    expect(problems).toEqual([
      'service.teams-workflows.legacy: recipientUrls.ops: the webhook URL is not a Teams Workflows (Power Automate) webhook URL: expected api.powerautomate.com, api.powerplatform.com, flow.microsoft.com or webhook.office.com/workflows',
      'service.teams-workflows.plain: recipientUrls.ops: the webhook URL must use https (http only to localhost)',
    ]);
  });
});
