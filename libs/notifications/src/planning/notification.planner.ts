import { NOTIFIED_ANNOTATION } from '@flotilla/api-types';
import type { NotificationsConfig } from '../config/notifications-config.parser';
import { Destination, NotifiedState } from '../state/notified.state';
import { resolveDestinations, Subscriber } from '../subscriptions/subscription.resolver';
import { runTrigger } from '../triggers/trigger.evaluator';

// The decision half of notifications-engine's controller loop, pure: given an Application (with its
// notified annotation) and the configuration, which notifications are due now and what the
// annotation becomes. The caller delivers them and writes the annotation.

export interface AppLike extends Subscriber {
  readonly metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
}

export interface PlannedNotification {
  readonly trigger: string;
  readonly templates: readonly string[];
  readonly destination: Destination;
  /** The notified-state key this delivery marks. */
  readonly stateKey: string;
  /**
   * What makes this notification one event, for an idempotent queue job id: the state key says it
   * all for operation-scoped and oncePer conditions; a plain condition adds the object's version.
   */
  readonly eventId: string;
}

export interface SkippedDestination {
  readonly trigger: string;
  readonly destination: Destination;
  readonly reason: string;
}

export interface NotificationPlan {
  readonly deliveries: readonly PlannedNotification[];
  /** The annotation value to write (undefined: remove it). */
  readonly notified: string | undefined;
  /** Whether `notified` differs from what the Application carries. */
  readonly changed: boolean;
  readonly skipped: readonly SkippedDestination[];
  /** Trigger problems (not configured, `when` failed to evaluate) and unreadable subscription annotations, each naming what is wrong. */
  readonly problems: readonly string[];
}

export interface PlanInput {
  readonly app: AppLike;
  readonly project?: Subscriber;
  readonly config: NotificationsConfig;
  readonly now: () => Date;
  /** Why a service cannot be delivered to, or undefined when it can. */
  readonly undeliverable: (service: string) => string | undefined;
}

export function planNotifications(input: PlanInput): NotificationPlan {
  const { app, config } = input;
  const current = app.metadata.annotations?.[NOTIFIED_ANNOTATION];
  const state = NotifiedState.parse(current);
  const deliveries: PlannedNotification[] = [];
  const skipped: SkippedDestination[] = [];
  const problems: string[] = [];
  const vars = { app, context: config.context, secrets: config.secrets };
  const nowUnix = Math.floor(input.now().getTime() / 1000);

  for (const [triggerName, destinations] of resolveDestinations(config, app, input.project, problems)) {
    const trigger = config.triggers.get(triggerName);
    if (!trigger) {
      problems.push(`trigger ${JSON.stringify(triggerName)} is not configured`);
      continue;
    }
    for (const result of runTrigger(trigger, vars, input.now)) {
      if (result.error) problems.push(`trigger ${JSON.stringify(triggerName)} condition ${result.condition.key.split('.')[0]}: ${result.error}`);
      for (const destination of destinations) {
        if (!result.triggered) {
          state.clear(triggerName, result, destination);
          continue;
        }
        const stateKey = NotifiedState.key(triggerName, result, destination);
        if (state.has(stateKey)) continue;
        const reason = input.undeliverable(destination.service);
        if (reason) {
          skipped.push({ trigger: triggerName, destination, reason });
          continue;
        }
        state.markNotified(triggerName, result, destination, nowUnix);
        const plain = !result.operation && !result.oncePer;
        const eventId = plain ? `${stateKey}@${app.metadata.resourceVersion ?? ''}` : stateKey;
        deliveries.push({ trigger: triggerName, templates: result.condition.send, destination, stateKey, eventId });
      }
    }
  }

  const notified = state.serialize();
  return { deliveries, notified, changed: notified !== current, skipped, problems };
}
