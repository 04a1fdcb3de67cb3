// Slack end to end: the notifier process against a kube-sim hub, real Redis and a local Slack
// (testing/fakes/slack.fake.ts), configured with the Slack how-to's YAML taken from README.md, whose
// ConfigMap is seed 002's as written. The one change: service.slack gets `apiURL` (Argo's option)
// pointing at the local Slack. The seed's Application subscribes on-sync-failed only, and a trigger
// sends only to its own subscribers, so the README's Application subscribes both triggers.
import type { KubeSim } from '@flotilla/kube-sim';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FakeSlack, SEED_002_NOTIFICATIONS_CM as SEED_CONFIGMAP } from '@flotilla/notifications/testing';
import { eventually, KubeApi, ServiceProcess, startHub, startNotifierProcess } from './testing/notifier.harness';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..', '..');
const id = randomBytes(4).toString('hex');
const namespace = `argocd-${id}`;
const prefix = `notifier-slack-${id}`;


interface Manifest {
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  [key: string]: unknown;
}

/** The YAML blocks of README.md's "Slack notifications" section, by kind. */
function readmeSlackManifests(): Record<string, Manifest> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Slack notifications\n'));
  if (!section) throw new Error('README.md has no "## Slack notifications" section');
  const docs = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parseYaml(m[1]) as Manifest);
  return Object.fromEntries(docs.map((d) => [d.kind, d]));
}

