import type { Application } from '@flotilla/api-types';
import { retryOnConflict } from '../hub/kube-errors';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { failedPrecondition, notFound } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import type { ApplicationEventsClient } from './application-events.client';
import { appNotFound, type ApplicationService } from './application.service';

export const NO_OPERATION_TO_TERMINATE = 'Unable to terminate operation. No operation is in progress';

/**
 * TerminateOperation (server/application in argo-cd): marks the running operation `Terminating`; the
 * app-controller stops it and records it Failed with "Operation terminated".
 */
export class ApplicationTerminationService {
  constructor(
    private readonly applications: ApplicationService,
    private readonly apps: KubeResourceStore<Application>,
    private readonly events?: ApplicationEventsClient,
  ) {}

  async terminate(ctx: CallContext, req: { name?: string; project?: string }): Promise<void> {
    const app = await this.applications.authorized(ctx, req.name, 'sync', req.project);
    const terminated = await retryOnConflict(async (): Promise<Application | undefined> => {
      const current = await this.apps.get(app.metadata.name);
      if (!current) throw notFound(appNotFound(app.metadata.name));
      const state = current.status?.operationState;
      // A requested operation the controller has not started yet has no state to mark.
      if (!current.operation || !state || (state.phase !== 'Running' && state.phase !== 'Terminating')) {
        throw failedPrecondition(NO_OPERATION_TO_TERMINATE);
      }
      // Asking twice is not an error, as in Argo CD; the first request stands.
      if (state.phase === 'Terminating') return undefined;
      return this.apps.replace({ ...current, status: { ...current.status, operationState: { ...state, phase: 'Terminating' } } });
    });
    if (terminated) this.events?.record(ctx, terminated, 'ResourceUpdated', 'terminated running operation');
  }
}
