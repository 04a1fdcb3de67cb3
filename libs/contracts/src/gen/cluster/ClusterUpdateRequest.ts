// Original file: proto/cluster/cluster.proto

import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';
import type { ClusterID as _cluster_ClusterID, ClusterID__Output as _cluster_ClusterID__Output } from '../cluster/ClusterID';

/**
 * Argo's ClusterUpdateRequest: with updatedFields, only those fields of `cluster` (name, namespaces,
 * config, shard, clusterResources, labels, annotations, project) replace the stored ones.
 */
export interface ClusterUpdateRequest {
  cluster?: _flotilla_JsonObject | null;
  updatedFields?: string[];
  id?: _cluster_ClusterID | null;
}

/**
 * Argo's ClusterUpdateRequest: with updatedFields, only those fields of `cluster` (name, namespaces,
 * config, shard, clusterResources, labels, annotations, project) replace the stored ones.
 */
export interface ClusterUpdateRequest__Output {
  cluster: _flotilla_JsonObject__Output | null;
  updatedFields: string[];
  id: _cluster_ClusterID__Output | null;
}
