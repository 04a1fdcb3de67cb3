// Original file: proto/settings/settings.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';
import type {
  GoogleAnalyticsConfig as _cluster_GoogleAnalyticsConfig,
  GoogleAnalyticsConfig__Output as _cluster_GoogleAnalyticsConfig__Output,
} from '../cluster/GoogleAnalyticsConfig';
import type { Help as _cluster_Help, Help__Output as _cluster_Help__Output } from '../cluster/Help';
import type { Plugin as _cluster_Plugin, Plugin__Output as _cluster_Plugin__Output } from '../cluster/Plugin';

export interface Settings {
  url?: string;
  /**
   * DexConfig: connectors (name, type, id) and dexAuthConnectorID.
   */
  dexConfig?: _flotilla_JsonObject | null;
  /**
   * OIDCConfig: name, issuer, clientID, cliClientID, scopes, idTokenClaims, enablePKCEAuthentication.
   */
  oidcConfig?: _flotilla_JsonObject | null;
  appLabelKey?: string;
  /**
   * group/Kind (or group_Kind) to ResourceOverride, as argocd-cm's resource.customizations give them.
   */
  resourceOverrides?: _flotilla_JsonObject | null;
  statusBadgeEnabled?: boolean;
  googleAnalytics?: _cluster_GoogleAnalyticsConfig | null;
  /**
   * KustomizeOptions: buildOptions.
   */
  kustomizeOptions?: _flotilla_JsonObject | null;
  help?: _cluster_Help | null;
  plugins?: _cluster_Plugin[];
  userLoginsDisabled?: boolean;
  kustomizeVersions?: string[];
  uiCssURL?: string;
  uiBannerContent?: string;
  uiBannerURL?: string;
  passwordPattern?: string;
  trackingMethod?: string;
  uiBannerPermanent?: boolean;
  uiBannerPosition?: string;
  statusBadgeRootUrl?: string;
  execEnabled?: boolean;
  controllerNamespace?: string;
  appsInAnyNamespaceEnabled?: boolean;
  impersonationEnabled?: boolean;
  installationID?: string;
  additionalUrls?: string[];
  hydratorEnabled?: boolean;
  syncWithReplaceAllowed?: boolean;
  uiLoginButtonText?: string;
  resourceViewEnabled?: boolean;
}

export interface Settings__Output {
  url: string;
  /**
   * DexConfig: connectors (name, type, id) and dexAuthConnectorID.
   */
  dexConfig: _flotilla_JsonObject__Output | null;
  /**
   * OIDCConfig: name, issuer, clientID, cliClientID, scopes, idTokenClaims, enablePKCEAuthentication.
   */
  oidcConfig: _flotilla_JsonObject__Output | null;
  appLabelKey: string;
  /**
   * group/Kind (or group_Kind) to ResourceOverride, as argocd-cm's resource.customizations give them.
   */
  resourceOverrides: _flotilla_JsonObject__Output | null;
  statusBadgeEnabled: boolean;
  googleAnalytics: _cluster_GoogleAnalyticsConfig__Output | null;
  /**
   * KustomizeOptions: buildOptions.
   */
  kustomizeOptions: _flotilla_JsonObject__Output | null;
  help: _cluster_Help__Output | null;
  plugins: _cluster_Plugin__Output[];
  userLoginsDisabled: boolean;
  kustomizeVersions: string[];
  uiCssURL: string;
  uiBannerContent: string;
  uiBannerURL: string;
  passwordPattern: string;
  trackingMethod: string;
  uiBannerPermanent: boolean;
  uiBannerPosition: string;
  statusBadgeRootUrl: string;
  execEnabled: boolean;
  controllerNamespace: string;
  appsInAnyNamespaceEnabled: boolean;
  impersonationEnabled: boolean;
  installationID: string;
  additionalUrls: string[];
  hydratorEnabled: boolean;
  syncWithReplaceAllowed: boolean;
  uiLoginButtonText: string;
  resourceViewEnabled: boolean;
}
