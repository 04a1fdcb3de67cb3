// Original file: proto/repocreds/repocreds.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

/**
 * creds: Argo's RepoCreds (url, username, password, sshPrivateKey, tlsClientCertData, …).
 */
export interface RepoCredsCreateRequest {
  creds?: _flotilla_JsonObject | null;
  upsert?: boolean;
}

/**
 * creds: Argo's RepoCreds (url, username, password, sshPrivateKey, tlsClientCertData, …).
 */
export interface RepoCredsCreateRequest__Output {
  creds: _flotilla_JsonObject__Output | null;
  upsert: boolean;
}
