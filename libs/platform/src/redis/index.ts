export { RedisClient } from './redis.client';
export { DEFAULT_SENTINEL_MASTER, maskSecrets, redisConnection, type RedisConnection } from './redis-connection';
export { LeaderElection, type LeaderElectionOptions, type LeadershipHandlers } from './leader-election';
