// Original file: proto/application/application.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface ApplicationServerSideDiffResponse {
  /**
   * Argo's ResourceDiff objects, as JSON.
   */
  items?: _flotilla_JsonObject[];
  modified?: boolean;
}

export interface ApplicationServerSideDiffResponse__Output {
  /**
   * Argo's ResourceDiff objects, as JSON.
   */
  items: _flotilla_JsonObject__Output[];
  modified: boolean;
}
