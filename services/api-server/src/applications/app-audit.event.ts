import type { Application } from '@flotilla/api-types';
import type { KubeClient } from '@flotilla/platform';
import type { Logger } from 'pino';
import type { CallContext } from '../session/session.service';

const rfc3339 = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A Normal Event on the Application in the hub saying who changed what through it (Argo's audit
 * log), so kubectl describe and ListResourceEvents show it. Failing to write it fails nothing.
 */
export async function recordAppEvent(
  hub: KubeClient,
  ctx: CallContext,
  app: Application,
  reason: string,
  action: string,
  logger?: Logger,
): Promise<void> {
  const now = new Date();
  const user = ctx.username || 'Unknown user';
  const event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${app.metadata.name}.${(BigInt(now.getTime()) * 1_000_000n).toString(16)}`,
      namespace: app.metadata.namespace,
      annotations: {
        'dest-server': app.spec?.destination?.server ?? '',
        'dest-namespace': app.spec?.destination?.namespace ?? '',
        ...(ctx.username ? { user: ctx.username } : {}),
      },
    },
    source: { component: 'argocd-server' },
    involvedObject: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      name: app.metadata.name,
      namespace: app.metadata.namespace,
      uid: app.metadata.uid,
      resourceVersion: app.metadata.resourceVersion,
    },
    firstTimestamp: rfc3339(now),
    lastTimestamp: rfc3339(now),
    count: 1,
    message: `${user} ${action}`,
    type: 'Normal',
    reason,
  };
  await hub
    .create(event)
    .catch((err: Error) => logger?.warn({ err: err.message, app: app.metadata.name, reason }, 'unable to create audit event'));
}
