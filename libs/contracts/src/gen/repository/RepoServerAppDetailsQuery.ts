// Original file: proto/reposerver/reposerver.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface RepoServerAppDetailsQuery {
  repo?: _flotilla_JsonObject | null;
  source?: _flotilla_JsonObject | null;
  appName?: string;
  noCache?: boolean;
}

export interface RepoServerAppDetailsQuery__Output {
  repo: _flotilla_JsonObject__Output | null;
  source: _flotilla_JsonObject__Output | null;
  appName: string;
  noCache: boolean;
}
