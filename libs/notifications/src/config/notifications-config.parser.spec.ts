import { parse as parseYaml } from 'yaml';
import { planNotifications } from '../planning/notification.planner';
import { NotificationSenderRegistry } from '../services/notification-sender.registry';
import type { NotificationSender } from '../services/notification-service';
import { SlackSender } from '../services/slack.sender';
import { WebhookSender } from '../services/webhook.sender';
import { SEED_002_NOTIFICATIONS_CM as SEED_CONFIGMAP } from '../testing/seed-002';
import { parseNotificationsConfig } from './notifications-config.parser';


describe('parseNotificationsConfig', () => {
  it("reads the seed article's ConfigMap as written, its slack service with the Slack sender; a service type without a sender is reported by key", () => {
    const cm = parseYaml(SEED_CONFIGMAP) as { data: Record<string, string> };
    const senders = [new WebhookSender(), new SlackSender()] as NotificationSender[];
    const { config, problems } = parseNotificationsConfig(
      { ...cm.data, 'service.pigeon': 'token: $slack-token' },
      { 'slack-token': 'xoxb-1' },
      senders,
    );
    expect(problems).toEqual(['service.pigeon: "pigeon" is not a notification service type Flotilla knows (known: slack, webhook)']);
    expect([...config.triggers.keys()].sort()).toEqual(['on-health-degraded', 'on-sync-failed']);
    expect(config.templates.get('slack-deploy-alert')?.message).toContain('Application *{{.app.metadata.name}}* sync');
    expect(config.services.get('slack')).toEqual({
      type: 'slack',
      name: 'slack',
      options: expect.objectContaining({
        token: 'xoxb-1',
        username: 'ArgoCD',
        icon: ':argocd:',
        apiURL: 'https://slack.com/api/',
        insecureSkipVerify: false,
      }),
    });
    expect(config.sensitive).toContain('xoxb-1');

    // The seed's Application subscribes with notifications.argoproj.io/subscribe.on-sync-failed.slack.
    const app = {
      metadata: { name: 'payments-prod', annotations: { 'notifications.argoproj.io/subscribe.on-sync-failed.slack': 'deploy-alerts' } },
      status: { operationState: { phase: 'Failed', startedAt: '2024-05-01T11:00:00Z' } },
    };
    const registry = new NotificationSenderRegistry(senders);
    const plan = planNotifications({ app, config, now: () => new Date(), undeliverable: (s) => registry.undeliverable(config, s) });
    expect(plan.skipped).toEqual([]);
    expect(plan.deliveries).toEqual([
      expect.objectContaining({
        trigger: 'on-sync-failed',
        templates: ['slack-deploy-alert'],
        destination: { service: 'slack', recipient: 'deploy-alerts' },
      }),
    ]);
  });

  it('reads webhook services by name, substituting $references from the Secret and collecting what to mask', () => {
    const { config, problems } = parseNotificationsConfig(
      {
        'service.webhook.github': `url: https://api.github.com/$repo-path
headers:
- name: Authorization
  value: token $github-token
- name: Content-Type
  value: application/json
basicAuth:
  username: bot
  password: $pw
insecureSkipVerify: true
`,
        'service.webhook.plain': 'url: http://receiver/hook',
      },
      { 'github-token': 'ghp_abc', pw: 'hunter22', 'repo-path': 'repos/org/app', unused: 'zzz' },
    );
    expect(problems).toEqual([]);
    const github = config.services.get('github');
    expect(github).toEqual({
      type: 'webhook',
      name: 'github',
      options: {
      url: 'https://api.github.com/repos/org/app',
      headers: [
        { name: 'Authorization', value: 'token ghp_abc' },
        { name: 'Content-Type', value: 'application/json' },
      ],
      basicAuth: { username: 'bot', password: 'hunter22' },
      insecureSkipVerify: true,
      retryWaitMin: 1000,
      retryWaitMax: 5000,
      retryMax: 3,
      },
    });
    expect(config.services.get('plain')?.options).toMatchObject({ url: 'http://receiver/hook', headers: [], insecureSkipVerify: false });
    expect(config.sensitive).toEqual(expect.arrayContaining(['ghp_abc', 'hunter22', 'zzz', 'token ghp_abc', 'application/json']));
  });

  it('reports each bad key by name and keeps the rest', () => {
    const { config, problems } = parseNotificationsConfig({
      'trigger.bad-syntax': "- when: app.status.phase in ['Error'\n  send: [x]",
      'trigger.not-a-list': 'when: true',
      'trigger.good': "- when: app.status.health.status == 'Degraded'\n  send: [x]",
      'service.webhook.nourl': 'headers: []',
      'service.webhook.a.b': 'url: http://x',
      'template.t': 'message: [unclosed',
      subscriptions: '- recipients: [hook]\n  selector: "env in prod"',
      context: 'argocdUrl: https://argocd.example.com',
    });
    expect([...problems].sort()).toEqual([
      expect.stringMatching(/^service\.webhook\.a\.b: expected 'service\.<type>' or 'service\.<type>\.<name>'$/),
      expect.stringMatching(/^service\.webhook\.nourl: url: /),
      'subscriptions: invalid label selector clause "env in prod"',
      expect.stringMatching(/^template\.t: /),
      'trigger.bad-syntax: trigger "bad-syntax" condition [0] when: expected "," or "]" but found end of expression (column 29) in "app.status.phase in [\'Error\'"',
      expect.stringMatching(/^trigger\.not-a-list: trigger "not-a-list": expected a list/),
    ]);
    expect([...config.triggers.keys()]).toEqual(['good']);
    expect(config.context).toEqual({ argocdUrl: 'https://argocd.example.com' });
  });
});
