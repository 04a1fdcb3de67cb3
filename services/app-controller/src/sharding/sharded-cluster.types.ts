/** A cluster as Argo's sharding algorithms see it. */
export interface ShardedCluster {
  server: string;
  /** The cluster Secret's uid (Argo's cluster ID); '' for in-cluster when no Secret describes it. */
  id: string;
}
