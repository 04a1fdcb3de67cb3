import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { PlatformConfig } from '../config';
import { createLogger, MetricsRegistry, PinoNestLogger, startTracing, Tracing } from '../observability';
import { QueueFactory } from '../queue';
import { RedisClient } from '../redis';
import { LOGGER, PLATFORM_OPTIONS } from './platform.tokens';
import { ReadinessChecks } from './readiness.checks';

export interface PlatformOptions {
  /** The service name: the `service` field of logs and label of metrics. */
  service: string;
  config: PlatformConfig;
}

/** Shuts tracing down last, after every span of the shutdown itself has ended. */
export class TracingLifecycle implements OnApplicationShutdown {
  constructor(readonly tracing: Tracing) {}
  async onApplicationShutdown(): Promise<void> {
    await this.tracing.shutdown();
  }
}

/** Logger, metrics, tracing, readiness, Redis and queues for every provider of a service. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { service, config } = options;
    return {
      module: PlatformModule,
      global: true,
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: LOGGER, useFactory: () => createLogger(service, config.FLOTILLA_LOG_LEVEL) },
        { provide: PinoNestLogger, useFactory: (logger: Logger) => new PinoNestLogger(logger), inject: [LOGGER] },
        { provide: MetricsRegistry, useFactory: () => new MetricsRegistry(service) },
        { provide: TracingLifecycle, useFactory: () => new TracingLifecycle(startTracing({ service, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT })) },
        ReadinessChecks,
        {
          provide: RedisClient,
          useFactory: (logger: Logger, readiness: ReadinessChecks) => {
            const redis = new RedisClient(config, logger);
            readiness.register('redis', () => redis.checkReady());
            return redis;
          },
          inject: [LOGGER, ReadinessChecks],
        },
        {
          provide: QueueFactory,
          useFactory: (connection: RedisClient, logger: Logger, metrics: MetricsRegistry) => new QueueFactory({ connection, prefix: config.FLOTILLA_QUEUE_PREFIX, logger, metrics }),
          inject: [RedisClient, LOGGER, MetricsRegistry],
        },
      ],
      exports: [PLATFORM_OPTIONS, LOGGER, PinoNestLogger, MetricsRegistry, TracingLifecycle, ReadinessChecks, RedisClient, QueueFactory],
    };
  }
}
