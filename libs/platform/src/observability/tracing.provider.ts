import { context, propagation, trace, Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  service: string;
  /** OTLP/HTTP collector base URL (OTEL_EXPORTER_OTLP_ENDPOINT); without it spans are created but not exported. */
  otlpEndpoint?: string;
  /** More span processors beside the OTLP one (e.g. a SimpleSpanProcessor over an InMemorySpanExporter in specs). */
  spanProcessors?: SpanProcessor[];
}

export interface Tracing {
  readonly tracer: Tracer;
  shutdown(): Promise<void>;
}

// The OpenTelemetry globals can be registered once per process; later calls share the first provider.
let active: { provider: NodeTracerProvider; service: string } | undefined;

/** Registers the process-wide tracer provider with W3C traceparent propagation and async-hooks context. */
export function startTracing(opts: TracingOptions): Tracing {
  if (!active) {
    const spanProcessors: SpanProcessor[] = [...(opts.spanProcessors ?? [])];
    if (opts.otlpEndpoint) {
      const url = `${opts.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
      spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
    }
    const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': opts.service }), spanProcessors });
    provider.register({ propagator: new W3CTraceContextPropagator() });
    active = { provider, service: opts.service };
  }
  const current = active;
  return {
    tracer: trace.getTracer(opts.service),
    async shutdown() {
      if (active !== current) return;
      active = undefined;
      await current.provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** The tracer for a component; works (as a no-op) before startTracing. */
export function tracer(name = 'flotilla'): Tracer {
  return trace.getTracer(name);
}
