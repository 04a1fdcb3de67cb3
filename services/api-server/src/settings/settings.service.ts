import type { ArgoSettingsStore } from './argo-settings.store';
import { INSTANCE_LABEL } from '@flotilla/api-types';

export interface PublicSettings {
  url: string;
  appLabelKey: string;
  trackingMethod: string;
  statusBadgeEnabled: boolean;
  controllerNamespace: string;
  kustomizeVersions: string[];
  userLoginsDisabled: string;
}

/** The settings a client may read before logging in, from argocd-cm (server/settings in argo-cd). */
export class SettingsService {
  constructor(
    private readonly settings: ArgoSettingsStore,
    private readonly namespace: string,
  ) {}

  async get(): Promise<PublicSettings> {
    const cm = await this.settings.argocdCm();
    const accounts = [...(await this.settings.accounts()).values()];
    const canLogIn = accounts.some((a) => a.enabled && a.capabilities.includes('login'));
    return {
      url: cm.url ?? '',
      appLabelKey: cm['application.instanceLabelKey'] || INSTANCE_LABEL,
      // Flotilla tracks resources by annotation (argocd.argoproj.io/tracking-id), Argo CD 3's default.
      trackingMethod: cm['application.resourceTrackingMethod'] || 'annotation',
      statusBadgeEnabled: cm['statusbadge.enabled'] === 'true',
      controllerNamespace: this.namespace,
      kustomizeVersions: Object.keys(cm)
        .filter((k) => k.startsWith('kustomize.version.'))
        .map((k) => k.slice('kustomize.version.'.length))
        .sort(),
      userLoginsDisabled: String(!canLogIn),
    };
  }
}
