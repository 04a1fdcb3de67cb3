export { assignShards, type RingOptions, type WeightedShard } from './bounded-load.ring';
export { ShardCoordinator, type PublishedAssignment, type ShardCoordinatorOptions, type ShardEvents } from './shard.coordinator';
export { WorkPartitions, partitionOf, readPartitionLeases, type WorkPartitionsOptions } from './work.partitions';
export { leaseKey, publishedShardKeys, readLeaseHolders } from './shard.leases';
export { registerShardMetrics, type ShardMetricsOptions } from './shard.metrics';
