// The controller's Events on Applications (Argo's appcontroller.go logAppEvent): an automated sync
// started, an operation completed or failed, sync or health status changed, resources that could not
// be deleted. Written through the platform's recorder, so none of them ever holds up a reconcile.
import { ARGO_API_VERSION, type Application, type OperationState } from '@flotilla/api-types';
import type { EventNote, KubeEventRecorder } from '@flotilla/platform';
import type { Json } from '../status/merge-patch';

/** source.component of the controller's Events, as Argo CD's controller names itself. */
export const CONTROLLER_COMPONENT = 'argocd-application-controller';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class ApplicationEventsClient {
  constructor(private readonly recorder: Pick<KubeEventRecorder, 'record'>) {}

  /** appcontroller.go autoSync: "Initiated automated sync to '<revisions>'". */
  automatedSyncStarted(app: Application, revisions: string[]): void {
    this.record(app, 'Normal', 'OperationStarted', `Initiated automated sync to '${revisions.join(', ')}'`);
  }

  /** setOperationState: a completed operation, "(Partial) sync operation to <revision> succeeded|failed: <message>". */
  operationCompleted(app: Application, state: OperationState): void {
    if (state.phase !== 'Succeeded' && state.phase !== 'Failed' && state.phase !== 'Error') return;
    const words = [state.operation.sync?.resources?.length ? 'Partial sync operation' : 'Sync operation'];
    if (state.syncResult) words.push('to', state.syncResult.revision ?? '');
    if (state.phase === 'Succeeded') words.push('succeeded');
    else words.push('failed:', state.message ?? '');
    this.record(app, state.phase === 'Succeeded' ? 'Normal' : 'Warning', 'OperationCompleted', words.join(' '));
  }

  /** persistAppStatus: sync and health status as a status patch about to be written changes them. */
  statusChanging(app: Application, patch: Record<string, Json>): void {
    const sync = isObject(patch.sync) ? patch.sync : undefined;
    const before = app.status;
    if (sync && typeof sync.status === 'string' && sync.status !== str(before?.sync?.status))
      this.record(app, 'Normal', 'ResourceUpdated', `Updated sync status: ${str(before?.sync?.status)} -> ${sync.status}`);
    const health = isObject(patch.health) ? patch.health : undefined;
    if (health && typeof health.status === 'string' && health.status !== str(before?.health?.status)) {
      // The merge patch names the message only when it changed: null removed it, absent kept it.
      const message = health.message === undefined ? str(before?.health?.message) : str(health.message);
      const base = `Updated health status: ${str(before?.health?.status)} -> ${health.status}`;
      this.record(app, 'Normal', 'ResourceUpdated', message ? `${base} (${message})` : base);
    }
  }

  /** finalizeApplicationDeletion failed: a Warning, as Argo's StatusRefreshed one. */
  deletionFailed(app: Application, reason: string): void {
    this.record(app, 'Warning', 'StatusRefreshed', `Unable to delete application resources: ${reason}`);
  }

  private record(app: Application, type: EventNote['type'], reason: string, message: string): void {
    const destination = app.spec?.destination;
    this.recorder.record(
      {
        apiVersion: ARGO_API_VERSION,
        kind: 'Application',
        name: app.metadata.name,
        namespace: app.metadata.namespace,
        uid: app.metadata.uid,
        resourceVersion: app.metadata.resourceVersion,
      },
      { type, reason, message, annotations: { 'dest-server': str(destination?.server), 'dest-namespace': str(destination?.namespace) } },
    );
  }
}
