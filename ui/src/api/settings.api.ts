// Argo's /api/v1/settings: what the server tells any logged-in user about its configuration. The
// proto's JsonObject fields (dexConfig, oidcConfig, resourceOverrides, …) arrive as plain JSON.
import { api } from './api.client';

export interface Settings {
  url?: string;
  appLabelKey?: string;
  trackingMethod?: string;
  controllerNamespace?: string;
  passwordPattern?: string;
  statusBadgeEnabled?: boolean;
  userLoginsDisabled?: boolean;
  execEnabled?: boolean;
  appsInAnyNamespaceEnabled?: boolean;
  impersonationEnabled?: boolean;
  hydratorEnabled?: boolean;
  syncWithReplaceAllowed?: boolean;
  resourceViewEnabled?: boolean;
  kustomizeVersions?: string[];
  additionalUrls?: string[];
  uiBannerContent?: string;
  dexConfig?: { connectors?: { name?: string; type?: string; id?: string }[] };
  oidcConfig?: { name?: string; issuer?: string; clientID?: string; scopes?: string[] };
  resourceOverrides?: Record<string, Record<string, unknown>>;
  kustomizeOptions?: { buildOptions?: string };
  plugins?: { name: string }[];
  help?: { chatUrl?: string; chatText?: string; binaryUrls?: Record<string, string> };
  [key: string]: unknown;
}

export const settingsApi = {
  get: () => api.get<Settings>('/api/v1/settings'),
};
