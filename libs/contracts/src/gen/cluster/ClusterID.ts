// Original file: proto/cluster/cluster.proto

/**
 * Names a cluster by server URL (type "url", the default) or by name (type "name").
 */
export interface ClusterID {
  type?: string;
  value?: string;
  _type?: 'type';
  _value?: 'value';
}

/**
 * Names a cluster by server URL (type "url", the default) or by name (type "name").
 */
export interface ClusterID__Output {
  type?: string;
  value?: string;
  _type?: 'type';
  _value?: 'value';
}
