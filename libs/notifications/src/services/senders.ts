import { EmailSender } from './email.sender';
import { TeamsSender } from './teams.sender';
import { TeamsWorkflowsSender } from './teams-workflows.sender';
import { MattermostSender } from './mattermost.sender';
import { GoogleChatSender } from './googlechat.sender';
import { TelegramSender } from './telegram.sender';
import { RocketChatSender } from './rocketchat.sender';
import { PushoverSender } from './pushover.sender';
import type { NotificationSender } from './notification-service';
import { SlackSender } from './slack.sender';
import { WebhookSender } from './webhook.sender';
import { GitHubSender } from './github.sender';
import { PagerDutyV2Sender } from './pagerdutyv2.sender';
import { OpsgenieSender } from './opsgenie.sender';
import { GrafanaSender } from './grafana.sender';
import { AlertmanagerSender } from './alertmanager.sender';
import { PagerDutySender } from './pagerduty.sender';

/** Every service type Flotilla delivers to, one sender each. */
export function defaultSenders(): NotificationSender[] {
  return [
    new WebhookSender(),
    new EmailSender(),
    new SlackSender(),
    new GitHubSender(),
    new PagerDutyV2Sender(),
    new OpsgenieSender(),
    new GrafanaSender(),
    new AlertmanagerSender(),
    new TeamsSender(),
    new TeamsWorkflowsSender(),
    new MattermostSender(),
    new PagerDutySender(),
    new GoogleChatSender(),
    new TelegramSender(),
    new RocketChatSender(),
    new PushoverSender(),
  ] as NotificationSender[];
}
