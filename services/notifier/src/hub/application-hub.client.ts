import { Application, ARGO_API_VERSION, NOTIFIED_ANNOTATION } from '@flotilla/api-types';
import { KubeApiError, KubeClient } from '@flotilla/platform';
import type { ApplicationAccess } from '../notifications/notification.reconciler';

/** Applications on the hub, read from the API server (not a cache) and annotated with merge patches. */
export class ApplicationHubClient implements ApplicationAccess {
  constructor(private readonly kube: KubeClient) {}

  async get(namespace: string, name: string): Promise<Application | undefined> {
    try {
      return await this.kube.get<Application>({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace, name } });
    } catch (err) {
      if (err instanceof KubeApiError && err.code === 404) return undefined;
      throw err;
    }
  }

  async patchNotified(namespace: string, name: string, value: string | undefined): Promise<void> {
    // A merge patch touches only this annotation, so the controller's concurrent status writes stay intact.
    const patch = { metadata: { annotations: { [NOTIFIED_ANNOTATION]: value ?? null } } };
    try {
      await this.kube.patch({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace, name } }, patch, 'merge');
    } catch (err) {
      if (!(err instanceof KubeApiError && err.code === 404)) throw err;
    }
  }
}
