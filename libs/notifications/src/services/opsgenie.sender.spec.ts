import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakeOpsgenie } from '../testing/fakes/opsgenie.fake';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';
import { OpsgenieSender, type OpsgenieOptions } from './opsgenie.sender';

const KEY = 'b7d1c7e2-3f4a-4b5c-9d8e-0f1a2b3c4d5e';

describe('OpsgenieSender', () => {
  let opsgenie: FakeOpsgenie;
  beforeAll(async () => (opsgenie = await new FakeOpsgenie([KEY]).start()));
  afterAll(() => opsgenie.stop());
  beforeEach(() => {
    opsgenie.alerts.length = 0;
    opsgenie.interruptions.length = 0;
  });

  const service = (): ServiceConfig<OpsgenieOptions> => ({ type: 'opsgenie', name: 'opsgenie', options: { apiUrl: opsgenie.url, apiKeys: { platform: KEY, stale: 'revoked-key-123' }, insecureSkipVerify: false } });
  const send = (notification: RenderedNotification, recipient = 'platform') => new OpsgenieSender().send(notification, { service: 'opsgenie', recipient }, service());
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DeliveryError);

  it("creates an alert for the recipient team with its key, the message, and the template's opsgenie fields", async () => {
    const part = {
      description: 'guestbook sync failed at revision abc',
      priority: 'P1',
      alias: 'guestbook-sync',
      note: 'see Argo CD',
      actions: ['Rollback'],
      tags: ['argocd', 'prod'],
      details: { app: 'guestbook', cluster: 'in-cluster' },
      entity: 'guestbook',
      visibleTo: [{ type: 'team', name: 'sre', id: '' }],
      user: 'argocd',
    };
    await send({ message: 'Application guestbook sync failed', parts: { opsgenie: part } });
    expect(opsgenie.alerts).toEqual([
      {
        key: KEY,
        alert: { ...part, message: 'Application guestbook sync failed', visibleTo: [{ type: 'team', name: 'sre' }], responders: [{ type: 'team', id: 'platform' }], source: 'Argo CD' },
      },
    ]);
  });

  it('sends the message alone when the template has no opsgenie part', async () => {
    await send({ message: 'guestbook degraded', parts: {} });
    expect(opsgenie.alerts[0].alert).toEqual({ message: 'guestbook degraded', responders: [{ type: 'team', id: 'platform' }], source: 'Argo CD' });
  });

  it('refuses, before sending, what the Opsgenie SDK refuses for Argo: no description, a long message, an unknown priority', async () => {
    expect(await failure(send({ message: 'm', parts: { opsgenie: { priority: 'P1' } } }))).toMatchObject({ retryable: false, message: 'opsgenie opsgenie: opsgenie.description is missing from the template' });
    expect(await failure(send({ message: 'x'.repeat(131), parts: {} }))).toMatchObject({ retryable: false, message: "opsgenie opsgenie: the message is longer than 130 characters, Opsgenie's limit for an alert's message" });
    expect(await failure(send({ message: 'm', parts: { opsgenie: { description: 'd', priority: 'urgent' } } }))).toMatchObject({ message: 'opsgenie opsgenie: opsgenie.priority urgent is not one of P1, P2, P3, P4, P5' });
    expect(await failure(send({ message: 'm', parts: { opsgenie: { description: 'd', tags: 'a,b' } } }))).toMatchObject({ message: expect.stringMatching(/^opsgenie opsgenie: template field opsgenie.tags: /) });
    expect(await failure(send({ message: 'm', parts: {} }, 'nobody'))).toMatchObject({ retryable: false, message: 'opsgenie opsgenie: no API key in apiKeys for recipient "nobody"' });
    expect(opsgenie.alerts).toHaveLength(0);
  });

  it("fails for good on what Opsgenie rejects, without the key: an unknown key, a responder type it does not know", async () => {
    const badKey = await failure(send({ message: 'm', parts: {} }, 'stale'));
    expect(badKey).toBeInstanceOf(DeliveryError);
    expect(badKey).toMatchObject({ retryable: false, statusCode: 401 });
    expect(badKey!.message).toBe(`opsgenie opsgenie: POST ${opsgenie.url}/v2/alerts for team "stale" answered HTTP 401: {"message":"Key format is not valid!","took":0.001,"requestId":"r"}`);
    const badResponder = await failure(send({ message: 'm', parts: { opsgenie: { description: 'd', visibleTo: [{ type: 'group', name: 'sre' }] } } }));
    expect(badResponder).toMatchObject({ retryable: false, statusCode: 422, message: expect.stringContaining('Responder type should be one of') });
  });

  it('is retryable on 429 and 5xx, after the Retry-After a 429 or a 503 asks for', async () => {
    opsgenie.interruptions.push(
      { status: 429, headers: { 'Retry-After': '12' }, body: '{"message":"You are making too many requests!"}' },
      { status: 503, body: '' },
      { status: 503, headers: { 'Retry-After': '5' }, body: 'maintenance' },
    );
    expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 12_000 });
    expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: true, statusCode: 503, retryAfterMs: undefined });
    // notifications-engine's retryablehttp waits as long as a 503's Retry-After says, as for a 429.
    expect(await failure(send({ message: 'm', parts: {} }))).toMatchObject({ retryable: true, statusCode: 503, retryAfterMs: 5000 });
  });

  it('reads service.opsgenie with keys from the Secret, masked; apiUrl defaults to api.opsgenie.com', () => {
    const { config, problems } = parseNotificationsConfig({ 'service.opsgenie': 'apiKeys:\n  platform: $opsgenie-key\n', 'service.opsgenie.eu': 'apiUrl: api.eu.opsgenie.com\n' }, { 'opsgenie-key': KEY }, [new OpsgenieSender()]);
    expect(config.services.get('opsgenie')?.options).toEqual({ apiUrl: 'api.opsgenie.com', apiKeys: { platform: KEY }, insecureSkipVerify: false });
    expect(config.sensitive).toContain(KEY);
    expect(problems).toEqual([expect.stringMatching(/^service.opsgenie.eu: apiKeys: /)]);
  });
});
