import pino from 'pino';
import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { MemorySenderStore } from '../services/sender.store';
import { FakeAlertmanager } from '../testing/fakes/alertmanager.fake';
import { AlertmanagerSender, type AlertmanagerOptions, DEFAULT_ALERTNAME } from './alertmanager.sender';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';

const NOW = new Date('2026-01-02T03:04:05.000Z');

describe('AlertmanagerSender', () => {
  const managers: FakeAlertmanager[] = [];
  const warnings: string[] = [];
  const start = async (auth?: string) => {
    const m = await new FakeAlertmanager(auth).start();
    managers.push(m);
    return m;
  };
  afterEach(async () => {
    await Promise.all(managers.splice(0).map((m) => m.stop()));
    warnings.length = 0;
  });

  const service = (over: Partial<AlertmanagerOptions>): ServiceConfig<AlertmanagerOptions> => ({ type: 'alertmanager', name: 'alertmanager', options: { targets: [], scheme: '', apiPath: '', bearerToken: '', timeout: 0, insecureSkipVerify: false, ...over } });
  const context = { app: { spec: { source: { repoURL: 'git@github.com:acme/guestbook.git' } } }, store: new MemorySenderStore(), logger: pino({ level: 'warn' }, { write: (l: string) => warnings.push(JSON.parse(l).msg) }) };
  const send = (notification: RenderedNotification, svc: ServiceConfig<AlertmanagerOptions>) => new AlertmanagerSender(() => NOW).send(notification, { service: 'alertmanager', recipient: '' }, svc, context);
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as DeliveryError);
  const part = { labels: { fault_priority: 'P5', event_bucket: 'deploy', recipient: '' }, annotations: { application: 'guestbook', author: '' } };

  it('posts one alert, starting now, to every target; the repoURL (git@ made https) is its generatorURL and alertname is set when missing', async () => {
    const [a, b] = [await start(), await start()];
    await send({ message: 'm', parts: { alertmanager: part } }, service({ targets: [a.host, b.host] }));
    const expected = { labels: { fault_priority: 'P5', event_bucket: 'deploy', alertname: DEFAULT_ALERTNAME }, annotations: { application: 'guestbook' }, generatorURL: 'https://github.com/acme/guestbook.git', startsAt: NOW.toISOString() };
    expect(a.alerts).toEqual([expected]);
    expect(b.alerts).toEqual([expected]);
  });

  it('names the alert after its first template when the labels have no alertname, as Argo does', async () => {
    const a = await start();
    await send({ message: 'm', parts: { alertmanager: part }, templates: ['app-deployed', 'app-deployed-extra'] }, service({ targets: [a.host] }));
    expect(a.alerts.map((alert) => alert.labels)).toEqual([{ fault_priority: 'P5', event_bucket: 'deploy', alertname: 'app-deployed' }]);
  });

  it("keeps the template's alertname and generatorURL", async () => {
    const a = await start();
    await send({ message: 'm', parts: { alertmanager: { labels: { alertname: 'app-deployed' }, generatorURL: 'https://argocd.example.com/applications/guestbook' } } }, service({ targets: [a.host] }));
    expect(a.alerts[0]).toEqual({ labels: { alertname: 'app-deployed' }, generatorURL: 'https://argocd.example.com/applications/guestbook', startsAt: NOW.toISOString() });
  });

  it('sends basic auth before a bearer token, as Argo, and a bearer token alone', async () => {
    const basic = await start(`Basic ${Buffer.from('am:pw').toString('base64')}`);
    const bearer = await start('Bearer am-token');
    await send({ message: 'm', parts: { alertmanager: part } }, service({ targets: [basic.host], basicAuth: { username: 'am', password: 'pw' }, bearerToken: 'am-token' }));
    await send({ message: 'm', parts: { alertmanager: part } }, service({ targets: [bearer.host], bearerToken: 'am-token' }));
    expect([basic.alerts.length, bearer.alerts.length]).toEqual([1, 1]);
  });

  it('is delivered when one target takes it; the others are warned about', async () => {
    const [down, up] = [await start(), await start()];
    down.interruptions.push({ status: 503, body: 'not ready' });
    await send({ message: 'm', parts: { alertmanager: part } }, service({ targets: [down.host, up.host] }));
    expect(up.alerts).toHaveLength(1);
    expect(warnings).toEqual([`alertmanager alertmanager: http://${down.host}/api/v2/alerts did not take the alert (HTTP 503: not ready); another target did`]);
  });

  it('fails when no target takes it: retryable when one might later, for good when every one refused the alert', async () => {
    const [a, b] = [await start('Bearer right'), await start()];
    b.interruptions.push({ status: 500, body: 'boom' });
    const error = await failure(send({ message: 'm', parts: { alertmanager: part } }, service({ targets: [a.host, b.host], bearerToken: 'wrong-token' })));
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ retryable: true, message: `alertmanager alertmanager: no target took the alert: http://${a.host}/api/v2/alerts: HTTP 401: Unauthorized; http://${b.host}/api/v2/alerts: HTTP 500: boom` });
    const badLabel = await failure(send({ message: 'm', parts: { alertmanager: { labels: { 'fault-priority': 'P5' } } } }, service({ targets: [b.host] })));
    expect(badLabel).toMatchObject({ retryable: false, message: expect.stringContaining('invalid label set: invalid name \\"fault-priority\\"') });
  });

  it('needs at least one label, and an alertmanager part', async () => {
    const a = await start();
    expect(await failure(send({ message: 'm', parts: { alertmanager: { labels: { only: '' } } } }, service({ targets: [a.host] })))).toMatchObject({ retryable: false, message: 'alertmanager alertmanager: alertmanager.labels needs at least one label' });
    expect(await failure(send({ message: 'm', parts: {} }, service({ targets: [a.host] })))).toMatchObject({ retryable: false, message: 'alertmanager alertmanager: the template has no alertmanager part' });
    expect(a.alerts).toHaveLength(0);
  });

  it('reads service.alertmanager with the credentials from the Secret, masked', () => {
    const { config, problems } = parseNotificationsConfig(
      { 'service.alertmanager': 'targets:\n- 10.5.39.39:19093\nscheme: https\nbasicAuth:\n  username: $u\n  password: $p\nbearerToken: $t\ntimeout: 5\n', 'service.alertmanager.bad': 'targets: 10.5.39.39:9093\n' },
      { u: 'am', p: 'am-password', t: 'am-bearer-token' },
      [new AlertmanagerSender()],
    );
    expect(config.services.get('alertmanager')?.options).toEqual({ targets: ['10.5.39.39:19093'], scheme: 'https', apiPath: '', basicAuth: { username: 'am', password: 'am-password' }, bearerToken: 'am-bearer-token', timeout: 5, insecureSkipVerify: false });
    expect(config.sensitive).toEqual(expect.arrayContaining(['am-password', 'am-bearer-token']));
    expect(problems).toEqual([expect.stringMatching(/^service.alertmanager.bad: targets: /)]);
  });
});
