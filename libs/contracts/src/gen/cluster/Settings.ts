// Original file: proto/settings/settings.proto

export interface Settings {
  url?: string;
  appLabelKey?: string;
  trackingMethod?: string;
  statusBadgeEnabled?: boolean;
  controllerNamespace?: string;
  kustomizeVersions?: string[];
  userLoginsDisabled?: string;
}

export interface Settings__Output {
  url: string;
  appLabelKey: string;
  trackingMethod: string;
  statusBadgeEnabled: boolean;
  controllerNamespace: string;
  kustomizeVersions: string[];
  userLoginsDisabled: string;
}
