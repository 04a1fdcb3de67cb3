export { RedisClient } from './redis.client';
export { LeaderElection, type LeaderElectionOptions, type LeadershipHandlers } from './leader-election';
