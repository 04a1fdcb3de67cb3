import { NOTIFIED_ANNOTATION, notificationsCatalog, notificationsCatalogData } from '@flotilla/api-types';
import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { NotificationRenderer } from '../templates/notification.renderer';
import { AppLike, planNotifications } from '../planning/notification.planner';

// notifications-catalog/: the triggers and templates every Argo CD installation has. Each trigger
// fires on the same Application states as Argo CD's catalog trigger of that name (same conditions,
// same oncePer), and every template renders for every service type with valid Slack JSON.

const catalog = notificationsCatalog();
const TRIGGERS = ['on-created', 'on-deleted', 'on-deployed', 'on-health-degraded', 'on-sync-failed', 'on-sync-running', 'on-sync-status-unknown', 'on-sync-succeeded'];
const parsed = parseNotificationsConfig({
  ...notificationsCatalogData(catalog),
  'service.webhook.hook': 'url: http://receiver.example/notify',
  subscriptions: `- recipients: [hook]\n  triggers: [${TRIGGERS.join(', ')}]\n`,
  context: 'argocdUrl: https://cd.example.com\n',
});
const config = parsed.config;

interface State {
  phase?: 'Running' | 'Succeeded' | 'Failed' | 'Error';
  startedAt?: string;
  finishedAt?: string;
  revision?: string;
  health?: string;
  healthSince?: string;
  sync?: string;
  deleting?: boolean;
  conditions?: { type: string; message: string }[];
}

function app(s: State): AppLike & Record<string, unknown> {
  const revision = s.revision ?? 'r1';
  return {
    metadata: { name: 'guestbook', namespace: 'argocd', uid: 'u1', resourceVersion: '1', ...(s.deleting ? { deletionTimestamp: '2024-05-01T12:00:00Z' } : {}) },
    spec: { project: 'default', source: { repoURL: 'https://git.example.com/guestbook.git', path: '.' } },
    status: {
      sync: { status: s.sync ?? 'Synced', revision },
      health: { status: s.health ?? 'Healthy', ...(s.healthSince ? { lastTransitionTime: s.healthSince } : {}) },
      ...(s.conditions ? { conditions: s.conditions } : {}),
      ...(s.phase
        ? {
            operationState: {
              phase: s.phase,
              message: s.phase === 'Failed' ? 'one or more objects failed to apply' : 'successfully synced',
              startedAt: s.startedAt ?? '2024-05-01T10:00:00Z',
              ...(s.phase !== 'Running' ? { finishedAt: s.finishedAt ?? '2024-05-01T10:01:00Z' } : {}),
              syncResult: { revision },
            },
          }
        : {}),
    },
  };
}

/** The triggers that send at each state, the notified annotation carried from one state to the next. */
function fired(states: State[]): string[][] {
  let annotation: string | undefined;
  return states.map((s) => {
    const base = app(s);
    const annotations: Record<string, string> = annotation ? { [NOTIFIED_ANNOTATION]: annotation } : {};
    const current = { ...base, metadata: { ...base.metadata, annotations } };
    const plan = planNotifications({ app: current, config, now: () => new Date('2024-05-01T12:00:00Z'), undeliverable: () => undefined });
    expect(plan.problems).toEqual([]);
    annotation = plan.notified;
    return plan.deliveries.map((d) => d.trigger).sort();
  });
}

