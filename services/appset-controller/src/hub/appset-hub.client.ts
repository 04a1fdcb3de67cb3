// The reconciler's view of the hub, over the Kubernetes API: ApplicationSets, Applications, AppProjects
// and cluster Secrets in the control-plane namespace. Reads go to the API server, not a cache, so a
// reconcile never acts on objects it has just changed itself.
import {
  ARGO_API_VERSION,
  Application,
  ApplicationSet,
  APPSET_REFRESH_ANNOTATION,
  KubeObject,
  SECRET_TYPE_CLUSTER,
  SECRET_TYPE_LABEL,
  SECRET_TYPE_REPO_CREDS,
  SECRET_TYPE_REPOSITORY,
} from '@flotilla/api-types';
import { KubeApiError, KubeClient, namespaceReader, NamespaceReader } from '@flotilla/platform';
import type { JsonObject } from '@flotilla/appset';
import type { AppSetHub, AppSetStatusPatch } from './appset-hub.port';

const APPSET = { apiVersion: ARGO_API_VERSION, kind: 'ApplicationSet' };
const APPLICATION = { apiVersion: ARGO_API_VERSION, kind: 'Application' };
const PROJECT = { apiVersion: ARGO_API_VERSION, kind: 'AppProject' };

export class AppSetHubClient implements AppSetHub {
  private readonly reader: NamespaceReader;

  constructor(
    private readonly kube: KubeClient,
    private readonly namespace: string,
  ) {
    this.reader = namespaceReader(kube, namespace);
  }

  generatorHub(): NamespaceReader {
    return this.reader;
  }

  async getAppSet(name: string): Promise<ApplicationSet | undefined> {
    try {
      return await this.kube.get<ApplicationSet>(this.ref(APPSET, name));
    } catch (err) {
      if (err instanceof KubeApiError && err.code === 404) return undefined;
      throw err;
    }
  }

  async listClusterSecrets(): Promise<KubeObject[]> {
    const list = await this.kube.list('v1', 'Secret', {
      namespace: this.namespace,
      labelSelector: `${SECRET_TYPE_LABEL}=${SECRET_TYPE_CLUSTER}`,
    });
    return list.items;
  }

  async listRepositorySecrets(): Promise<KubeObject[]> {
    const list = await this.kube.list('v1', 'Secret', {
      namespace: this.namespace,
      labelSelector: `${SECRET_TYPE_LABEL} in (${SECRET_TYPE_REPOSITORY},${SECRET_TYPE_REPO_CREDS})`,
    });
    return list.items;
  }

  async listApplications(): Promise<Application[]> {
    return (await this.kube.list<Application>(APPLICATION.apiVersion, APPLICATION.kind, { namespace: this.namespace })).items;
  }

  async listProjectNames(): Promise<Set<string>> {
    const list = await this.kube.list(PROJECT.apiVersion, PROJECT.kind, { namespace: this.namespace });
    return new Set(list.items.map((p) => p.metadata?.name ?? ''));
  }

  async createApplication(app: Application): Promise<void> {
    await this.kube.create({ ...app, metadata: { ...app.metadata, namespace: this.namespace } });
  }

  async patchApplication(name: string, patch: JsonObject): Promise<void> {
    await this.kube.patch(this.ref(APPLICATION, name), patch, 'merge');
  }

  async deleteApplication(name: string): Promise<void> {
    try {
      await this.kube.delete(this.ref(APPLICATION, name));
    } catch (err) {
      if (!(err instanceof KubeApiError && err.code === 404)) throw err;
    }
  }

  async setAppSetFinalizer(appSet: ApplicationSet, finalizer: string, present: boolean): Promise<void> {
    const current = appSet.metadata.finalizers ?? [];
    if (current.includes(finalizer) === present) return;
    const finalizers = present ? [...current, finalizer] : current.filter((f) => f !== finalizer);
    // A merge patch replaces the whole list: the resourceVersion makes the API server refuse it if the list moved meanwhile.
    const metadata = { resourceVersion: appSet.metadata.resourceVersion, finalizers };
    try {
      await this.kube.patch(this.ref(APPSET, appSet.metadata.name), { metadata }, 'merge');
    } catch (err) {
      if (!(err instanceof KubeApiError && err.code === 404)) throw err;
    }
  }

  async removeAppSetRefresh(name: string): Promise<void> {
    try {
      await this.kube.patch(this.ref(APPSET, name), { metadata: { annotations: { [APPSET_REFRESH_ANNOTATION]: null } } }, 'merge');
    } catch (err) {
      if (!(err instanceof KubeApiError && err.code === 404)) throw err;
    }
  }

  async patchAppSetStatus(name: string, status: AppSetStatusPatch): Promise<void> {
    try {
      await this.kube.patch(this.ref(APPSET, name), { status }, 'merge', { subresource: 'status' });
    } catch (err) {
      // Deleted while we reconciled it: nothing left to report on.
      if (!(err instanceof KubeApiError && err.code === 404)) throw err;
    }
  }

  private ref(type: { apiVersion: string; kind: string }, name: string): KubeObject {
    return { ...type, metadata: { name, namespace: this.namespace } };
  }
}
