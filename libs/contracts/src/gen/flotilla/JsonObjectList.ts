// Original file: proto/flotilla/json.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface JsonObjectList {
  items?: _flotilla_JsonObject[];
  /**
   * List metadata (resourceVersion), as JSON.
   */
  metadata?: _flotilla_JsonObject | null;
}

export interface JsonObjectList__Output {
  items: _flotilla_JsonObject__Output[];
  /**
   * List metadata (resourceVersion), as JSON.
   */
  metadata: _flotilla_JsonObject__Output | null;
}
