import type { KubeSim } from '@flotilla/kube-sim';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, KubeApi, NotifierReplica, startHub, startNotifierReplica } from '../testing/notifier.harness';

// A notifier replica (real module, real Redis) against a kube-sim hub and a receiver that refuses:
// a 429 is retried once its Retry-After has passed, a 403 is not retried; a delivery that fails for
// good becomes a Warning Event on the Application and argocd_notifications_deliveries_total{succeeded="false"},
// with the Secret's token masked everywhere.

jest.setTimeout(120_000);

const id = randomBytes(4).toString('hex');
const namespace = `argocd-${id}`;
const prefix = `notifier-failures-${id}`;
const TOKEN = 'tok-Sup3rs3cret';

interface Hit {
  path: string;
  at: number;
}

describe('notification delivery failures (replica, kube-sim hub, Redis)', () => {
  let hub: KubeSim;
  let kube: KubeApi;
  let server: http.Server;
  let url: string;
  let replica: NotifierReplica | undefined;
  const hits: Hit[] = [];

  beforeAll(async () => {
    ({ hub, kube } = await startHub(namespace));
    // /limited/: 429 with Retry-After: 2 the first time, then 200; /refused/: always 403.
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const path = req.url ?? '';
        hits.push({ path, at: Date.now() });
        if (path.startsWith('/refused/')) return void res.writeHead(403).end('channel_not_found');
        const earlier = hits.filter((h) => h.path === path).length;
        if (earlier === 1) return void res.writeHead(429, { 'retry-after': '2' }).end();
        res.writeHead(200).end();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await kube('POST', `/api/v1/namespaces/${namespace}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'argocd-notifications-secret' }, stringData: { token: TOKEN } });
    await kube('POST', `/api/v1/namespaces/${namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-notifications-cm' },
      data: {
        // The token sits in the URL path, so an unmasked error message would carry it.
        'service.webhook.limited': `url: ${url}/limited/$token`,
        'service.webhook.refused': `url: ${url}/refused/$token`,
        'template.app-created': 'webhook:\n  limited:\n    method: POST\n    body: created\n  refused:\n    method: POST\n    body: created\n',
        'trigger.on-created': '- when: "true"\n  oncePer: app.metadata.name\n  send: [app-created]\n',
      },
    });
    replica = await startNotifierReplica(hub, { FLOTILLA_NAMESPACE: namespace, FLOTILLA_QUEUE_PREFIX: prefix });
  });

  afterAll(async () => {
    await replica?.stop();
    await new Promise((r) => server?.close(r));
    await hub?.stop();
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const createApp = (name: string, service: string) =>
    kube('POST', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications`, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name, annotations: { [`notifications.argoproj.io/subscribe.on-created.${service}`]: 'team' } },
      spec: { project: 'default', source: { repoURL: 'https://example.com/repo.git', path: name }, destination: { server: 'https://kubernetes.default.svc', namespace: 'default' } },
    });
  const metrics = async () => (await fetch(`http://127.0.0.1:${replica!.service.opsPort}/metrics`)).text();
  /** The value of argocd_notifications_deliveries_total for these labels (whatever their order), 0 when absent. */
  const deliveries = async (labels: Record<string, string>) => {
    const line = (await metrics()).split('\n').find((l) => l.startsWith('argocd_notifications_deliveries_total{') && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
    return line ? Number(line.split(' ').pop()) : 0;
  };
  const eventsOf = async (name: string) =>
    ((await kube('GET', `/api/v1/namespaces/${namespace}/events`)).body.items as any[]).filter((e) => e.involvedObject?.name === name);

  it('waits out a 429’s Retry-After, then delivers once', async () => {
    await createApp('limited-app', 'limited');
    await eventually(() => expect(hits.filter((h) => h.path.startsWith('/limited/'))).toHaveLength(2), 20_000);
    const [first, second] = hits.filter((h) => h.path.startsWith('/limited/'));
    expect(second.at - first.at).toBeGreaterThanOrEqual(1900);
    await eventually(async () => expect(await deliveries({ trigger: 'on-created', service: 'limited', succeeded: 'true' })).toBe(1));
    expect(await eventsOf('limited-app')).toEqual([]);
  });

  it('gives up on a 403 at once and records a masked Warning Event on the Application', async () => {
    await createApp('refused-app', 'refused');
    await eventually(async () => expect(await eventsOf('refused-app')).toHaveLength(1));
    const [event] = await eventsOf('refused-app');
    expect(event).toMatchObject({
      type: 'Warning',
      reason: 'NotificationFailed',
      involvedObject: { kind: 'Application', apiVersion: 'argoproj.io/v1alpha1', name: 'refused-app', namespace },
      source: { component: 'argocd-notifications-controller' },
    });
    expect(event.message).toBe(`Notification on-created to refused (team) failed after 1 attempt(s): webhook refused: POST ${url}/refused/*** answered HTTP 403: channel_not_found`);
    expect(JSON.stringify(event)).not.toContain(TOKEN);
    expect(hits.filter((h) => h.path.startsWith('/refused/'))).toHaveLength(1);
    expect(await deliveries({ trigger: 'on-created', service: 'refused', succeeded: 'false' })).toBe(1);
    expect(await metrics()).not.toContain('flotilla_notifications_delivered_total');
  });
});
