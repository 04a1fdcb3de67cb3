// What the reconciler reads from and writes to the hub's Kubernetes API, in the control-plane namespace.
import type { Application, ApplicationSet, ApplicationSetStatus, KubeObject } from '@flotilla/api-types';
import type { GeneratorHub, JsonObject } from '@flotilla/appset';

export interface AppSetHub {
  getAppSet(name: string): Promise<ApplicationSet | undefined>;
  /** Secrets labelled argocd.argoproj.io/secret-type=cluster. */
  listClusterSecrets(): Promise<KubeObject[]>;
  /** Secrets labelled argocd.argoproj.io/secret-type=repository or repo-creds. */
  listRepositorySecrets(): Promise<KubeObject[]>;
  listApplications(): Promise<Application[]>;
  listProjectNames(): Promise<Set<string>>;
  createApplication(app: Application): Promise<void>;
  /** A JSON merge patch on the Application. */
  patchApplication(name: string, patch: JsonObject): Promise<void>;
  deleteApplication(name: string): Promise<void>;
  /**
   * Adds (`present`) or removes a finalizer on the ApplicationSet, at `appSet`'s resourceVersion so a
   * concurrent change to the list fails (and is retried) instead of being overwritten. Gone is no error.
   */
  setAppSetFinalizer(appSet: ApplicationSet, finalizer: string, present: boolean): Promise<void>;
  /** Drops the application-set-refresh annotation once the refresh it asked for is done. */
  removeAppSetRefresh(name: string): Promise<void>;
  /** Read-only access to the namespace for generators (token Secrets, plugin ConfigMaps, duck-typed resources). */
  generatorHub(): GeneratorHub;
  /** Replaces status.conditions / status.resources / status.applicationStatus (null removes it) through the status subresource. */
  patchAppSetStatus(name: string, status: AppSetStatusPatch): Promise<void>;
}

export type AppSetStatusPatch = Omit<ApplicationSetStatus, 'applicationStatus'> & {
  resourcesCount?: number;
  applicationStatus?: ApplicationSetStatus['applicationStatus'] | null;
};
