// Original file: proto/repository/repository.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

/**
 * Argo's RepoAppDetailsResponse (named apart from repo-server's, which shares the package): the type, and the details of that type (Argo's HelmAppSpec,
 * KustomizeAppSpec, DirectoryAppSpec, PluginAppSpec), each as JSON.
 */
export interface AppDetailsResponse {
  type?: string;
  helm?: _flotilla_JsonObject | null;
  kustomize?: _flotilla_JsonObject | null;
  directory?: _flotilla_JsonObject | null;
  plugin?: _flotilla_JsonObject | null;
}

/**
 * Argo's RepoAppDetailsResponse (named apart from repo-server's, which shares the package): the type, and the details of that type (Argo's HelmAppSpec,
 * KustomizeAppSpec, DirectoryAppSpec, PluginAppSpec), each as JSON.
 */
export interface AppDetailsResponse__Output {
  type: string;
  helm: _flotilla_JsonObject__Output | null;
  kustomize: _flotilla_JsonObject__Output | null;
  directory: _flotilla_JsonObject__Output | null;
  plugin: _flotilla_JsonObject__Output | null;
}
