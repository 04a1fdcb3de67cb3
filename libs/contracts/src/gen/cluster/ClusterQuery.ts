// Original file: proto/cluster/cluster.proto

import type { ClusterID as _cluster_ClusterID, ClusterID__Output as _cluster_ClusterID__Output } from '../cluster/ClusterID';

export interface ClusterQuery {
  server?: string;
  name?: string;
  id?: _cluster_ClusterID | null;
  _server?: 'server';
  _name?: 'name';
}

export interface ClusterQuery__Output {
  server?: string;
  name?: string;
  id: _cluster_ClusterID__Output | null;
  _server?: 'server';
  _name?: 'name';
}
