import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakePagerDutyRest } from '../testing/fakes/pagerduty.fake';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';
import { PagerDutySender, type PagerDutyOptions } from './pagerduty.sender';

const TOKEN = 'y_NbAkKc66ryYTWUXYEu';

describe('PagerDutySender', () => {
  let pagerduty: FakePagerDutyRest;
  beforeAll(async () => (pagerduty = await new FakePagerDutyRest(TOKEN, ['PSVC123'], ['PPRIO1']).start()));
  afterAll(() => pagerduty.stop());
  beforeEach(() => {
    pagerduty.incidents.length = 0;
    pagerduty.interruptions.length = 0;
  });

  const service = (over: Partial<PagerDutyOptions> = {}): ServiceConfig<PagerDutyOptions> => ({ type: 'pagerduty', name: 'pagerduty', options: { token: TOKEN, from: 'oncall@example.com', serviceId: '', apiURL: pagerduty.url, ...over } });
  const send = (notification: RenderedNotification, recipient = 'PSVC123', svc = service()) => new PagerDutySender().send(notification, { service: 'pagerduty', recipient }, svc);
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DeliveryError);
  const part = { title: 'Rollout guestbook', urgency: 'high', body: 'Rollout guestbook aborted', priorityID: 'PPRIO1' };

  it("creates an incident on the recipient's service, as the from user, with the template's title, body, urgency and priority", async () => {
    await send({ message: 'm', parts: { pagerduty: part } });
    expect(pagerduty.incidents).toEqual([
      {
        from: 'oncall@example.com',
        incident: { type: 'incident', title: 'Rollout guestbook', service: { id: 'PSVC123', type: 'service_reference' }, priority: { id: 'PPRIO1', type: 'priority' }, urgency: 'high', body: { type: 'incident_details', details: 'Rollout guestbook aborted' } },
      },
    ]);
  });

  it('fails for good, without the token, on what PagerDuty refuses: a wrong token, no From, an unknown service or urgency', async () => {
    const badToken = await failure(send({ message: 'm', parts: { pagerduty: part } }, 'PSVC123', service({ token: 'not-the-token-zz' })));
    expect(badToken).toBeInstanceOf(DeliveryError);
    expect(badToken).toMatchObject({ retryable: false, statusCode: 401, message: expect.stringContaining('Invalid Authentication Information') });
    expect(badToken!.message).not.toContain('not-the-token-zz');
    expect(await failure(send({ message: 'm', parts: { pagerduty: part } }, 'PSVC123', service({ from: '' })))).toMatchObject({ statusCode: 400, message: expect.stringContaining("You must specify a user's email address") });
    expect(await failure(send({ message: 'm', parts: { pagerduty: part } }, 'PNOPE'))).toMatchObject({ statusCode: 400, message: expect.stringContaining('Service not found') });
    expect(await failure(send({ message: 'm', parts: { pagerduty: { ...part, urgency: 'urgent' } } }))).toMatchObject({ statusCode: 400, retryable: false, message: expect.stringContaining('Urgency must be high or low') });
    expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: false, message: 'pagerduty pagerduty: the template has no pagerduty part (title, body, urgency, priorityId)' });
    expect(pagerduty.incidents).toHaveLength(0);
  });

  it('is retryable on 429 (with Retry-After) and 5xx', async () => {
    pagerduty.interruptions.push({ status: 429, headers: { 'Retry-After': '4' }, body: '{"error":{"message":"Rate Limit Exceeded","code":2020}}' }, { status: 500, body: '' });
    expect(await failure(send({ message: 'm', parts: { pagerduty: part } }))).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 4000 });
    expect(await failure(send({ message: 'm', parts: { pagerduty: part } }))).toMatchObject({ retryable: true, statusCode: 500 });
  });

  it('reads service.pagerduty with the token from the Secret, masked, and serviceID in either case', () => {
    const { config, problems } = parseNotificationsConfig({ 'service.pagerduty': 'token: $pagerdutyToken\nfrom: oncall@example.com\nserviceID: PSVC123\n', 'service.pagerduty.notoken': 'from: a@b.c\n' }, { pagerdutyToken: TOKEN }, [new PagerDutySender()]);
    expect(config.services.get('pagerduty')?.options).toEqual({ token: TOKEN, from: 'oncall@example.com', serviceId: 'PSVC123', apiURL: 'https://api.pagerduty.com' });
    expect(config.sensitive).toContain(TOKEN);
    expect(problems).toEqual([expect.stringMatching(/^service.pagerduty.notoken: token: /)]);
  });
});
