// argoproj.io/v1alpha1 AppProject: which sources, destinations and kinds Applications may use.
import type { ObjectMeta } from './kube-object.types';

export interface AppProject {
  apiVersion: 'argoproj.io/v1alpha1';
  kind: 'AppProject';
  metadata: ObjectMeta & { name: string };
  spec: AppProjectSpec;
}

export interface GroupKind {
  group: string;
  kind: string;
}

export interface AppProjectSpec {
  description?: string;
  sourceRepos?: string[];
  destinations?: { server?: string; name?: string; namespace?: string }[];
  clusterResourceWhitelist?: GroupKind[];
  clusterResourceBlacklist?: GroupKind[];
  namespaceResourceWhitelist?: GroupKind[];
  namespaceResourceBlacklist?: GroupKind[];
  sourceNamespaces?: string[];
  roles?: { name: string; description?: string; policies?: string[]; groups?: string[] }[];
  syncWindows?: unknown[];
  /** Present (even `{}`), apps of the project list their destination namespace's orphaned resources. */
  orphanedResources?: OrphanedResourcesMonitorSettings;
  /** GnuPG keys (IDs of keys in argocd-gpg-keys-cm) one of which must have signed the commit an app syncs to. */
  signatureKeys?: SignatureKey[];
}

export interface OrphanedResourcesMonitorSettings {
  /** Whether apps with orphaned resources get an OrphanedResourceWarning condition; unset means true. */
  warn?: boolean;
  /** Resources never reported; an empty kind or name matches any, each field a glob. */
  ignore?: { group?: string; kind?: string; name?: string }[];
}

export interface SignatureKey {
  /** A long key ID (16 hex digits) or a fingerprint (40). */
  keyID: string;
}

/** The project every Argo CD installation has; Flotilla creates it at start when missing. */
export const DEFAULT_PROJECT = 'default';
