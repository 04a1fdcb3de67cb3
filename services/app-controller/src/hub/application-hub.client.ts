// Writes to Applications on the hub. Argo's Application CRD has no status subresource, so status is
// merge-patched on the object itself, as Argo's controller does; merge patches leave `operation`
// (written by the api-server) and the spec intact.
import { ARGO_API_VERSION, REFRESH_ANNOTATION, type Application, type Operation, type OperationState, type RevisionHistory } from '@flotilla/api-types';
import { isNotFound, type KubeClient } from '@flotilla/platform';
import type { Json } from '../status/merge-patch';
import type { ApplicationEventsClient } from './application-events.client';

export class ApplicationHubClient {
  constructor(
    private readonly kube: KubeClient,
    /** Events on the Application for what its writes change (Argo's audit Events); none without it. */
    readonly events?: ApplicationEventsClient,
  ) {}

  /** The Application as stored now (not a cache), or undefined when it is gone. */
  async get(namespace: string, name: string): Promise<Application | undefined> {
    try {
      return await this.kube.get<Application>({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace, name } });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Writes comparison results; `clearRefresh` also removes the refresh annotation in the same write. */
  async patchStatus(app: Application, status: Record<string, Json> | undefined, clearRefresh: boolean): Promise<void> {
    const patch: Record<string, Json> = {};
    if (status) patch.status = status;
    if (clearRefresh) patch.metadata = { annotations: { [REFRESH_ANNOTATION]: null } };
    if (!Object.keys(patch).length) return;
    if ((await this.patch(app, patch)) && status) this.events?.statusChanging(app, status);
  }

  async setOperationState(app: Application, state: OperationState): Promise<void> {
    await this.patch(app, { status: { operationState: state as unknown as Json } });
  }

  /** Records the finished operation (and history) and removes `operation` in one write. */
  async completeOperation(app: Application, state: OperationState, history: RevisionHistory[] | undefined): Promise<void> {
    const status: Record<string, Json> = { operationState: state as unknown as Json };
    if (history) status.history = history as unknown as Json;
    if (await this.patch(app, { operation: null, status })) this.events?.operationCompleted(app, state);
  }

  /**
   * Starts an operation (automated sync). The resourceVersion precondition makes the write fail with
   * a conflict if anything (a user's sync) changed the Application since it was compared. False when the app is gone.
   */
  async startOperation(app: Application, operation: Operation): Promise<boolean> {
    return this.patch(app, {
      metadata: { resourceVersion: app.metadata.resourceVersion ?? null },
      operation: operation as unknown as Json,
      status: { operationState: null },
    });
  }

  /** Applications in a namespace carrying a label selector, as stored now. */
  async list(namespace: string, labelSelector: string): Promise<Application[]> {
    return (await this.kube.listAll<Application>(ARGO_API_VERSION, 'Application', { namespace, labelSelector })).items;
  }

  async create(app: Application): Promise<void> {
    await this.kube.create(app);
  }

  /**
   * Merge-patches anything on the Application, failing with a conflict if it changed since it was
   * read (its resourceVersion), so a write never undoes what another actor just did.
   */
  async patchIfUnchanged(app: Application, patch: Record<string, Json> & { metadata?: Record<string, Json> }): Promise<void> {
    await this.patch(app, { ...patch, metadata: { ...patch.metadata, resourceVersion: app.metadata.resourceVersion ?? null } });
  }

  /** Deletes the Application (its finalizers still run); one already gone counts as deleted. */
  async delete(app: Application): Promise<void> {
    try {
      await this.kube.delete({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: app.metadata.namespace, name: app.metadata.name } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  async removeFinalizer(app: Application, finalizer: string): Promise<void> {
    const remaining = (app.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    await this.patch(app, { metadata: { resourceVersion: app.metadata.resourceVersion ?? null, finalizers: remaining } });
  }

  /** Merge-patches the Application; false when it is gone (nothing to write to, nothing to report). */
  private async patch(app: Application, patch: Record<string, Json>): Promise<boolean> {
    const ref = { apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: app.metadata.namespace, name: app.metadata.name } };
    try {
      await this.kube.patch(ref, patch, 'merge');
      return true;
    } catch (err) {
      if (!isNotFound(err)) throw err;
      return false;
    }
  }
}
