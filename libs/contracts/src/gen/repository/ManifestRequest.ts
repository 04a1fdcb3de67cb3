// Original file: proto/reposerver/reposerver.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

/**
 * Where to fetch from and with which credentials (Argo's v1alpha1.Repository, as JSON).
 */
export interface ManifestRequest {
  repo?: _flotilla_JsonObject | null;
  /**
   * The Application's spec.source, as JSON.
   */
  applicationSource?: _flotilla_JsonObject | null;
  /**
   * Overrides applicationSource.targetRevision when set (a sync to a given revision).
   */
  revision?: string;
  appName?: string;
  namespace?: string;
  noCache?: boolean;
  kubeVersion?: string;
  apiVersions?: string[];
  projectName?: string;
  /**
   * Fetch and resolve the revision again instead of trusting the short-lived revision cache.
   */
  noRevisionCache?: boolean;
  /**
   * Multi-source Applications: `ref` alias → {"repo": Repository, "targetRevision": "…"}, for
   * `$alias/path` value files (Argo's RefSources).
   */
  refSources?: { [key: string]: _flotilla_JsonObject };
  /**
   * The app's argocd.argoproj.io/manifest-generate-paths annotation: a new commit that changes
   * nothing under these paths reuses the previous render instead of running a tool.
   */
  manifestGeneratePaths?: string;
  /**
   * The app's project lists signatureKeys: verify the GnuPG signature of the resolved commit (or of
   * the annotated tag the revision names) and return git's raw verification output in verifyResult.
   */
  verifySignature?: boolean;
}

/**
 * Where to fetch from and with which credentials (Argo's v1alpha1.Repository, as JSON).
 */
export interface ManifestRequest__Output {
  repo: _flotilla_JsonObject__Output | null;
  /**
   * The Application's spec.source, as JSON.
   */
  applicationSource: _flotilla_JsonObject__Output | null;
  /**
   * Overrides applicationSource.targetRevision when set (a sync to a given revision).
   */
  revision: string;
  appName: string;
  namespace: string;
  noCache: boolean;
  kubeVersion: string;
  apiVersions: string[];
  projectName: string;
  /**
   * Fetch and resolve the revision again instead of trusting the short-lived revision cache.
   */
  noRevisionCache: boolean;
  /**
   * Multi-source Applications: `ref` alias → {"repo": Repository, "targetRevision": "…"}, for
   * `$alias/path` value files (Argo's RefSources).
   */
  refSources: { [key: string]: _flotilla_JsonObject__Output };
  /**
   * The app's argocd.argoproj.io/manifest-generate-paths annotation: a new commit that changes
   * nothing under these paths reuses the previous render instead of running a tool.
   */
  manifestGeneratePaths: string;
  /**
   * The app's project lists signatureKeys: verify the GnuPG signature of the resolved commit (or of
   * the annotated tag the revision names) and return git's raw verification output in verifyResult.
   */
  verifySignature: boolean;
}
