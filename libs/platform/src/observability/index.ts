export { createLogger, REDACTED_FIELDS } from './logger.factory';
export type { Logger } from './logger.factory';
export { PinoNestLogger } from './nest-logger.adapter';
export { MetricsRegistry } from './metrics.registry';
export { ScrapeSnapshot } from './scrape.snapshot';
export type { ScrapeSnapshotOptions } from './scrape.snapshot';
export { startTracing, tracer } from './tracing.provider';
export type { Tracing, TracingOptions } from './tracing.provider';