describe('Slack notifications (README how-to, seed 002 ConfigMap; notifier process, kube-sim, Redis, local Slack)', () => {
  let hub: KubeSim;
  let kube: KubeApi;
  let slack: FakeSlack;
  let notifier: ServiceProcess | undefined;
  let appPath: string;
  let appName: string;
  const env = () => ({
    FLOTILLA_NAMESPACE: namespace,
    FLOTILLA_QUEUE_PREFIX: prefix,
    FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379',
    FLOTILLA_NOTIFICATIONS_LEASE_SECONDS: '3',
    FLOTILLA_NOTIFICATIONS_DELIVERY_CLAIM_SECONDS: '5',
    FLOTILLA_LOG_LEVEL: 'info',
  });
  const channel = () => slack.inChannel('deploy-alerts');
  const quietFor = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const status = (body: Record<string, unknown>) => kube('PATCH', appPath, { status: body }, 'application/merge-patch+json');
  const failedSync = (startedAt: string) =>
    status({
      operationState: {
        phase: 'Failed',
        message: 'one or more objects failed to apply',
        startedAt,
        finishedAt: startedAt,
        operation: { sync: { revision: 'abc123' } },
      },
    });
  const attachment = (health: string) => ({
    color: '#E96D76',
    title: appName,
    title_link: `https://argocd.internal/applications/${appName}`,
    fields: [
      { title: 'Sync Status', value: 'OutOfSync', short: true },
      { title: 'Health', value: health, short: true },
    ],
  });

  beforeAll(async () => {
    const readme = readmeSlackManifests();
    // The README's ConfigMap is seed 002's, key for key.
    expect(readme.ConfigMap.data).toEqual((parseYaml(SEED_CONFIGMAP) as Manifest).data);
    expect(Object.keys(readme).sort()).toEqual(['Application', 'ConfigMap', 'Secret']);

    ({ hub, kube } = await startHub(namespace));
    slack = await FakeSlack.start({
      token: readme.Secret.stringData!['slack-token'],
      channels: [{ id: 'C0DEPLOYALERTS', name: 'deploy-alerts' }],
    });
    const inNamespace = (m: Manifest): Manifest => ({ ...m, metadata: { ...m.metadata, namespace } });
    await kube('POST', `/api/v1/namespaces/${namespace}/secrets`, inNamespace(readme.Secret));
    const cm = inNamespace(readme.ConfigMap);
    cm.data = { ...cm.data, 'service.slack': `${cm.data!['service.slack']}apiURL: ${slack.apiURL}\n` };
    await kube('POST', `/api/v1/namespaces/${namespace}/configmaps`, cm);
    const app = inNamespace(readme.Application);
    appName = app.metadata.name;
    expect(app.metadata.annotations).toEqual({
      'notifications.argoproj.io/subscribe.on-sync-failed.slack': 'deploy-alerts',
      'notifications.argoproj.io/subscribe.on-health-degraded.slack': 'deploy-alerts',
    });
    await kube('POST', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications`, app);
    appPath = `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications/${appName}`;
    await status({ sync: { status: 'OutOfSync', revision: 'abc123' }, health: { status: 'Healthy' } });
    notifier = await startNotifierProcess(hub, env());
  }, 90_000);

  afterAll(async () => {
    await notifier?.stop();
    await slack?.stop();
    await hub?.stop();
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('posts one message with the template’s attachment to deploy-alerts when a sync fails', async () => {
    await status({ operationState: { phase: 'Running', startedAt: '2024-05-01T10:00:00Z', operation: { sync: { revision: 'abc123' } } } });
    await quietFor(1000);
    expect(channel()).toEqual([]);
    await failedSync('2024-05-01T10:00:00Z');
    await eventually(() => expect(channel()).toHaveLength(1), 20_000);
    expect(channel()[0]).toMatchObject({
      via: 'chat.postMessage',
      text: `Application *${appName}* sync Failed.\nRevision: abc123\nCluster: https://kubernetes.default.svc\n`,
      username: 'ArgoCD',
      icon_emoji: ':argocd:',
      attachments: [attachment('Healthy')],
    });
    expect(slack.calls[0].authorization).toBe(`Bearer ${readmeSlackManifests().Secret.stringData!['slack-token']}`);
    await quietFor(2000);
    expect(channel()).toHaveLength(1);
  });

  it('posts one more when the Application’s health degrades', async () => {
    await status({ health: { status: 'Degraded' } });
    await eventually(() => expect(channel()).toHaveLength(2), 20_000);
    expect(channel()[1]).toMatchObject({
      text: `Application *${appName}* sync Failed.\nRevision: abc123\nCluster: https://kubernetes.default.svc\n`,
      attachments: [attachment('Degraded')],
    });
    await quietFor(2000);
    expect(channel()).toHaveLength(2);
    expect(notifier!.logs()).not.toContain(readmeSlackManifests().Secret.stringData!['slack-token']);
  });

  it('neither loses nor repeats a message when the notifier is killed while Slack has not yet taken it', async () => {
    // Slack holds the call before looking at it; the notifier dies meanwhile, so Slack never posts it.
    slack.hold = 'before';
    await failedSync('2024-05-01T11:00:00Z');
    await eventually(() => expect(slack.pending).toBe(1), 20_000);
    const held = slack.calls[slack.calls.length - 1];
    await notifier!.kill();
    await eventually(() => expect(held.abandoned).toBe(true));
    slack.release();
    expect(channel()).toHaveLength(2);

    // The restarted notifier delivers it once its dead predecessor's claim lapses (5 s here).
    notifier = await startNotifierProcess(hub, env());
    await eventually(() => expect(channel()).toHaveLength(3), 45_000);
    expect(channel()[2]).toMatchObject({
      text: `Application *${appName}* sync Failed.\nRevision: abc123\nCluster: https://kubernetes.default.svc\n`,
      attachments: [attachment('Degraded')],
    });
    await quietFor(6000);
    expect(channel()).toHaveLength(3);
  });

  it('sends again (never loses) in the one window the delivery claims cannot close: Slack took it, the notifier died before marking it sent', async () => {
    // delivery-claims.store.ts: "Only a replica dying between the receiver taking the request and the
    // mark being written can still cause a second send." Slack records the message, then the notifier
    // is killed before the answer reaches it: it cannot know the message went out, so its successor
    // sends it again. At least once, never lost; this pins that the window is exactly this one.
    slack.hold = 'after';
    await failedSync('2024-05-01T12:00:00Z');
    await eventually(() => expect(slack.pending).toBe(1), 20_000);
    expect(channel()).toHaveLength(4);
    await notifier!.kill();
    slack.release();
    notifier = await startNotifierProcess(hub, env());
    await eventually(() => expect(channel()).toHaveLength(5), 45_000);
    expect(channel()[4].text).toBe(channel()[3].text);
    await quietFor(6000);
    expect(channel()).toHaveLength(5);
  });
});
