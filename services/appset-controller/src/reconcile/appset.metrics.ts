// Prometheus metrics of ApplicationSet reconciles.
import type { MetricsRegistry } from '@flotilla/platform';
import type { Counter, Histogram } from 'prom-client';
import type { ReconcileResult } from './appset.reconciler';

export class AppSetMetrics {
  private readonly total: Counter<'result'>;
  private readonly duration: Histogram<'result'>;

  constructor(registry: MetricsRegistry) {
    this.total = registry.counter({
      name: 'flotilla_appset_reconcile_total',
      help: 'ApplicationSet reconciles by result',
      labelNames: ['result'],
    });
    this.duration = registry.histogram({
      name: 'flotilla_appset_reconcile_duration_seconds',
      help: 'Time one ApplicationSet reconcile takes',
      labelNames: ['result'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
  }

  observe(result: ReconcileResult, seconds: number): void {
    this.total.inc({ result });
    this.duration.observe({ result }, seconds);
  }
}
