import { Application, NOTIFIED_ANNOTATION } from '@flotilla/api-types';
import type { KubeSim } from '@flotilla/kube-sim';
import { kubeClientFromKubeconfig, QueueFactory, RedisClient } from '@flotilla/platform';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { NotificationsConfigStore } from '../config/notifications-config.store';
import { ApplicationHubClient } from '../hub/application-hub.client';
import { NotificationSenderRegistry } from '@flotilla/notifications';
import { KubeApi, startHub } from '../testing/notifier.harness';
import { NOTIFICATIONS_QUEUE } from './notification-controller.service';
import { NotificationReconciler } from './notification.reconciler';

// The reconciler against a kube-sim hub and a real BullMQ queue: what it queues and marks, and
// that a crash between queueing and marking does not deliver the event twice.

jest.setTimeout(60_000);

const id = randomBytes(4).toString('hex');
const namespace = `argocd-${id}`;
const logger = pino({ level: 'silent' });

describe('NotificationReconciler (kube-sim hub, real Redis queue)', () => {
  let hub: KubeSim;
  let kube: KubeApi;
  let dir: string;
  let redis: RedisClient;
  let queues: QueueFactory;
  const store = new NotificationsConfigStore(logger);
  store.setConfigMap({
    data: {
      'service.webhook.hook': 'url: http://127.0.0.1:1/',
      'trigger.on-sync-succeeded': "- when: app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']\n  send: [t]",
      'template.t': 'message: hi',
    },
  });

  beforeAll(async () => {
    ({ hub, kube } = await startHub(namespace));
    dir = mkdtempSync(join(tmpdir(), 'notifier-reconciler-'));
    writeFileSync(join(dir, 'kubeconfig'), hub.kubeconfig());
    redis = new RedisClient('redis://127.0.0.1:6379', logger);
    queues = new QueueFactory({ connection: redis, prefix: `notifier-reconciler-${id}`, logger });
    await kube('POST', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications`, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'guestbook', annotations: { 'notifications.argoproj.io/subscribe.on-sync-succeeded.hook': 'a;b' } },
      spec: { project: 'default', destination: { server: 'https://kubernetes.default.svc' } },
      status: { operationState: { phase: 'Succeeded', startedAt: '2024-05-01T10:00:00Z', operation: {} } },
    });
  });

  afterAll(async () => {
    await queues.queue(NOTIFICATIONS_QUEUE).raw.obliterate({ force: true });
    await queues.close();
    await redis.close();
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const reconciler = (failAfterEnqueue = false, owns?: (app: Application) => boolean) => {
    const apps = new ApplicationHubClient(kubeClientFromKubeconfig(join(dir, 'kubeconfig')));
    const queue = queues.queue(NOTIFICATIONS_QUEUE);
    return new NotificationReconciler({
      store,
      registry: new NotificationSenderRegistry(),
      apps: {
        get: (ns, name) => apps.get(ns, name),
        // The process "dies" after queueing, before it can record the notifications.
        patchNotified: (ns, name, value) => (failAfterEnqueue ? Promise.reject(new Error('crashed')) : apps.patchNotified(ns, name, value)),
      },
      project: () => undefined,
      enqueue: async (job, jobId) => void (await queue.add(job, { jobId })),
      owns,
      logger,
    });
  };
  const current = async () => (await kube('GET', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications/guestbook`)).body as Application;
  const jobs = async () => (await queues.queue(NOTIFICATIONS_QUEUE).raw.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).map((j) => `${j.data.trigger}→${j.data.destination.recipient}`).sort();

  it('queues each due notification once, even when it crashed between queueing and marking', async () => {
    await reconciler(true).submit(await current());
    expect(await jobs()).toEqual(['on-sync-succeeded→a', 'on-sync-succeeded→b']);
    expect((await current()).metadata.annotations?.[NOTIFIED_ANNOTATION]).toBeUndefined();

    // Restarted: the same event is planned again, its job ids already exist, nothing is added.
    await reconciler().submit(await current());
    expect(await jobs()).toEqual(['on-sync-succeeded→a', 'on-sync-succeeded→b']);
    const notified = JSON.parse((await current()).metadata.annotations![NOTIFIED_ANNOTATION]) as Record<string, number>;
    expect(Object.keys(notified).sort()).toEqual([expect.stringMatching(/^on-sync-succeeded:\[0\]\.[\w-]+\.[\w-]+:hook:a$/), expect.stringMatching(/:hook:b$/)]);

    // Evaluating a stale cached copy (without the annotation) reads the hub first and queues nothing.
    const stale = await current();
    delete stale.metadata.annotations![NOTIFIED_ANNOTATION];
    await reconciler().submit(stale);
    expect(await jobs()).toHaveLength(2);
  });

  it('evaluates nothing for an Application whose partition this replica no longer holds', async () => {
    await kube('POST', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications`, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'moved', annotations: { 'notifications.argoproj.io/subscribe.on-sync-succeeded.hook': 'c' } },
      spec: { project: 'default', destination: { server: 'https://kubernetes.default.svc' } },
      status: { operationState: { phase: 'Succeeded', startedAt: '2024-05-01T10:00:00Z', operation: {} } },
    });
    const moved = (await kube('GET', `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/applications/moved`)).body as Application;
    await reconciler(false, () => false).submit(moved);
    expect(await jobs()).not.toContain('on-sync-succeeded→c');
    await reconciler(false, () => true).submit(moved);
    expect(await jobs()).toContain('on-sync-succeeded→c');
  });
});
