// Methods callable from templates on time.Time and on what its methods return (time.Duration,
// time.Month, time.Weekday; *time.Location has its own String). Go 1.19's method sets: methods with
// two or three results (Date, Clock, Zone…) exist but cannot be called from a template.
import { durationString, roundDuration } from '../fmt/duration';
import { formatLayout } from '../fmt/time';
import { UTC_LOCATION } from '../fmt/time-parse';
import { fromNanos, nanosOf } from '../sprig/dates';
import { GoDuration, GoLocation, GoMonth, GoWeekday } from '../time-values';
import { GoInt, GoTime } from '../values';
import type { GoFunc } from './types';

const MIN_DURATION = -(2n ** 63n);
const MAX_DURATION = 2n ** 63n - 1n;
/** Seconds from Go's zero time (January 1, year 1, UTC) to the Unix epoch. */
const ZERO_TO_UNIX = 62_135_596_800n * 1_000_000_000n;

const fn = (f: (...a: never[]) => unknown, params: string[] = []): GoFunc => ({ fn: f, params });
const int = (n: number, kind: GoInt['kind'] = 'int'): GoInt => new GoInt(n, kind);

/** The wall clock of t in its zone, as a JS Date read with UTC getters. */
const wall = (t: GoTime): Date => new Date(t.ms + t.zone.offsetSeconds * 1000);

function yearDay(d: Date): number {
  const start = new Date(0);
  start.setUTCFullYear(d.getUTCFullYear(), 0, 1);
  return Math.floor((d.getTime() - start.getTime()) / 86_400_000) + 1;
}

/** Time.Truncate and Time.Round work on the time since Go's zero time, not since 1970. */
function roundTime(t: GoTime, d: GoDuration, up: boolean): GoTime {
  if (d.ns <= 0n) return t;
  const ns = nanosOf(t);
  const abs = ns + ZERO_TO_UNIX;
  const r = ((abs % d.ns) + d.ns) % d.ns;
  if (!up || r + r < d.ns) return fromNanos(ns - r, t.zone);
  return fromNanos(ns + (d.ns - r), t.zone);
}

function addDate(t: GoTime, years: GoInt, months: GoInt, days: GoInt): GoTime {
  const w = wall(t);
  const d = new Date(0);
  d.setUTCFullYear(w.getUTCFullYear() + years.n, w.getUTCMonth() + months.n, w.getUTCDate() + days.n);
  d.setUTCHours(w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds());
  return new GoTime(d.getTime() - t.zone.offsetSeconds * 1000, t.nanos, t.zone);
}

function sub(t: GoTime, u: GoTime): GoDuration {
  const d = nanosOf(t) - nanosOf(u);
  return new GoDuration(d < MIN_DURATION ? MIN_DURATION : d > MAX_DURATION ? MAX_DURATION : d);
}

const MULTI_RESULT: Record<string, number> = { Date: 3, Clock: 3, Zone: 2, ISOWeek: 2, ZoneBounds: 2 };