describe('notifications catalog', () => {
  it('has Argo CD’s eight triggers and their templates, and they all parse', () => {
    expect(Object.keys(catalog.triggers).sort()).toEqual(TRIGGERS);
    expect(Object.keys(catalog.templates).sort()).toEqual(TRIGGERS.map((t) => t.replace(/^on-/, 'app-')));
    expect(parsed.problems).toEqual([]);
    for (const t of TRIGGERS) expect(config.triggers.get(t)!.conditions.map((c) => c.send)).toEqual([[t.replace(/^on-/, 'app-')]]);
  });

  it('on-created: once per Application, on the first state seen', () => {
    expect(fired([{}, {}, { health: 'Progressing' }])).toEqual([['on-created'], [], []]);
  });

  it('on-sync-running, then on-sync-succeeded and on-deployed once health turned Healthy after the sync finished', () => {
    const finishedAt = '2024-05-01T10:01:00Z';
    expect(
      fired([
        {},
        { phase: 'Running', health: 'Progressing' },
        { phase: 'Succeeded', finishedAt, health: 'Progressing', healthSince: '2024-05-01T10:00:30Z' },
        { phase: 'Succeeded', finishedAt, health: 'Healthy', healthSince: '2024-05-01T10:02:00Z' },
        { phase: 'Succeeded', finishedAt, health: 'Healthy', healthSince: '2024-05-01T10:02:00Z' },
      ]),
    ).toEqual([['on-created'], ['on-sync-running'], ['on-sync-succeeded'], ['on-deployed'], []]);
  });

  it('on-deployed not for an Application Healthy since before the sync finished (nothing was redeployed)', () => {
    expect(fired([{}, { phase: 'Succeeded', finishedAt: '2024-05-01T10:01:00Z', health: 'Healthy', healthSince: '2024-05-01T09:00:00Z' }])).toEqual([['on-created'], ['on-sync-succeeded']]);
  });

  it('on-sync-failed for Failed and for Error', () => {
    expect(fired([{}, { phase: 'Failed', revision: 'r2' }])).toEqual([['on-created'], ['on-sync-failed']]);
    expect(fired([{}, { phase: 'Error', revision: 'r3' }])).toEqual([['on-created'], ['on-sync-failed']]);
  });

  it('on-health-degraded once per revision of the last sync, again for the next revision', () => {
    expect(
      fired([
        { phase: 'Succeeded', health: 'Healthy', healthSince: '2024-05-01T09:00:00Z' },
        { phase: 'Succeeded', health: 'Degraded', healthSince: '2024-05-01T11:00:00Z' },
        { phase: 'Succeeded', health: 'Healthy', healthSince: '2024-05-01T11:30:00Z' },
        { phase: 'Succeeded', health: 'Degraded', healthSince: '2024-05-01T11:40:00Z' },
        { phase: 'Succeeded', revision: 'r2', startedAt: '2024-05-01T12:00:00Z', health: 'Degraded', healthSince: '2024-05-01T11:40:00Z' },
      ]),
      // Healthy again after the sync finished reads as deployed, as in Argo CD (once for r1).
    ).toEqual([['on-created', 'on-sync-succeeded'], ['on-health-degraded'], ['on-deployed'], [], ['on-health-degraded', 'on-sync-succeeded']]);
  });

  it('on-sync-status-unknown when the sync status is Unknown', () => {
    expect(fired([{}, { sync: 'Unknown', conditions: [{ type: 'ComparisonError', message: 'repository not reachable' }] }])).toEqual([['on-created'], ['on-sync-status-unknown']]);
  });

  it('on-deleted once the Application carries a deletionTimestamp', () => {
    expect(fired([{}, { deleting: true }, { deleting: true }])).toEqual([['on-created'], ['on-deleted'], []]);
  });

  it('renders every template for every service type; the Slack attachments are JSON', () => {
    const renderer = new NotificationRenderer(config.templates);
    expect(renderer.problems).toEqual([]);
    const states = [app({ phase: 'Failed', conditions: [{ type: 'SyncError', message: 'quote " and \\ backslash' }] }), { ...app({}), spec: { project: 'p', sources: [{ repoURL: 'https://a.example' }, { repoURL: 'https://b.example' }] } }];
    for (const name of Object.keys(catalog.templates)) {
      for (const serviceType of ['slack', 'email', 'teams', 'webhook']) {
        for (const state of states) {
          const out = renderer.render([name], { app: state, context: config.context, secrets: {}, serviceType, recipient: 'ops' });
          expect(out.message).toContain('https://cd.example.com/applications/argocd/guestbook');
          expect(out.message.includes(':')).toBe(true);
          const slack = out.parts.slack as { attachments: string };
          const [attachment] = JSON.parse(slack.attachments) as { title: string; fields: { title: string; value: string }[] }[];
          expect(attachment.title).toBe('guestbook');
          expect(attachment.fields.map((f) => f.title)).toContain('Repository');
          expect(attachment.fields.find((f) => f.title === 'Repository')!.value).toMatch(/^https:\/\/(git\.example\.com\/guestbook\.git|a\.example, https:\/\/b\.example)$/);
          expect(typeof (out.parts.email as { subject: string }).subject).toBe('string');
        }
      }
    }
  });
});
