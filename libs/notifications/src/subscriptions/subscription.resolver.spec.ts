import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { resolveDestinations, type Subscriber } from './subscription.resolver';

// Who gets which trigger, as notifications-engine resolves it: annotations on the Application and on
// its AppProject, the ConfigMap's subscriptions with label selectors, default triggers per service.

const { config } = parseNotificationsConfig({
  'service.webhook.hook': 'url: http://receiver.example/notify',
  defaultTriggers: '[on-sync-failed, on-health-degraded]',
  'defaultTriggers.pager': '[on-health-degraded]',
  subscriptions: [
    '- recipients: [hook:prod-ops, pager]',
    '  triggers: [on-deployed]',
    '  selector: env=prod',
    '- recipients: [hook:everyone]',
  ].join('\n'),
});

const subscriber = (annotations: Record<string, string> = {}, labels: Record<string, string> = {}): Subscriber => ({
  metadata: { labels, annotations: Object.fromEntries(Object.entries(annotations).map(([k, v]) => [k.startsWith('notifications.') ? k : `notifications.argoproj.io/${k}`, v])) },
});

/** `trigger → service:recipient` pairs, sorted, for comparison. */
function pairs(app: Subscriber, project?: Subscriber, problems?: string[]): string[] {
  const out: string[] = [];
  for (const [trigger, dests] of resolveDestinations(config, app, project, problems)) for (const d of dests) out.push(`${trigger} → ${d.service}:${d.recipient}`);
  return out.sort();
}

const EVERYONE = ['on-health-degraded → hook:everyone', 'on-sync-failed → hook:everyone'];

describe('resolveDestinations', () => {
  it('subscribe.<trigger>.<service> with a ;-separated list, blanks and spaces dropped', () => {
    expect(pairs(subscriber({ 'subscribe.on-sync-succeeded.slack': 'dev; ops;;  qa ' }))).toEqual([...EVERYONE, 'on-sync-succeeded → slack:dev', 'on-sync-succeeded → slack:ops', 'on-sync-succeeded → slack:qa'].sort());
  });

  it('subscribe.<service> and subscribe..<service> take the default triggers, or the service’s own defaults', () => {
    expect(pairs(subscriber({ 'subscribe.slack': 'a', 'subscribe..teams': 'b', 'subscribe.pager': 'c' }))).toEqual(
      [...EVERYONE, 'on-health-degraded → slack:a', 'on-sync-failed → slack:a', 'on-health-degraded → teams:b', 'on-sync-failed → teams:b', 'on-health-degraded → pager:c'].sort(),
    );
  });

  it('an empty value is one empty recipient (webhooks need none)', () => {
    expect(pairs(subscriber({ 'subscribe.on-created.hook': '' }))).toEqual([...EVERYONE, 'on-created → hook:'].sort());
  });

  it('the AppProject’s subscriptions apply to each of its Applications, without duplicates', () => {
    const project = subscriber({ 'subscribe.on-sync-failed.slack': 'team;shared' });
    expect(pairs(subscriber({ 'subscribe.on-sync-failed.slack': 'shared' }), project)).toEqual([...EVERYONE, 'on-sync-failed → slack:shared', 'on-sync-failed → slack:team'].sort());
  });

  it('ConfigMap subscriptions reach the Applications their selector matches, with their triggers or the defaults', () => {
    expect(pairs(subscriber({}, { env: 'prod' }))).toEqual([...EVERYONE, 'on-deployed → hook:prod-ops', 'on-deployed → pager:'].sort());
    expect(pairs(subscriber({}, { env: 'dev' }))).toEqual(EVERYONE);
  });

  it('subscribe_yaml: a list of triggers and destinations, on the Application or its AppProject', () => {
    const yaml = ['- trigger: [on-sync-succeeded, on-sync-failed]', '  destinations:', '  - service: slack', '    recipients: [dev, ops]', '  - service: hook', '    recipients: [""]'].join('\n');
    const project = subscriber({ subscribe_yaml: '- trigger: [on-created]\n  destinations: [{service: teams, recipients: [all]}]\n' });
    expect(pairs(subscriber({ subscribe_yaml: yaml }), project)).toEqual(
      [
        ...EVERYONE,
        'on-sync-succeeded → slack:dev',
        'on-sync-succeeded → slack:ops',
        'on-sync-succeeded → hook:',
        'on-sync-failed → slack:dev',
        'on-sync-failed → slack:ops',
        'on-sync-failed → hook:',
        'on-created → teams:all',
      ].sort(),
    );
  });

  it('an unreadable subscribe_yaml is skipped with a message naming the annotation, the rest still applies', () => {
    const problems: string[] = [];
    const app = subscriber({ subscribe_yaml: '- trigger: on-sync-failed\n  destinations: []\n', 'subscribe.on-created.slack': 'a' });
    expect(pairs(app, undefined, problems)).toEqual([...EVERYONE, 'on-created → slack:a'].sort());
    expect(problems).toEqual(['Application annotation notifications.argoproj.io/subscribe_yaml: expected a list of {trigger: [...], destinations: [{service, recipients}]}: 0.trigger: Invalid input: expected array, received string']);
  });
});
