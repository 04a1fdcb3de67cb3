// Original file: proto/reposerver/reposerver.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface RevisionMetadataRequest {
  repo?: _flotilla_JsonObject | null;
  /**
   * A full or abbreviated commit SHA: branches and tags are refused, as Argo's repo-server refuses them.
   */
  revision?: string;
  /**
   * The app's project lists signatureKeys: add git's raw verification output as signatureInfo.
   */
  checkSignature?: boolean;
}

export interface RevisionMetadataRequest__Output {
  repo: _flotilla_JsonObject__Output | null;
  /**
   * A full or abbreviated commit SHA: branches and tags are refused, as Argo's repo-server refuses them.
   */
  revision: string;
  /**
   * The app's project lists signatureKeys: add git's raw verification output as signatureInfo.
   */
  checkSignature: boolean;
}
