// Original file: proto/cluster/cluster.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';

export interface ClusterCreateRequest {
  cluster?: _flotilla_JsonObject | null;
  upsert?: boolean;
  _upsert?: 'upsert';
}

export interface ClusterCreateRequest__Output {
  cluster: _flotilla_JsonObject__Output | null;
  upsert?: boolean;
  _upsert?: 'upsert';
}
