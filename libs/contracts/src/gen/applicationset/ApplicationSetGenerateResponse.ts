// Original file: proto/applicationset/applicationset.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

/**
 * The Applications the spec would produce, none of them created.
 */
export interface ApplicationSetGenerateResponse {
  applications?: _flotilla_JsonObject[];
}

/**
 * The Applications the spec would produce, none of them created.
 */
export interface ApplicationSetGenerateResponse__Output {
  applications: _flotilla_JsonObject__Output[];
}
