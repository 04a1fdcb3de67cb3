// `app set`'s sync policy flags beyond app create's: --allow-empty and the retry strategy
// (--sync-retry-limit with its backoff), applied as argocd's SetAppSpecOptions applies them.
import type { ApplicationSpec } from '@flotilla/api-types';
import { InvalidArgumentError } from 'commander';
import { AppSpecError } from './app-spec.builder';

export interface SyncPolicyFlags {
  allowEmpty?: boolean;
  syncRetryLimit?: number;
  /** Go durations, already in Go's String() form. */
  syncRetryBackoffDuration?: string;
  syncRetryBackoffMaxDuration?: string;
  syncRetryBackoffFactor?: number;
}

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** time.ParseDuration, in nanoseconds. */
export function parseGoDuration(text: string): number {
  const m = /^([-+]?)(.*)$/s.exec(text)!;
  let rest = m[2];
  if (rest === '0') return 0;
  if (rest === '') throw new Error(`time: invalid duration "${text}"`);
  let total = 0;
  while (rest !== '') {
    const part = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/.exec(rest);
    if (!part) throw new Error(rest.match(/^(\d+\.?\d*|\.\d+)/) ? `time: missing unit in duration "${text}"` : `time: invalid duration "${text}"`);
    total += Number(part[1]) * UNIT_NS[part[2]];
    rest = rest.slice(part[0].length);
  }
  return Math.round(m[1] === '-' ? -total : total);
}

/** time.Duration.String(): "5s", "3m0s", "1h0m0s", "1.5s", "500ms". */
export function goDurationString(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  const abs = Math.abs(ns);
  if (abs < 1e3) return `${sign}${abs}ns`;
  if (abs < 1e6) return `${sign}${abs / 1e3}µs`;
  if (abs < 1e9) return `${sign}${abs / 1e6}ms`;
  const hours = Math.floor(abs / 3600e9);
  const minutes = Math.floor((abs % 3600e9) / 60e9);
  const seconds = (abs % 60e9) / 1e9;
  return `${sign}${hours > 0 ? `${hours}h` : ''}${hours > 0 || minutes > 0 ? `${minutes}m` : ''}${seconds}s`;
}

/** A commander parser for a duration flag: Go's spelling, normalised as Go prints it. */
export function goDurationFlag(value: string): string {
  try {
    return goDurationString(parseGoDuration(value));
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

/** Applies --allow-empty and the retry flags to `spec` in place. */
export function applySetSyncPolicy(spec: ApplicationSpec, f: SyncPolicyFlags): void {
  if (f.allowEmpty !== undefined) {
    const policy = (spec.syncPolicy ??= {});
    // As for --auto-prune: recorded on a manual app, automation staying off.
    policy.automated ??= { enabled: false };
    policy.automated.allowEmpty = f.allowEmpty;
  }
  if (f.syncRetryLimit === undefined) return;
  if (f.syncRetryLimit < 0) throw new AppSpecError(`Invalid sync-retry-limit [${f.syncRetryLimit}]`);
  if (f.syncRetryLimit === 0) {
    if (spec.syncPolicy) delete spec.syncPolicy.retry;
    if (spec.syncPolicy && Object.keys(spec.syncPolicy).length === 0) delete spec.syncPolicy;
    return;
  }
  spec.syncPolicy = {
    ...spec.syncPolicy,
    retry: {
      limit: f.syncRetryLimit,
      backoff: { duration: f.syncRetryBackoffDuration ?? '5s', maxDuration: f.syncRetryBackoffMaxDuration ?? '3m0s', factor: f.syncRetryBackoffFactor ?? 2 },
    },
  };
}
