import { ARGO_API_VERSION } from '@flotilla/api-types';
import { KubeClient } from '@flotilla/platform';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';

/** The component the notifier's Events are reported as, as Argo CD's notifications controller names itself. */
export const EVENT_COMPONENT = 'argocd-notifications-controller';
/** kube-apiserver's limit on an events.k8s.io note; core Events read through it are cut there too. */
const MAX_MESSAGE = 1024;

export interface ApplicationRef {
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly uid?: string; readonly resourceVersion?: string };
}

/** Writes core/v1 Events about Applications on the hub, so `kubectl describe application` shows what went wrong. */
export class ApplicationEventsClient {
  constructor(
    private readonly kube: KubeClient,
    private readonly logger: Logger,
  ) {}

  /**
   * A Warning Event on the Application. The message must already be masked. A failure to write it
   * is logged, never thrown: the Event reports a failure, it must not become another one.
   */
  async warning(app: ApplicationRef, reason: string, message: string): Promise<void> {
    const name = app.metadata?.name;
    const namespace = app.metadata?.namespace;
    if (!name || !namespace) return;
    const now = new Date().toISOString();
    const note = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      // client-go's naming: the object's name and a unique suffix.
      metadata: { name: `${name}.${Date.now().toString(16)}${randomBytes(3).toString('hex')}`, namespace },
      involvedObject: { apiVersion: ARGO_API_VERSION, kind: 'Application', name, namespace, uid: app.metadata?.uid, resourceVersion: app.metadata?.resourceVersion },
      reason,
      message: note,
      type: 'Warning',
      source: { component: EVENT_COMPONENT },
      reportingComponent: EVENT_COMPONENT,
      reportingInstance: EVENT_COMPONENT,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    };
    try {
      await this.kube.create(event);
    } catch (err) {
      this.logger.warn({ app: `${namespace}/${name}`, reason }, `could not record Event ${reason} on Application ${namespace}/${name}: ${(err as Error).message}`);
    }
  }
}
