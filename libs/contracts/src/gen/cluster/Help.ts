// Original file: proto/settings/settings.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface Help {
  chatUrl?: string;
  chatText?: string;
  /**
   * Platform (linux-amd64, darwin-arm64, …) to the URL the CLI binary downloads from.
   */
  binaryUrls?: _flotilla_JsonObject | null;
}

export interface Help__Output {
  chatUrl: string;
  chatText: string;
  /**
   * Platform (linux-amd64, darwin-arm64, …) to the URL the CLI binary downloads from.
   */
  binaryUrls: _flotilla_JsonObject__Output | null;
}
