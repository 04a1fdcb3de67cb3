export { bootstrapService, runService } from './service.bootstrap';
export type { BootstrapOptions, HttpHandler, RunningService } from './service.bootstrap';
export { PlatformModule, TracingLifecycle } from './platform.module';
export type { PlatformOptions } from './platform.module';
export { InjectLogger, LOGGER, PLATFORM_OPTIONS } from './platform.tokens';
export { ReadinessChecks } from './readiness.checks';
export type { ReadinessCheck, ReadinessResult } from './readiness.checks';
export { startOpsServer } from './ops-http.server';
export type { OpsServer } from './ops-http.server';
