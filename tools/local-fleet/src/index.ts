export { startLocalFleet, guestbookApplicationSet, runCli, NAMESPACE, DEFAULT_SPOKES } from './local-fleet';
export type { LocalFleet, LocalFleetOptions, CliResult } from './local-fleet';
export { ExampleRepo, GUESTBOOK_FILES, GUESTBOOK_IMAGE, guestbookDeployment, guestbookFiles } from './example.repo';
export { ServiceProcess } from './service-process';
export type { ServiceName, SupervisionOptions } from './service-process';
export { ensureRedis, listening } from './redis.process';
