// Sprig's date functions (Local is UTC here: Flotilla's controllers run in UTC).
import { durationString, NS, parseDuration, roundDuration, toInt64 } from '../fmt/duration';
import { formatLayout } from '../fmt/time';
import { goDate, parseTime } from '../fmt/time-parse';
import { loadLocation, zoneAt } from '../fmt/zones';
import { GoInt, GoTime } from '../values';
import type { GoFunc } from '../exec/types';

const now = (): GoTime => new GoTime(Date.now());
const A = 'interface {}';

const isInt = (v: unknown, ...kinds: string[]): v is GoInt => v instanceof GoInt && kinds.includes(v.kind);

/** time.Time as int64 nanoseconds since the epoch, and back (keeping the zone). */
export const nanosOf = (t: GoTime): bigint => BigInt(t.ms) * 1_000_000n + BigInt(t.nanos);
export function fromNanos(n: bigint, zone: GoTime['zone']): GoTime {
  const ms = n >= 0n ? n / 1_000_000n : -((-n + 999_999n) / 1_000_000n);
  return new GoTime(Number(ms), Number(n - ms * 1_000_000n), zone);
}
const since = (t: GoTime): bigint => toInt64(nanosOf(now()) - nanosOf(t));

function dateInZone(layout: string, d: unknown, zone: string): string {
  let t: GoTime;
  if (d instanceof GoTime) t = d;
  else if (isInt(d, 'int', 'int64', 'int32')) t = new GoTime(d.n * 1000);
  else t = now();
  const loc = loadLocation(zone) ?? loadLocation('UTC')!;
  return formatLayout(new GoTime(t.ms, t.nanos, zoneAt(loc, t.ms)), layout);
}

function dateModify(d: string, t: GoTime): GoTime {
  try {
    return mustDateModify(d, t);
  } catch {
    return t;
  }
}
const mustDateModify = (d: string, t: GoTime): GoTime => fromNanos(nanosOf(t) + parseDuration(d), t.zone);

function ago(d: unknown): string {
  let t = now();
  if (d instanceof GoTime) t = d;
  else if (isInt(d, 'int', 'int64')) t = new GoTime(d.n * 1000);
  return durationString(roundDuration(since(t), NS.s));
}

/** strconv.ParseInt(s, 10, 64), ignoring the error as Sprig does (range errors clamp). */
function parseInt64(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
  const n = BigInt(s);
  const max = (1n << 63n) - 1n;
  return n > max ? max : n < -max - 1n ? -max - 1n : n;
}

function duration(sec: unknown): string {
  let n = 0n;
  if (typeof sec === 'string') n = parseInt64(sec);
  else if (isInt(sec, 'int64')) n = BigInt(sec.n);
  return durationString(toInt64(n * NS.s));
}

function durationRound(v: unknown): string {
  let d = 0n;
  if (typeof v === 'string') {
    try {
      d = parseDuration(v);
    } catch {
      d = 0n;
    }
  } else if (isInt(v, 'int64')) d = BigInt(v.n);
  else if (v instanceof GoTime) d = since(v);
  const u = d < 0n ? -d : d;
  const units: [bigint, string][] = [
    [NS.h * 24n * 365n, 'y'], [NS.h * 24n * 30n, 'mo'], [NS.h * 24n, 'd'], [NS.h, 'h'], [NS.m, 'm'], [NS.s, 's'],
  ];
  for (const [size, name] of units) if (u > size) return `${u / size}${name}`;
  return '0s';
}

const ZERO_TIME = goDate(1, 1, 1, 0, 0, 0, 0);
function toDate(layout: string, s: string): GoTime {
  try {
    return parseTime(layout, s);
  } catch {
    return ZERO_TIME;
  }
}

export function dateFuncs(): Record<string, GoFunc> {
  const date = (layout: string, d: unknown): string => dateInZone(layout, d, 'Local');
  const inZone: GoFunc = { fn: dateInZone, params: ['string', A, 'string'] };
  const modify: GoFunc = { fn: dateModify, params: ['string', 'time.Time'] };
  const mustModify: GoFunc = { fn: mustDateModify, params: ['string', 'time.Time'] };
  return {
    now: { fn: now, params: [] },
    date: { fn: date, params: ['string', A] },
    dateInZone: inZone,
    date_in_zone: inZone,
    htmlDate: { fn: (d: unknown) => date('2006-01-02', d), params: [A] },
    htmlDateInZone: { fn: (d: unknown, z: string) => dateInZone('2006-01-02', d, z), params: [A, 'string'] },
    unixEpoch: { fn: (t: GoTime) => String(Math.floor(t.ms / 1000)), params: ['time.Time'] },
    dateModify: modify,
    date_modify: modify,
    mustDateModify: mustModify,
    must_date_modify: mustModify,
    ago: { fn: ago, params: [A] },
    duration: { fn: duration, params: [A] },
    durationRound: { fn: durationRound, params: [A] },
    toDate: { fn: toDate, params: ['string', 'string'] },
    mustToDate: { fn: parseTime, params: ['string', 'string'] },
  };
}
