// Original file: proto/applicationset/applicationset.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

/**
 * Argo's ApplicationSetGenerateRequest: the ApplicationSet to run the generators and template of.
 */
export interface ApplicationSetGenerateRequest {
  applicationSet?: _flotilla_JsonObject | null;
}

/**
 * Argo's ApplicationSetGenerateRequest: the ApplicationSet to run the generators and template of.
 */
export interface ApplicationSetGenerateRequest__Output {
  applicationSet: _flotilla_JsonObject__Output | null;
}