export function timeMethod(t: GoTime, name: string): GoFunc | undefined {
  if (MULTI_RESULT[name] !== undefined) return { fn: () => undefined, params: [], results: MULTI_RESULT[name] };
  const w = wall(t);
  const ns = (): bigint => nanosOf(t);
  switch (name) {
    case 'Year': return fn(() => int(w.getUTCFullYear()));
    case 'Month': return fn(() => new GoMonth(w.getUTCMonth() + 1));
    case 'Day': return fn(() => int(w.getUTCDate()));
    case 'Hour': return fn(() => int(w.getUTCHours()));
    case 'Minute': return fn(() => int(w.getUTCMinutes()));
    case 'Second': return fn(() => int(w.getUTCSeconds()));
    case 'Nanosecond': return fn(() => int((((t.ms % 1000) + 1000) % 1000) * 1e6 + t.nanos));
    case 'YearDay': return fn(() => int(yearDay(w)));
    case 'Weekday': return fn(() => new GoWeekday(w.getUTCDay()));
    case 'Unix': return fn(() => int(Math.floor(t.ms / 1000), 'int64'));
    case 'UnixMilli': return fn(() => int(t.ms, 'int64'));
    case 'UnixMicro': return fn(() => int(Number((ns() - (((ns() % 1000n) + 1000n) % 1000n)) / 1000n), 'int64'));
    case 'UnixNano': return fn(() => int(Number(ns()), 'int64'));
    case 'IsZero': return fn(() => ns() === -ZERO_TO_UNIX);
    case 'IsDST': return fn(() => false);
    case 'Format': return fn((layout: string) => formatLayout(t, layout), ['string']);
    case 'String': return fn(() => formatLayout(t, '2006-01-02 15:04:05.999999999 -0700 MST'));
    case 'UTC': return fn(() => new GoTime(t.ms, t.nanos, UTC_LOCATION));
    case 'Local': return fn(() => new GoTime(t.ms, t.nanos));
    case 'Location': return fn(() => new GoLocation(t.zone));
    case 'In':
      return fn((loc: GoLocation | null) => {
        if (loc === null) throw new Error('time: missing Location in call to Time.In');
        return new GoTime(t.ms, t.nanos, loc.zone);
      }, ['*time.Location']);
    case 'Add': return fn((d: GoDuration) => fromNanos(ns() + d.ns, t.zone), ['time.Duration']);
    case 'Sub': return fn((u: GoTime) => sub(t, u), ['time.Time']);
    case 'AddDate': return fn((y: GoInt, m: GoInt, d: GoInt) => addDate(t, y, m, d), ['int', 'int', 'int']);
    case 'After': return fn((u: GoTime) => ns() > nanosOf(u), ['time.Time']);
    case 'Before': return fn((u: GoTime) => ns() < nanosOf(u), ['time.Time']);
    case 'Equal': return fn((u: GoTime) => ns() === nanosOf(u), ['time.Time']);
    case 'Truncate': return fn((d: GoDuration) => roundTime(t, d, false), ['time.Duration']);
    case 'Round': return fn((d: GoDuration) => roundTime(t, d, true), ['time.Duration']);
  }
  return undefined;
}

/** time.Duration's float conversions: whole units plus the remainder as a fraction, as Go computes them. */
function inUnits(d: bigint, unit: bigint): number {
  return Number(d / unit) + Number(d % unit) / Number(unit);
}

export function durationMethod(d: GoDuration, name: string): GoFunc | undefined {
  switch (name) {
    case 'String': return fn(() => durationString(d.ns));
    case 'Hours': return fn(() => inUnits(d.ns, 3_600_000_000_000n));
    case 'Minutes': return fn(() => inUnits(d.ns, 60_000_000_000n));
    case 'Seconds': return fn(() => inUnits(d.ns, 1_000_000_000n));
    case 'Milliseconds': return fn(() => int(Number(d.ns / 1_000_000n), 'int64'));
    case 'Microseconds': return fn(() => int(Number(d.ns / 1000n), 'int64'));
    case 'Nanoseconds': return fn(() => int(Number(d.ns), 'int64'));
    case 'Round': return fn((m: GoDuration) => new GoDuration(roundDuration(d.ns, m.ns)), ['time.Duration']);
    case 'Truncate': return fn((m: GoDuration) => new GoDuration(m.ns <= 0n ? d.ns : d.ns - (d.ns % m.ns)), ['time.Duration']);
    case 'Abs': return fn(() => new GoDuration(d.ns >= 0n ? d.ns : d.ns === MIN_DURATION ? MAX_DURATION : -d.ns));
  }
  return undefined;
}

/** time.Month and time.Weekday have String only. */
export function namedIntMethod(v: GoMonth | GoWeekday, name: string): GoFunc | undefined {
  return name === 'String' ? fn(() => v.String()) : undefined;
}
