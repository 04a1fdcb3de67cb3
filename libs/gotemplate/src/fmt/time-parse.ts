// time.ParseInLocation with Local = UTC, as Go 1.19 (same results, same ParseError texts).
import { GoTime } from '../values';
import { fromBytes, isDigitAt, nextStdChunk, type Std, toBytes } from './layout';

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
/** Local (UTC here): the zone of times parsed without one. */
export const UTC = { name: 'UTC', offsetSeconds: 0 };
/** time.UTC itself, the location of times parsed with a `Z`. */
export const UTC_LOCATION = { name: 'UTC', offsetSeconds: 0, location: 'UTC' };

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (m: number, y: number): number => (m === 2 && isLeap(y) ? 29 : DAYS_BEFORE[m] - DAYS_BEFORE[m - 1]);

/** Byte-wise quote of the time package (non-ASCII and control bytes as \xNN). */
function quoteBytes(b: string): string {
  let out = '"';
  for (const ch of b) {
    const c = ch.charCodeAt(0);
    if (c >= 0x80 || c < 0x20) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch === '"' || ch === '\\' ? '\\' + ch : ch;
  }
  return out + '"';
}

/** A bad field; rest is the value left when Go had already consumed the field's bytes. */
class Bad extends Error {
  constructor(readonly rest?: string) {
    super('bad value for field');
  }
}
const BAD = new Bad();
const consumed = <T>(rest: string, fn: () => T): T => {
  try {
    return fn();
  } catch {
    throw new Bad(rest);
  }
};

function parseError(layout: string, value: string, elem: string, valueElem: string, msg: string): Error {
  if (msg === '') return new Error(`parsing time ${quoteBytes(value)} as ${quoteBytes(layout)}: cannot parse ${quoteBytes(valueElem)} as ${quoteBytes(elem)}`);
  return new Error(`parsing time ${quoteBytes(value)}${msg}`);
}

function leadingInt(s: string): [number, string] {
  let i = 0;
  let x = 0;
  for (; isDigitAt(s, i); i++) {
    if (x > 2 ** 63 / 10) throw BAD;
    x = x * 10 + s.charCodeAt(i) - 48;
  }
  return [x, s.slice(i)];
}
function atoi(s: string): number {
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const [q, rem] = leadingInt(s);
  if (rem !== '') throw BAD;
  return neg ? -q : q;
}
function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigitAt(s, 0)) throw BAD;
  if (!isDigitAt(s, 1)) {
    if (fixed) throw BAD;
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48, s.slice(2)];
}
function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + s.charCodeAt(i) - 48;
  if (i === 0 || (fixed && i !== 3)) throw BAD;
  return [n, s.slice(i)];
}
function lookup(tab: string[], val: string): [number, string] {
  const i = tab.findIndex((v) => val.length >= v.length && val.slice(0, v.length).toLowerCase() === v.toLowerCase());
  if (i < 0) throw BAD;
  return [i, val.slice(tab[i].length)];
}
function skip(value: string, prefix: string): string {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') throw BAD;
      prefix = prefix.replace(/^ +/, '');
      value = value.replace(/^ +/, '');
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) throw BAD;
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}
function parseNanoseconds(value: string, nbytes: number): [number, string] {
  if (value[0] !== '.' && value[0] !== ',') throw BAD;
  if (nbytes > 10) nbytes = 10;
  const ns = atoi(value.slice(1, nbytes));
  if (ns < 0) return [0, 'fractional second'];
  return [ns * 10 ** (10 - nbytes), ''];
}
function parseSignedOffset(value: string): number {
  if (value[0] !== '-' && value[0] !== '+') return 0;
  try {
    const [x, rem] = leadingInt(value.slice(1));
    if (value.slice(1) === rem || x > 23) return 0;
    return value.length - rem.length;
  } catch {
    return 0;
  }
}
function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return value.length === 3 ? 3 : 3 + parseSignedOffset(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return parseSignedOffset(value);
  let n = 0;
  while (n < 6 && n < value.length && value[n] >= 'A' && value[n] <= 'Z') n++;
  if (n === 3) return 3;
  if (n === 4 && (value[3] === 'T' || value.startsWith('WITA'))) return 4;
  if (n === 5 && value[4] === 'T') return 5;
  return 0;
}

/** Go's time.Date for in-range fields: UTC wall clock minus the zone offset. */
export function goDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ns: number, zone = UTC, offset = zone.offsetSeconds): GoTime {
  const dt = new Date(0);
  dt.setUTCFullYear(y, mo - 1, d);
  dt.setUTCHours(h, mi, s, 0);
  return new GoTime(dt.getTime() - offset * 1000 + Math.floor(ns / 1e6), ns % 1e6, zone);
}

