import { INSTANCE_LABEL } from '@flotilla/api-types';
import { parse as parseYaml } from 'yaml';
import type { ArgoSettingsStore } from './argo-settings.store';
import { resourceOverridesOf } from './resource-overrides';

/** Argo CD's default `passwordPattern` (common.PasswordPatten). */
const DEFAULT_PASSWORD_PATTERN = '^.{8,32}$';
/** The platforms argocd-cm's help.download.<platform> may give a CLI download URL for. */
const BINARY_PLATFORMS = ['darwin-amd64', 'darwin-arm64', 'windows-amd64', 'linux-amd64', 'linux-arm64', 'linux-ppc64le', 'linux-s390x'];

type JsonObjectField = { json: string } | null;

/** Settings as cluster.Settings carries them (the REST gateway leaves zero values out, as Argo's encoding/json does). */
export interface PublicSettings {
  url: string;
  dexConfig: JsonObjectField;
  oidcConfig: JsonObjectField;
  appLabelKey: string;
  /** group/Kind → ResourceOverride, for a logged-in caller only. */
  resourceOverrides: JsonObjectField;
  statusBadgeEnabled: boolean;
  googleAnalytics: { trackingID: string; anonymizeUsers: boolean };
  kustomizeOptions: JsonObjectField;
  help: { chatUrl: string; chatText: string; binaryUrls: JsonObjectField };
  plugins: { name: string }[];
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

const json = (value: unknown): JsonObjectField => (value === undefined ? null : { json: JSON.stringify(value) });

/** A YAML document from argocd-cm, or undefined when it is absent or does not parse (Argo then leaves the field out). */
function yamlOf(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return parseYaml(text) as unknown;
  } catch {
    return undefined;
  }
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** dex.config's connectors as the login screen needs them: names, types and ids, never their secrets. */
function dexConfig(cm: Record<string, string>): JsonObjectField {
  const doc = asRecord(yamlOf(cm['dex.config']));
  if (!doc) return null;
  const connectors = (Array.isArray(doc.connectors) ? doc.connectors : []).map(asRecord).filter((c) => c !== undefined);
  const out: Record<string, unknown> = {};
  if (connectors.length) out.connectors = connectors.map((c) => ({ name: asString(c.name), type: asString(c.type), id: asString(c.id) }));
  const wanted = cm['dex.auth.connectorId'];
  if (wanted && connectors.some((c) => c.id === wanted)) out.dexAuthConnectorID = wanted;
  return json(out);
}

/** oidc.config's public part: the client secret never leaves the server. */
function oidcConfig(cm: Record<string, string>): JsonObjectField {
  const doc = asRecord(yamlOf(cm['oidc.config']));
  if (!doc) return null;
  const scopes = Array.isArray(doc.requestedScopes) ? doc.requestedScopes.filter((s) => typeof s === 'string') : [];
  const claims = asRecord(doc.requestedIDTokenClaims);
  return json({
    name: asString(doc.name),
    issuer: asString(doc.issuer),
    clientID: asString(doc.clientID),
    cliClientID: asString(doc.cliClientID),
    ...(scopes.length ? { scopes } : {}),
    ...(claims && Object.keys(claims).length ? { idTokenClaims: claims } : {}),
    ...(doc.enablePKCEAuthentication === true ? { enablePKCEAuthentication: true } : {}),
  });
}

function additionalUrls(cm: Record<string, string>): string[] {
  const doc = yamlOf(cm.additionalUrls);
  return Array.isArray(doc) ? doc.filter((u): u is string => typeof u === 'string') : [];
}

/** The settings a client may read, from argocd-cm (server/settings in argo-cd); some only for a logged-in caller. */
export class SettingsService {
  constructor(
    private readonly settings: ArgoSettingsStore,
    private readonly namespace: string,
  ) {}

  async get(loggedIn: boolean): Promise<PublicSettings> {
    const cm = await this.settings.argocdCm();
    const accounts = [...(await this.settings.accounts()).values()];
    const canLogIn = accounts.some((a) => a.enabled && a.capabilities.includes('login'));
    const binaryUrls = Object.fromEntries(
      BINARY_PLATFORMS.filter((p) => `help.download.${p}` in cm).map((p) => [p, cm[`help.download.${p}`]]),
    );
    const chatUrl = cm['help.chatUrl'];
    return {
      url: cm.url ?? '',
      dexConfig: dexConfig(cm),
      oidcConfig: oidcConfig(cm),
      appLabelKey: cm['application.instanceLabelKey'] || INSTANCE_LABEL,
      // Argo CD shows argocd-cm's resource customizations only to a logged-in caller.
      resourceOverrides: loggedIn ? json(resourceOverridesOf(cm)) : null,
      statusBadgeEnabled: cm['statusbadge.enabled'] === 'true',
      googleAnalytics: { trackingID: cm['ga.trackingid'] ?? '', anonymizeUsers: cm['ga.anonymizeusers'] !== 'false' },
      kustomizeOptions: json(cm['kustomize.buildOptions'] ? { buildOptions: cm['kustomize.buildOptions'] } : {}),
      help: {
        chatUrl: chatUrl ?? '',
        // Argo's default text goes with a chat URL only.
        chatText: chatUrl === undefined ? '' : (cm['help.chatText'] ?? 'Chat now!'),
        binaryUrls: Object.keys(binaryUrls).length ? json(binaryUrls) : null,
      },
      // Config management plugins run as repo-server sidecars in Argo CD; Flotilla's repo-server has none.
      plugins: [],
      userLoginsDisabled: !canLogIn,
      kustomizeVersions: Object.keys(cm)
        .filter((k) => k.startsWith('kustomize.version.'))
        .map((k) => k.slice('kustomize.version.'.length))
        .sort(),
      uiCssURL: cm['ui.cssurl'] ?? '',
      uiBannerContent: loggedIn ? (cm['ui.bannercontent'] ?? '') : '',
      uiBannerURL: loggedIn ? (cm['ui.bannerurl'] ?? '') : '',
      passwordPattern: loggedIn ? cm.passwordPattern || DEFAULT_PASSWORD_PATTERN : '',
      // Flotilla tracks resources by annotation (argocd.argoproj.io/tracking-id), Argo CD 3's default.
      trackingMethod: cm['application.resourceTrackingMethod'] || 'annotation',
      uiBannerPermanent: loggedIn && cm['ui.bannerpermanent'] === 'true',
      uiBannerPosition: loggedIn ? (cm['ui.bannerposition'] ?? '') : '',
      statusBadgeRootUrl: cm['statusbadge.url'] ?? '',
      execEnabled: cm['exec.enabled'] === 'true',
      // Argo CD tells where its control plane runs only to a logged-in caller.
      controllerNamespace: loggedIn ? this.namespace : '',
      // Flotilla serves Applications in its own namespace only, and has no source hydrator.
      appsInAnyNamespaceEnabled: false,
      impersonationEnabled: cm['application.sync.impersonation.enabled'] === 'true',
      installationID: cm.installationID ?? '',
      additionalUrls: additionalUrls(cm),
      hydratorEnabled: false,
      // argocd-server's --sync-with-replace-allowed defaults to true; Flotilla syncs with Replace=true.
      syncWithReplaceAllowed: true,
      uiLoginButtonText: cm['ui.loginButtonText'] ?? '',
      resourceViewEnabled: cm['ui.view.resources.disabled'] !== 'true',
    };
  }
}
