import { NOTIFIED_ANNOTATION } from '@flotilla/api-types';
import type { KubeSim } from '@flotilla/kube-sim';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { eventually, KubeApi, NotifierProcess, startHub, startNotifier, startReceiver } from './testing/notifier.harness';

// The notifier process against a kube-sim hub, real Redis and a local webhook receiver: an
// Application subscribed by annotation gets exactly one POST per sync, across a notifier restart.

jest.setTimeout(120_000);

const id = randomBytes(4).toString('hex');
const namespace = `argocd-${id}`;
const prefix = `notifier-spec-${id}`;
const appPath = `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications/guestbook`;

describe('notifier (process, kube-sim hub, Redis, webhook receiver)', () => {
  let hub: KubeSim;
  let kube: KubeApi;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let notifier: NotifierProcess | undefined;
  const start = () => startNotifier(hub, { FLOTILLA_NAMESPACE: namespace, FLOTILLA_QUEUE_PREFIX: prefix, FLOTILLA_LOG_LEVEL: 'info' });

  beforeAll(async () => {
    ({ hub, kube } = await startHub(namespace));
    receiver = await startReceiver();
    await kube('POST', `/api/v1/namespaces/${namespace}/secrets`, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'argocd-notifications-secret' },
      stringData: { 'receiver-token': 'tok-s3cret' },
    });
    await kube('POST', `/api/v1/namespaces/${namespace}/configmaps`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-notifications-cm' },
      data: {
        'service.webhook.receiver': `url: ${receiver.url}\nheaders:\n- name: Authorization\n  value: Bearer $receiver-token\n`,
        'template.app-sync-succeeded': `webhook:
  receiver:
    method: POST
    path: /sync/{{.app.metadata.name}}
    body: '{"app":"{{.app.metadata.name}}","phase":"{{.app.status.operationState.phase}}","startedAt":"{{.app.status.operationState.startedAt}}"}'
`,
        'trigger.on-sync-succeeded': `- description: Application syncing has succeeded
  oncePer: app.status.operationState?.syncResult?.revision
  send:
  - app-sync-succeeded
  when: app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']
`,
        'service.pigeon': 'token: $receiver-token',
      },
    });
    await kube('POST', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications`, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: 'guestbook',
        annotations: { 'notifications.argoproj.io/subscribe.on-sync-succeeded.receiver': '', 'notifications.argoproj.io/subscribe.on-sync-failed.pigeon': 'alerts' },
      },
      spec: { project: 'default', source: { repoURL: 'https://example.com/repo.git', path: 'guestbook' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'default' } },
    });
    notifier = await start();
  });

  afterAll(async () => {
    await notifier?.stop();
    await receiver?.stop();
    await hub?.stop();
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const sync = async (startedAt: string, phase: 'Running' | 'Succeeded', revision = 'r1') => {
    const operationState = { phase, startedAt, operation: { sync: { revision } }, syncResult: { revision }, ...(phase === 'Succeeded' ? { finishedAt: startedAt } : {}) };
    await kube('PATCH', appPath, { status: { operationState } }, 'application/merge-patch+json');
  };
  const quietFor = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('posts the rendered body exactly once per oncePer value (revision), also across a restart', async () => {
    await sync('2024-05-01T10:00:00Z', 'Running');
    await quietFor(1000);
    expect(receiver.requests).toHaveLength(0);

    await sync('2024-05-01T10:00:00Z', 'Succeeded');
    await eventually(() => expect(receiver.requests).toHaveLength(1));
    expect(receiver.requests[0]).toMatchObject({ method: 'POST', url: '/sync/guestbook', body: '{"app":"guestbook","phase":"Succeeded","startedAt":"2024-05-01T10:00:00Z"}' });
    expect(receiver.requests[0].headers.authorization).toBe('Bearer tok-s3cret');
    await eventually(async () => {
      const app = (await kube('GET', appPath)).body;
      expect(Object.keys(JSON.parse(app.metadata.annotations[NOTIFIED_ANNOTATION]) as object)).toEqual([expect.stringMatching(/^r1:on-sync-succeeded:\[0\]\.[\w-]+:receiver:$/)]);
    });
    // Unrelated updates (and our own annotation write) re-evaluate the app but send nothing new.
    await kube('PATCH', appPath, { status: { health: { status: 'Healthy' } } }, 'application/merge-patch+json');
    await quietFor(1500);
    expect(receiver.requests).toHaveLength(1);

    // oncePer is the revision: a second sync of r1 sends nothing (as Argo CD), a sync of r2 does.
    await sync('2024-05-01T10:30:00Z', 'Running');
    await sync('2024-05-01T10:30:00Z', 'Succeeded');
    await quietFor(1500);
    expect(receiver.requests).toHaveLength(1);
    await sync('2024-05-01T11:00:00Z', 'Running', 'r2');
    await sync('2024-05-01T11:00:00Z', 'Succeeded', 'r2');
    await eventually(() => expect(receiver.requests).toHaveLength(2));
    expect(JSON.parse(receiver.requests[1].body)).toEqual({ app: 'guestbook', phase: 'Succeeded', startedAt: '2024-05-01T11:00:00Z' });

    // A restarted notifier sees the same Succeeded sync and knows from the annotation it was sent.
    await quietFor(500);
    await notifier!.stop();
    notifier = await start();
    await eventually(() => expect(notifier!.logs()).toContain('sharding: now responsible for partition'));
    await quietFor(2000);
    expect(receiver.requests).toHaveLength(2);

    // A service of a type no sender has is reported by its key, never crashing the notifier.
    expect(notifier.logs()).toContain('argocd-notifications-cm service.pigeon: \\"pigeon\\" is not a notification service type Flotilla knows');
    expect(notifier.logs()).not.toContain('tok-s3cret');
  });
});
