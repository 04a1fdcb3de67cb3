export { ConfigError, loadConfig } from './config.loader';
export type { ConfigIssue } from './config.loader';
export { LOG_LEVELS, hubKubeEnv, hubKubeSource, logEnv, namespaceEnv, platformEnv, port, queueEnv, redisEnv, tracingEnv } from './platform-env.config';
export type { HubKubeSource, LogLevel, PlatformConfig, RedisConfig } from './platform-env.config';
