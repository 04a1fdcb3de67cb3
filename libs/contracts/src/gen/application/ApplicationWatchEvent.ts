// Original file: proto/application/application.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

/**
 * One change of an Application, as Argo's ApplicationWatchEvent: type is ADDED, MODIFIED or DELETED.
 */
export interface ApplicationWatchEvent {
  type?: string;
  application?: _flotilla_JsonObject | null;
}

/**
 * One change of an Application, as Argo's ApplicationWatchEvent: type is ADDED, MODIFIED or DELETED.
 */
export interface ApplicationWatchEvent__Output {
  type: string;
  application: _flotilla_JsonObject__Output | null;
}
