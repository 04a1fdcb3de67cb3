// Methods callable on built-in value types from templates (time.Time).
import { formatLayout } from '../fmt/time';
import { GoInt, GoTime } from '../values';
import type { GoFunc } from './types';

export function timeMethod(t: GoTime, name: string): GoFunc | undefined {
  switch (name) {
    case 'Unix': return { fn: () => new GoInt(Math.floor(t.ms / 1000), 'int64'), params: [] };
    case 'UnixNano': return { fn: () => new GoInt(t.ms * 1e6 + t.nanos, 'int64'), params: [] };
    case 'Year': return { fn: () => new GoInt(new Date(t.ms + t.zone.offsetSeconds * 1000).getUTCFullYear()), params: [] };
    case 'Format': return { fn: (layout: string) => formatLayout(t, layout), params: ['string'] };
    case 'UTC': return { fn: () => new GoTime(t.ms, t.nanos), params: [] };
    case 'String': return { fn: () => formatLayout(t, '2006-01-02 15:04:05.999999999 -0700 MST'), params: [] };
  }
  return undefined;
}
