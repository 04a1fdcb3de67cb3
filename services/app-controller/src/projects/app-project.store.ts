// The control-plane namespace's AppProjects, watched, so each render knows without a hub read
// whether the app's project requires signed commits (spec.signatureKeys). A change of a project's
// signatureKeys compares every app again: apps may become verified, or refused.
import { ARGO_API_VERSION, type AppProject, type SignatureKey } from '@flotilla/api-types';
import { Informer, type KubeClient } from '@flotilla/platform';
import { jsonEqual } from '../status/merge-patch';

export class AppProjectStore {
  private readonly projects: Informer<AppProject>;

  /** onSignatureKeysChanged is called with the project's name when its signatureKeys (or orphanedResources) change after the first list. */
  constructor(
    hub: KubeClient,
    private readonly namespace: string,
    onSignatureKeysChanged: (project: string) => void,
  ) {
    this.projects = new Informer<AppProject>(hub, { apiVersion: ARGO_API_VERSION, kind: 'AppProject', namespace });
    const changed = (project: AppProject): void => {
      if (this.projects.synced) onSignatureKeysChanged(project.metadata.name);
    };
    // A project without keys or orphanedResources coming or going changes no verification and no orphans.
    this.projects.on('add', (project) => matters(project) && changed(project));
    // orphanedResources decides each app's orphaned nodes and warning: a change compares them again too.
    this.projects.on(
      'update',
      (before, after) =>
        (!jsonEqual(keysOf(before), keysOf(after)) ||
          !jsonEqual(before.spec?.orphanedResources ?? null, after.spec?.orphanedResources ?? null)) &&
        changed(after),
    );
    this.projects.on('delete', (project) => matters(project) && changed(project));
  }

  start(): Promise<void> {
    return this.projects.start();
  }

  stop(): Promise<void> {
    return this.projects.stop();
  }

  get synced(): boolean {
    return this.projects.synced;
  }

  /** The project as last listed or watched; undefined when it does not exist. */
  project(name: string): AppProject | undefined {
    return this.projects.get(name, this.namespace);
  }

  /** The project's signatureKeys; empty when it has none or does not exist. */
  signatureKeys(project: string): SignatureKey[] {
    return keysOf(this.projects.get(project, this.namespace));
  }
}

const matters = (project: AppProject): boolean => keysOf(project).length > 0 || project.spec?.orphanedResources !== undefined;

const keysOf = (project: AppProject | undefined): SignatureKey[] => {
  const keys: unknown = project?.spec?.signatureKeys;
  return Array.isArray(keys) ? keys.filter((k): k is SignatureKey => typeof (k as SignatureKey | null)?.keyID === 'string') : [];
};
