// Original file: proto/cluster/cluster.proto

export interface ClusterResponse {}

export interface ClusterResponse__Output {}
