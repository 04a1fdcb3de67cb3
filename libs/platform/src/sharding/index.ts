export { assignShards, type RingOptions, type WeightedShard } from './bounded-load.ring';
export { ShardCoordinator, type PublishedAssignment, type ShardCoordinatorOptions, type ShardEvents } from './shard.coordinator';
export { WorkPartitions, partitionOf, type WorkPartitionsOptions } from './work.partitions';