interface Fields { year: number; month: number; day: number; yday: number; hour: number; min: number; sec: number; nsec: number; am: boolean; pm: boolean; utc: boolean; zoneOffset: number; zoneName: string }

function parseTz(std: Std, value: string, f: Fields): string {
  if ((std === 'ISO8601TZ' || std === 'ISO8601ShortTZ' || std === 'ISO8601ColonTZ') && value[0] === 'Z') {
    f.utc = true;
    return value.slice(1);
  }
  const colon = std === 'ISO8601ColonTZ' || std === 'NumColonTZ';
  const short = std === 'NumShortTZ' || std === 'ISO8601ShortTZ';
  const colonSecs = std === 'ISO8601ColonSecondsTZ' || std === 'NumColonSecondsTZ';
  const secs = std === 'ISO8601SecondsTZ' || std === 'NumSecondsTz';
  const need = colon ? 6 : short ? 3 : colonSecs ? 9 : secs ? 7 : 5;
  if (value.length < need) throw BAD;
  if ((colon || colonSecs) && value[3] !== ':') throw BAD;
  if (colonSecs && value[6] !== ':') throw BAD;
  const hh = value.slice(1, 3);
  const mm = short ? '00' : colon || colonSecs ? value.slice(4, 6) : value.slice(3, 5);
  const ss = colonSecs ? value.slice(7, 9) : secs ? value.slice(5, 7) : '00';
  const rest = value.slice(need);
  const off = consumed(rest, () => (atoi(hh) * 60 + atoi(mm)) * 60 + atoi(ss));
  if (value[0] !== '+' && value[0] !== '-') throw new Bad(rest);
  f.zoneOffset = value[0] === '-' ? -off : off;
  return rest;
}

function parseElem(std: Std, digits: number, layoutRest: string, value: string, f: Fields): [string, string] {
  let range = '';
  let n: number;
  switch (std) {
    case 'Year': {
      if (value.length < 2) throw BAD;
      f.year = atoi(value.slice(0, 2));
      f.year += f.year >= 69 ? 1900 : 2000;
      return [value.slice(2), range];
    }
    case 'LongYear':
      if (value.length < 4 || !isDigitAt(value, 0)) throw BAD;
      f.year = consumed(value.slice(4), () => atoi(value.slice(0, 4)));
      return [value.slice(4), range];
    case 'Month': case 'LongMonth':
      [n, value] = lookup(std === 'Month' ? SHORT_MONTHS : LONG_MONTHS, value);
      f.month = n + 1;
      return [value, range];
    case 'NumMonth': case 'ZeroMonth':
      [f.month, value] = getnum(value, std === 'ZeroMonth');
      return [value, f.month <= 0 || f.month > 12 ? 'month' : ''];
    case 'WeekDay': case 'LongWeekDay':
      return [lookup(std === 'WeekDay' ? SHORT_DAYS : LONG_DAYS, value)[1], range];
    case 'Day': case 'UnderDay': case 'ZeroDay':
      if (std === 'UnderDay' && value[0] === ' ') value = value.slice(1);
      [f.day, value] = getnum(value, std === 'ZeroDay');
      return [value, range];
    case 'UnderYearDay': case 'ZeroYearDay':
      for (let i = 0; i < 2; i++) if (std === 'UnderYearDay' && value[0] === ' ') value = value.slice(1);
      [f.yday, value] = getnum3(value, std === 'ZeroYearDay');
      return [value, range];
    case 'Hour':
      [f.hour, value] = getnum(value, false);
      return [value, f.hour >= 24 ? 'hour' : ''];
    case 'Hour12': case 'ZeroHour12':
      [f.hour, value] = getnum(value, std === 'ZeroHour12');
      return [value, f.hour > 12 ? 'hour' : ''];
    case 'Minute': case 'ZeroMinute':
      [f.min, value] = getnum(value, std === 'ZeroMinute');
      return [value, f.min >= 60 ? 'minute' : ''];
    case 'Second': case 'ZeroSecond': {
      [f.sec, value] = getnum(value, std === 'ZeroSecond');
      if (f.sec >= 60) return [value, 'second'];
      if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
        const next = nextStdChunk(layoutRest).std;
        if (next === 'FracSecond0' || next === 'FracSecond9') return [value, range];
        let k = 2;
        while (isDigitAt(value, k)) k++;
        [f.nsec, range] = parseNanoseconds(value, k);
        value = value.slice(k);
      }
      return [value, range];
    }
    case 'PM': case 'pm': {
      if (value.length < 2) throw BAD;
      const p = value.slice(0, 2);
      const [pmS, amS] = std === 'PM' ? ['PM', 'AM'] : ['pm', 'am'];
      if (p === pmS) f.pm = true;
      else if (p === amS) f.am = true;
      else throw new Bad(value.slice(2));
      return [value.slice(2), range];
    }
    case 'TZ': {
      if (value.startsWith('UTC')) {
        f.utc = true;
        return [value.slice(3), range];
      }
      const len = parseTimeZone(value);
      if (len === 0) throw BAD;
      f.zoneName = value.slice(0, len);
      return [value.slice(len), range];
    }
    case 'FracSecond0': {
      const nd = 1 + digits;
      if (value.length < nd) throw BAD;
      [f.nsec, range] = consumed(value.slice(nd), () => parseNanoseconds(value, nd));
      return [value.slice(nd), range];
    }
    case 'FracSecond9': {
      if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isDigitAt(value, 1)) return [value, range];
      let i = 0;
      while (i < 9 && isDigitAt(value, i + 1)) i++;
      [f.nsec, range] = parseNanoseconds(value, 1 + i);
      return [value.slice(1 + i), range];
    }
  }
  return [parseTz(std, value, f), range];
}

