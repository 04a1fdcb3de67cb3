// time.Time formatting with Go reference layouts ("2006-01-02T15:04:05Z07:00").
import { GoTime } from '../values';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Parts { year: number; month: number; day: number; hour: number; min: number; sec: number; nanos: number; wday: number; yday: number }

function parts(t: GoTime): Parts {
  const d = new Date(t.ms + t.zone.offsetSeconds * 1000);
  // Date.UTC would read years 0-99 as 1900-1999.
  const first = new Date(0);
  first.setUTCFullYear(d.getUTCFullYear(), 0, 1);
  const start = first.getTime();
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
    min: d.getUTCMinutes(), sec: d.getUTCSeconds(), nanos: (((t.ms % 1000) + 1000) % 1000) * 1e6 + t.nanos,
    wday: d.getUTCDay(), yday: Math.floor((d.getTime() - start) / 86400000) + 1,
  };
}

// Longest first where one is a prefix of another ("002" day of year before "02" day; "__2" before "_2").
const TOKENS = [
  'January', 'Jan', 'Monday', 'Mon', 'MST', '2006', '002', '01', '02', '03', '04', '05', '06', '__2', '_2', '15',
  'Z07:00:00', '-07:00:00', 'Z070000', '-070000', 'Z07:00', '-07:00', 'Z0700', '-0700', 'Z07', '-07',
  '1', '2', '3', '4', '5', 'PM', 'pm',
];

const p2 = (n: number): string => String(n).padStart(2, '0');

function zoneStr(off: number, tok: string): string {
  if (tok.startsWith('Z') && off === 0) return 'Z';
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const h = p2(Math.floor(a / 3600));
  const m = p2(Math.floor((a % 3600) / 60));
  const s = p2(a % 60);
  const body = tok.replace(/^Z/, '-');
  switch (body) {
    case '-07': return sign + h;
    case '-0700': return sign + h + m;
    case '-07:00': return `${sign}${h}:${m}`;
    case '-070000': return sign + h + m + s;
    default: return `${sign}${h}:${m}:${s}`;
  }
}

function fraction(nanos: number, tok: string): string {
  const digits = tok.length - 1;
  const s = String(nanos).padStart(9, '0').slice(0, digits);
  if (tok[1] === '0') return '.' + s;
  const trimmed = s.replace(/0+$/, '');
  return trimmed === '' ? '' : '.' + trimmed;
}

function token(p: Parts, t: GoTime, tok: string): string {
  switch (tok) {
    case 'January': return MONTHS[p.month - 1];
    case 'Jan': return MONTHS[p.month - 1].slice(0, 3);
    case 'Monday': return DAYS[p.wday];
    case 'Mon': return DAYS[p.wday].slice(0, 3);
    case 'MST': return t.zone.name || zoneStr(t.zone.offsetSeconds, '-0700');
    case '2006': return p.year < 0 ? '-' + String(-p.year).padStart(4, '0') : String(p.year).padStart(4, '0');
    case '__2': return String(p.yday).padStart(3, ' ');
    case '06': return p2(Math.abs(p.year) % 100);
    case '002': return String(p.yday).padStart(3, '0');
    case '01': return p2(p.month);
    case '1': return String(p.month);
    case '02': return p2(p.day);
    case '2': return String(p.day);
    case '_2': return String(p.day).padStart(2, ' ');
    case '15': return p2(p.hour);
    case '03': return p2(p.hour % 12 === 0 ? 12 : p.hour % 12);
    case '3': return String(p.hour % 12 === 0 ? 12 : p.hour % 12);
    case '04': return p2(p.min);
    case '4': return String(p.min);
    case '05': return p2(p.sec);
    case '5': return String(p.sec);
    case 'PM': return p.hour >= 12 ? 'PM' : 'AM';
    case 'pm': return p.hour >= 12 ? 'pm' : 'am';
  }
  return zoneStr(t.zone.offsetSeconds, tok);
}

/** time.Time.Format. */
export function formatLayout(t: GoTime, layout: string): string {
  const p = parts(t);
  let out = '';
  let i = 0;
  while (i < layout.length) {
    const frac = /^[.,](0+|9+)(?![0-9])/.exec(layout.slice(i));
    if (frac) {
      out += fraction(p.nanos, frac[0]).replace(/^[.,]/, (c) => (frac[0][0] === ',' ? ',' : c));
      i += frac[0].length;
      continue;
    }
    const tok = TOKENS.find((k) => layout.startsWith(k, i) && okBoundary(layout, i, k));
    if (tok) {
      out += token(p, t, tok);
      i += tok.length;
    } else out += layout[i++];
  }
  return out;
}

function okBoundary(layout: string, i: number, tok: string): boolean {
  if (tok === 'Jan' || tok === 'Mon') return !/^[a-z]/.test(layout.slice(i + tok.length));
  // "_2006" is a literal "_" and the year, not the space-padded day.
  if (tok === '_2') return !layout.startsWith('_2006', i);
  return true;
}

/** time.Time.String. */
export function formatTime(t: GoTime): string {
  return formatLayout(t, '2006-01-02 15:04:05.999999999 -0700 MST');
}
