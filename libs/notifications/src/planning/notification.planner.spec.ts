import { NOTIFIED_ANNOTATION } from '@flotilla/api-types';
import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { AppLike, planNotifications } from './notification.planner';

// Argo CD's catalog triggers, as users paste them into argocd-notifications-cm.
const CATALOG = {
  'trigger.on-sync-succeeded': `- description: Application syncing has succeeded
  oncePer: app.status.operationState?.syncResult?.revision
  send: [app-sync-succeeded]
  when: app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']
`,
  'trigger.on-sync-failed': `- description: Application syncing has failed
  send: [app-sync-failed]
  when: app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']
`,
  'trigger.on-sync-running': `- send: [app-sync-running]
  when: app.status.operationState != nil and app.status.operationState.phase in ['Running']
`,
  'trigger.on-health-degraded': `- send: [app-health-degraded]
  when: app.status.health.status == 'Degraded'
`,
  'trigger.on-health-degraded-once': `- send: [app-health-degraded]
  oncePer: app.status.sync.revision
  when: app.status.health.status == 'Degraded'
`,
  'trigger.on-created': `- send: [app-created]
  oncePer: app.metadata.name
  when: "true"
`,
  'trigger.broken-at-runtime': `- send: [app-created]
  when: time.Parse(app.status.operationState.finishedAt).Before(time.Now())
`,
  'service.webhook.hook': 'url: http://receiver.example/notify',
  'service.slack': 'token: $slack-token',
};
const config = parseNotificationsConfig(CATALOG, { 'slack-token': 'xoxb-secret' }).config;

type Phase = 'Running' | 'Succeeded' | 'Failed' | undefined;

/** An Application whose status is `phase` of the sync that started at `startedAt`. */
function appState(opts: { phase?: Phase; startedAt?: string; revision?: string; health?: string; subscribe?: Record<string, string>; labels?: Record<string, string> }): AppLike & Record<string, unknown> {
  const annotations = Object.fromEntries(Object.entries(opts.subscribe ?? { 'on-sync-succeeded.hook': '' }).map(([k, v]) => [`notifications.argoproj.io/subscribe.${k}`, v]));
  return {
    metadata: { name: 'guestbook', namespace: 'argocd', uid: 'u-1', resourceVersion: '1', annotations, labels: opts.labels },
    status: {
      sync: { status: 'Synced', revision: opts.revision ?? 'r1' },
      health: { status: opts.health ?? 'Healthy' },
      ...(opts.phase ? { operationState: { phase: opts.phase, startedAt: opts.startedAt ?? 't1', syncResult: { revision: opts.revision ?? 'r1' } } } : {}),
    },
  };
}

/**
 * Feeds states one by one, carrying the notified annotation from each plan into the next state,
 * the way the annotation patch does. Returns the `trigger→service:recipient` sends of each step.
 */
function drive(states: (AppLike & Record<string, unknown>)[], start?: string): { sends: string[][]; annotation: string | undefined } {
  let annotation = start;
  const sends = states.map((state) => {
    const app = { ...state, metadata: { ...state.metadata, annotations: { ...state.metadata.annotations, ...(annotation ? { [NOTIFIED_ANNOTATION]: annotation } : {}) } } };
    const plan = planNotifications({ app, config, now: () => new Date('2024-05-01T12:00:00Z'), undeliverable: (s) => (s === 'slack' ? 'slack is not supported' : undefined) });
    annotation = plan.notified;
    return plan.deliveries.map((d) => `${d.trigger}→${d.destination.service}:${d.destination.recipient}`);
  });
  return { sends, annotation };
}

const SUCCEEDED = 'on-sync-succeeded→hook:';