function dayFromYday(f: Fields): string {
  let yday = f.yday;
  let m = 0;
  let d = 0;
  if (isLeap(f.year)) {
    if (yday === 60) [m, d] = [2, 29];
    else if (yday > 60) yday--;
  }
  if (yday < 1 || yday > 365) return ': day-of-year out of range';
  if (m === 0) {
    m = Math.floor((yday - 1) / 31) + 1;
    if (DAYS_BEFORE[m] < yday) m++;
    d = yday - DAYS_BEFORE[m - 1];
  }
  if (f.month >= 0 && f.month !== m) return ': day-of-year does not match month';
  f.month = m;
  if (f.day >= 0 && f.day !== d) return ': day-of-year does not match day';
  f.day = d;
  return '';
}

/** time.ParseInLocation(layout, value, time.Local) with Local = UTC; throws Go's ParseError text. */
export function parseTime(layoutStr: string, valueStr: string): GoTime {
  const alayout = toBytes(layoutStr);
  const avalue = toBytes(valueStr);
  let layout = alayout;
  let value = avalue;
  const f: Fields = { year: 0, month: -1, day: -1, yday: -1, hour: 0, min: 0, sec: 0, nsec: 0, am: false, pm: false, utc: false, zoneOffset: -1, zoneName: '' };
  for (;;) {
    const { prefix, std, digits, suffix } = nextStdChunk(layout);
    const stdstr = layout.slice(prefix.length, layout.length - suffix.length);
    try {
      value = skip(value, prefix);
    } catch {
      throw parseError(alayout, avalue, prefix, value, '');
    }
    if (std === undefined) {
      if (value.length !== 0) throw parseError(alayout, avalue, '', value, ': extra text: ' + quoteBytes(value));
      break;
    }
    layout = suffix;
    let range = '';
    try {
      [value, range] = parseElem(std, digits, layout, value, f);
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      throw parseError(alayout, avalue, stdstr, e.rest ?? value, '');
    }
    if (range !== '') throw parseError(alayout, avalue, stdstr, value, `: ${range} out of range`);
  }
  if (f.pm && f.hour < 12) f.hour += 12;
  else if (f.am && f.hour === 12) f.hour = 0;
  if (f.yday >= 0) {
    const msg = dayFromYday(f);
    if (msg) throw parseError(alayout, avalue, '', value, msg);
  } else {
    if (f.month < 0) f.month = 1;
    if (f.day < 0) f.day = 1;
  }
  if (f.day < 1 || f.day > daysIn(f.month, f.year)) throw parseError(alayout, avalue, '', value, ': day out of range');
  const mk = (zone: GoTime['zone'], offset = zone.offsetSeconds): GoTime =>
    goDate(f.year, f.month, f.day, f.hour, f.min, f.sec, f.nsec, zone, offset);
  const name = fromBytes(f.zoneName);
  // A zone matching Local's (UTC) gives Local; any other becomes a fixed zone named as written.
  if (f.utc) return mk(UTC_LOCATION);
  if (f.zoneOffset !== -1) {
    if (f.zoneOffset === 0 && (name === '' || name === 'UTC')) return mk(UTC);
    return mk({ name, offsetSeconds: f.zoneOffset, location: name });
  }
  if (name !== '') {
    if (name === 'UTC') return mk(UTC, 0);
    const gmt = name.length > 3 && name.startsWith('GMT') ? atoi(f.zoneName.slice(3)) * 3600 : 0;
    return mk({ name, offsetSeconds: gmt, location: name }, 0);
  }
  return mk(UTC);
}
