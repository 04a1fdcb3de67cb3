import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { FakeGrafana } from '../testing/fakes/grafana.fake';
import { GrafanaSender, type GrafanaOptions } from './grafana.sender';
import { DeliveryError, type ServiceConfig } from './notification-service';

const TOKEN = 'glsa_0123456789abcdef0123456789abcdef_0a1b2c3d';

describe('GrafanaSender', () => {
  let grafana: FakeGrafana;
  beforeAll(async () => (grafana = await new FakeGrafana([TOKEN]).start()));
  afterAll(() => grafana.stop());
  beforeEach(() => {
    grafana.annotations.length = 0;
    grafana.interruptions.length = 0;
  });

  const service = (over: Partial<GrafanaOptions> = {}): ServiceConfig<GrafanaOptions> => ({ type: 'grafana', name: 'grafana', options: { apiUrl: `${grafana.url}/api`, apiKey: TOKEN, insecureSkipVerify: false, ...over } });
  const send = (message: string, recipient: string, svc = service()) => new GrafanaSender(() => 1_700_000_000_987).send({ message, parts: {} }, { service: 'grafana', recipient }, svc);
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DeliveryError);

  it('adds an annotation at the time of sending, tagged with the recipient split on |', async () => {
    await send('guestbook synced to abc123', 'argocd|guestbook');
    expect(grafana.annotations).toEqual([{ id: 1, time: 1_700_000_000_000, isRegion: false, tags: ['argocd', 'guestbook'], text: 'guestbook synced to abc123' }]);
  });

  it('fails for good, without the key, when Grafana does not take the key or the annotation', async () => {
    const badKey = await failure(send('m', 'argocd', service({ apiKey: 'glsa_wrong_key_0000' })));
    expect(badKey).toBeInstanceOf(DeliveryError);
    expect(badKey).toMatchObject({ retryable: false, statusCode: 401, message: `grafana grafana: POST ${grafana.url}/api/annotations answered HTTP 401: {"message":"Invalid API key","traceID":""}` });
    expect(await failure(send('', 'argocd'))).toMatchObject({ retryable: false, statusCode: 400, message: expect.stringContaining('text field should not be empty') });
  });

  it('is retryable on 429 (with Retry-After) and 5xx, and takes no 2xx but 200 as done, as Argo', async () => {
    grafana.interruptions.push({ status: 429, headers: { 'Retry-After': '3' }, body: '' }, { status: 502, body: 'bad gateway' }, { status: 204, body: '' });
    expect(await failure(send('m', 'a'))).toMatchObject({ retryable: true, statusCode: 429, retryAfterMs: 3000 });
    expect(await failure(send('m', 'a'))).toMatchObject({ retryable: true, statusCode: 502 });
    expect(await failure(send('m', 'a'))).toMatchObject({ retryable: false, statusCode: 204 });
  });

  it('reads service.grafana with the key from the Secret, masked, and names a missing option', () => {
    const { config, problems } = parseNotificationsConfig({ 'service.grafana': 'apiUrl: https://grafana.example.com/api\napiKey: $grafana-api-key\n', 'service.grafana.nokey': 'apiUrl: https://grafana.example.com/api\n' }, { 'grafana-api-key': TOKEN }, [new GrafanaSender()]);
    expect(config.services.get('grafana')?.options).toEqual({ apiUrl: 'https://grafana.example.com/api', apiKey: TOKEN, insecureSkipVerify: false });
    expect(config.sensitive).toContain(TOKEN);
    expect(problems).toEqual([expect.stringMatching(/^service.grafana.nokey: apiKey: /)]);
  });
});