describe('planNotifications', () => {
  it('sends one on-sync-succeeded for a sync going Running → Succeeded, however often it is seen', () => {
    const { sends } = drive([appState({}), appState({ phase: 'Running' }), appState({ phase: 'Succeeded' }), appState({ phase: 'Succeeded' }), appState({ phase: 'Succeeded', health: 'Progressing' })]);
    expect(sends).toEqual([[], [], [SUCCEEDED], [], []]);
  });

  it('sends once per oncePer value: a second sync of the same revision is not an event, one of a new revision is', () => {
    const { sends } = drive([
      appState({ phase: 'Running', startedAt: 't1' }),
      appState({ phase: 'Succeeded', startedAt: 't1' }),
      appState({ phase: 'Running', startedAt: 't2' }),
      appState({ phase: 'Succeeded', startedAt: 't2' }),
      appState({ phase: 'Running', startedAt: 't3', revision: 'r2' }),
      appState({ phase: 'Succeeded', startedAt: 't3', revision: 'r2' }),
    ]);
    expect(sends).toEqual([[], [SUCCEEDED], [], [], [], [SUCCEEDED]]);
  });

  it('sends for a sync whose Running state it never saw', () => {
    const { sends } = drive([
      appState({ phase: 'Succeeded', startedAt: 't1' }),
      appState({ phase: 'Succeeded', startedAt: 't2', revision: 'r2' }),
      appState({ phase: 'Succeeded', startedAt: 't2', revision: 'r2' }),
    ]);
    expect(sends).toEqual([[SUCCEEDED], [SUCCEEDED], []]);
    // Without oncePer the operation is the event: a failed retry never seen Running is new too.
    const subscribe = { 'on-sync-failed.hook': 'ops' };
    const failed = drive([appState({ phase: 'Failed', startedAt: 't1', subscribe }), appState({ phase: 'Failed', startedAt: 't2', subscribe })]);
    expect(failed.sends).toEqual([['on-sync-failed→hook:ops'], ['on-sync-failed→hook:ops']]);
  });

  it('does not resend after a restart: the annotation alone carries what was sent', () => {
    const before = drive([appState({ phase: 'Running' }), appState({ phase: 'Succeeded' })]);
    expect(before.sends).toEqual([[], [SUCCEEDED]]);
    // A new process knows nothing but the Application as stored, annotation included.
    const restarted = drive([appState({ phase: 'Succeeded' })], JSON.parse(JSON.stringify(before.annotation)) as string);
    expect(restarted.sends).toEqual([[]]);
  });

  it('keeps the annotation in Argo key form and small across many syncs', () => {
    const states = Array.from({ length: 130 }, (_, i) => [appState({ phase: 'Running', startedAt: `t${i}`, revision: `r${i}` }), appState({ phase: 'Succeeded', startedAt: `t${i}`, revision: `r${i}` })]).flat();
    const { sends, annotation } = drive(states);
    expect(sends.flat()).toHaveLength(130);
    const keys = Object.keys(JSON.parse(annotation!) as object);
    expect(keys.length).toBe(100);
    for (const key of keys) expect(key).toMatch(/^r\d+:on-sync-succeeded:\[0\]\.[\w-]+:hook:$/);
  });

  it('notifies a failed sync once, and each failed retry operation again', () => {
    const subscribe = { 'on-sync-failed.hook': 'ops;dev' };
    const { sends } = drive([
      appState({ phase: 'Running', subscribe }),
      appState({ phase: 'Failed', subscribe }),
      appState({ phase: 'Failed', subscribe }),
      appState({ phase: 'Failed', startedAt: 't2', subscribe }),
    ]);
    expect(sends).toEqual([[], ['on-sync-failed→hook:ops', 'on-sync-failed→hook:dev'], [], ['on-sync-failed→hook:ops', 'on-sync-failed→hook:dev']]);
  });

  it('re-arms a plain condition when it turns false, and keeps oncePer conditions sent', () => {
    const subscribe = { 'on-health-degraded.hook': 'a', 'on-health-degraded-once.hook': 'b' };
    const { sends } = drive([
      appState({ health: 'Degraded', subscribe }),
      appState({ health: 'Degraded', subscribe }),
      appState({ health: 'Healthy', subscribe }),
      appState({ health: 'Degraded', subscribe }),
      appState({ health: 'Healthy', revision: 'r2', subscribe }),
      appState({ health: 'Degraded', revision: 'r2', subscribe }),
    ]);
    expect(sends).toEqual([
      ['on-health-degraded→hook:a', 'on-health-degraded-once→hook:b'],
      [],
      [],
      ['on-health-degraded→hook:a'],
      [],
      ['on-health-degraded→hook:a', 'on-health-degraded-once→hook:b'],
    ]);
  });

  it('skips services it cannot deliver to without marking them, and reports unknown triggers', () => {
    const app = appState({ subscribe: { 'on-created.slack': 'deploy-alerts', 'on-created.hook': '', 'on-nothing.hook': '' } });
    const plan = planNotifications({ app, config, now: () => new Date(), undeliverable: (s) => (s === 'slack' ? 'slack is not supported' : undefined) });
    expect(plan.deliveries.map((d) => `${d.trigger}→${d.destination.service}`)).toEqual(['on-created→hook']);
    expect(plan.skipped).toEqual([{ trigger: 'on-created', destination: { service: 'slack', recipient: 'deploy-alerts' }, reason: 'slack is not supported' }]);
    expect(plan.problems).toEqual(['trigger "on-nothing" is not configured']);
    // The condition part is base64url(sha1("true")), the key notifications-engine itself would write.
    expect(Object.keys(JSON.parse(plan.notified!) as object)).toEqual(['guestbook:on-created:[0].X_5TO4MPCKAyY0ipFgr6_IraRNs:hook:']);
  });

  it('reads a failing when as not triggered and names the trigger', () => {
    const plan = planNotifications({ app: appState({ subscribe: { 'broken-at-runtime.hook': '' } }), config, now: () => new Date(), undeliverable: () => undefined });
    expect(plan.deliveries).toEqual([]);
    expect(plan.problems).toEqual(['trigger "broken-at-runtime" condition [0]: when: time.Parse expects an RFC 3339 string, got nil']);
  });

  it('uses global subscriptions with selectors and default triggers', () => {
    const global = parseNotificationsConfig({
      ...CATALOG,
      defaultTriggers: '[on-sync-succeeded, on-sync-failed]',
      subscriptions: `- recipients: ["hook:prod-team"]
  selector: env in (prod, staging), !canary
- recipients: ["hook"]
  triggers: [on-sync-running]
`,
    }).config;
    const plan = (labels: Record<string, string>) =>
      planNotifications({ app: appState({ phase: 'Running', labels, subscribe: {} }), config: global, now: () => new Date(), undeliverable: () => undefined }).deliveries.map(
        (d) => `${d.trigger}→${d.destination.service}:${d.destination.recipient}`,
      );
    expect(plan({ env: 'prod' })).toEqual(['on-sync-running→hook:']);
    const prodFailed = planNotifications({ app: appState({ phase: 'Failed', labels: { env: 'prod' }, subscribe: {} }), config: global, now: () => new Date(), undeliverable: () => undefined });
    expect(prodFailed.deliveries.map((d) => `${d.trigger}→${d.destination.recipient}`)).toEqual(['on-sync-failed→prod-team']);
    const canary = planNotifications({ app: appState({ phase: 'Failed', labels: { env: 'prod', canary: 'y' }, subscribe: {} }), config: global, now: () => new Date(), undeliverable: () => undefined });
    expect(canary.deliveries).toEqual([]);
  });

  it('subscribes to the default triggers with a service-only annotation', () => {
    const withDefaults = parseNotificationsConfig({ ...CATALOG, defaultTriggers: '- on-sync-succeeded', 'defaultTriggers.hook': '- on-sync-failed' }).config;
    const plan = planNotifications({
      app: appState({ phase: 'Failed', subscribe: { hook: 'x' } }),
      config: withDefaults,
      now: () => new Date(),
      undeliverable: () => undefined,
    });
    expect(plan.deliveries.map((d) => `${d.trigger}→${d.destination.recipient}`)).toEqual(['on-sync-failed→x']);
  });
});
