// The api-server's Events on Applications (Argo's server/application logAppEvent): who created,
// updated, deleted, synced, rolled back or terminated an app, or changed its resources, as a Normal
// Event in the hub that kubectl describe and ListResourceEvents show. Written in the background:
// a call never waits on its Event, and a failure to write one fails nothing.
import { ARGO_API_VERSION, type Application } from '@flotilla/api-types';
import { KubeEventRecorder, type KubeClient } from '@flotilla/platform';
import type { OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import type { CallContext } from '../session/session.service';

/** source.component of the api-server's Events, as Argo CD's server names itself. */
export const SERVER_COMPONENT = 'argocd-server';

export type AppEventReason = 'ResourceCreated' | 'ResourceUpdated' | 'ResourceDeleted' | 'ResourceActionRan' | 'OperationStarted';

export class ApplicationEventsClient implements OnModuleDestroy {
  private readonly recorder: Pick<KubeEventRecorder, 'record' | 'close'>;

  constructor(hub: KubeClient, logger: Logger, recorder?: Pick<KubeEventRecorder, 'record' | 'close'>) {
    this.recorder = recorder ?? new KubeEventRecorder(hub, { component: SERVER_COMPONENT, logger });
  }

  /** "<user> <action>" on the app, the user also in the Event's `user` annotation ("Unknown user" when the call had none, as Argo). */
  record(ctx: Pick<CallContext, 'username'>, app: Application, reason: AppEventReason, action: string): void {
    const user = ctx.username || 'Unknown user';
    this.recorder.record(
      {
        apiVersion: ARGO_API_VERSION,
        kind: 'Application',
        name: app.metadata.name,
        namespace: app.metadata.namespace,
        uid: app.metadata.uid,
        resourceVersion: app.metadata.resourceVersion,
      },
      {
        type: 'Normal',
        reason,
        message: `${user} ${action}`,
        annotations: {
          'dest-server': app.spec?.destination?.server ?? '',
          'dest-namespace': app.spec?.destination?.namespace ?? '',
          user,
        },
      },
    );
  }

  onModuleDestroy(): Promise<void> {
    return this.recorder.close();
  }
}
