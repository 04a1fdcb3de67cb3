import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakePagerDuty } from '../testing/fakes/pagerduty.fake';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';
import { PagerDutyV2Sender, type PagerDutyV2Options } from './pagerdutyv2.sender';

const KEY = '0123456789abcdef0123456789abcdef';

describe('PagerDutyV2Sender', () => {
  let pagerduty: FakePagerDuty;
  beforeAll(async () => (pagerduty = await new FakePagerDuty().start()));
  afterAll(() => pagerduty.stop());
  beforeEach(() => {
    pagerduty.events.length = 0;
    pagerduty.interruptions.length = 0;
  });

  const service = (over: Partial<PagerDutyV2Options> = {}): ServiceConfig<PagerDutyV2Options> => ({ type: 'pagerdutyv2', name: 'pagerdutyv2', options: { serviceKeys: { 'my-service': KEY, broken: 'not-a-key' }, apiURL: pagerduty.url, ...over } });
  const send = (notification: RenderedNotification, recipient = 'my-service') =>
    new PagerDutyV2Sender().send(notification, { service: 'pagerdutyv2', recipient }, service());
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DeliveryError);
  const part = { summary: 'guestbook sync failed', severity: 'critical', source: 'guestbook', component: 'argocd', group: 'prod', class: 'deploy', url: 'https://argocd.example.com/applications/guestbook', dedupKey: 'guestbook-sync' };

  it("triggers an event with the recipient's integration key and the template's fields", async () => {
    await send({ message: 'ignored', parts: { pagerdutyv2: part } });
    expect(pagerduty.events).toEqual([
      {
        routing_key: KEY,
        event_action: 'trigger',
        dedup_key: 'guestbook-sync',
        client: 'ArgoCD',
        client_url: 'https://argocd.example.com/applications/guestbook',
        payload: { summary: 'guestbook sync failed', severity: 'critical', source: 'guestbook', component: 'argocd', group: 'prod', class: 'deploy' },
      },
    ]);
  });

  it('leaves out the optional fields the template does not give', async () => {
    await send({ message: 'm', parts: { pagerdutyv2: { summary: 's', severity: 'info', source: 'x' } } });
    expect(pagerduty.events[0]).toEqual({ routing_key: KEY, event_action: 'trigger', client: 'ArgoCD', payload: { summary: 's', severity: 'info', source: 'x' } });
  });

  it('resolves the incident of dedupKey with action: resolve (a Flotilla addition), and requires the key for it', async () => {
    await send({ message: 'm', parts: { pagerdutyv2: { action: 'resolve', dedupKey: 'guestbook-sync' } } });
    expect(pagerduty.events[0]).toEqual({ routing_key: KEY, event_action: 'resolve', dedup_key: 'guestbook-sync', client: 'ArgoCD' });
    expect(await failure(send({ message: 'm', parts: { pagerdutyv2: { action: 'resolve' } } }))).toMatchObject({ retryable: false, message: 'pagerdutyv2 pagerdutyv2: pagerdutyv2.action resolve needs pagerdutyv2.dedupKey (the incident to resolve)' });
    expect(await failure(send({ message: 'm', parts: { pagerdutyv2: { action: 'close' } } }))).toMatchObject({ retryable: false, message: expect.stringMatching(/^pagerdutyv2 pagerdutyv2: template field pagerdutyv2.action: /) });
  });

  it('fails for good when PagerDuty finds the event invalid, quoting what it says but not the key', async () => {
    const error = await failure(send({ message: 'm', parts: { pagerdutyv2: { ...part, severity: 'high' } } }));
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ retryable: false, statusCode: 400 });
    expect(error!.message).toMatch(/^pagerdutyv2 pagerdutyv2: POST \/v2\/enqueue for recipient "my-service" answered HTTP 400: .*'payload.severity' is invalid/);
    expect(await failure(send({ message: 'm', parts: { pagerdutyv2: { severity: 'info' } } }))).toMatchObject({ statusCode: 400, message: expect.stringContaining("'payload.summary' is missing") });
    const badKey = await failure(send({ message: 'm', parts: { pagerdutyv2: part } }, 'broken'));
    expect(badKey).toMatchObject({ statusCode: 400, message: expect.stringContaining("'routing_key' must be") });
    expect(badKey!.message).not.toContain('not-a-key');
  });

  it('fails for good for a recipient without an integration key, or a template without a pagerdutyv2 part', async () => {
    expect(await failure(send({ message: 'm', parts: { pagerdutyv2: part } }, 'other'))).toMatchObject({ retryable: false, message: 'pagerdutyv2 pagerdutyv2: no integration key in serviceKeys for recipient "other"' });
    expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: false, message: 'pagerdutyv2 pagerdutyv2: the template has no pagerdutyv2 part' });
    expect(pagerduty.events).toHaveLength(0);
  });

  it('is retryable when PagerDuty throttles (honouring Retry-After) or fails', async () => {
    pagerduty.interruptions.push({ status: 429, headers: { 'Retry-After': '30' }, body: '{"status":"throttle event","message":"Requests for this service are arriving too quickly."}' }, { status: 500, body: '' });
    expect(await failure(send({ message: 'm', parts: { pagerdutyv2: part } }))).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 30_000 });
    expect(await failure(send({ message: 'm', parts: { pagerdutyv2: part } }))).toMatchObject({ retryable: true, statusCode: 500 });
  });

  it('reads service.pagerdutyv2 with keys from the Secret, masked; apiURL defaults to PagerDuty', () => {
    const { config, problems } = parseNotificationsConfig({ 'service.pagerdutyv2': 'serviceKeys:\n  my-service: $pagerduty-key-my-service\n', 'service.pagerdutyv2.bad': 'serviceKeys: [a]' }, { 'pagerduty-key-my-service': KEY }, [new PagerDutyV2Sender()]);
    expect(config.services.get('pagerdutyv2')?.options).toEqual({ serviceKeys: { 'my-service': KEY }, apiURL: 'https://events.pagerduty.com' });
    expect(config.sensitive).toContain(KEY);
    expect(problems).toEqual([expect.stringMatching(/^service.pagerdutyv2.bad: serviceKeys: /)]);
  });
});
