// time.Duration: ParseDuration, String and Round, as Go 1.19 (int64 nanoseconds, held as bigint).

export const NS = { us: 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);
const UNITS: Record<string, bigint> = { ns: 1n, us: NS.us, 'µs': NS.us, 'μs': NS.us, ms: NS.ms, s: NS.s, m: NS.m, h: NS.h };

/** The time package's quote: ASCII kept (with \" and \\), other bytes as \xNN. */
export function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of Buffer.from(ch, 'utf8')) out += '\\x' + b.toString(16).padStart(2, '0');
    } else out += ch === '"' || ch === '\\' ? '\\' + ch : ch;
  }
  return out + '"';
}

function leadingInt(s: string): [bigint, string] | undefined {
  let x = 0n;
  let i = 0;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    if (x > (1n << 63n) / 10n) return undefined;
    x = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (x > 1n << 63n) return undefined;
  }
  return [x, s.slice(i)];
}

function leadingFraction(s: string): [bigint, number, string] {
  let x = 0n;
  let scale = 1;
  let overflow = false;
  let i = 0;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    if (overflow) continue;
    if (x > MAX / 10n) {
      overflow = true;
      continue;
    }
    const y = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (y > 1n << 63n) {
      overflow = true;
      continue;
    }
    x = y;
    scale *= 10;
  }
  return [x, scale, s.slice(i)];
}

/** time.ParseDuration; throws Go's error text. */
export function parseDuration(orig: string): bigint {
  const invalid = (): Error => new Error('time: invalid duration ' + timeQuote(orig));
  let s = orig;
  let d = 0n;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) throw invalid();
    const pl = s.length;
    const li = leadingInt(s);
    if (!li) throw invalid();
    let v = li[0];
    s = li[1];
    const pre = pl !== s.length;
    let post = false;
    let f = 0n;
    let scale = 1;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      const pl2 = s.length;
      [f, scale, s] = leadingFraction(s);
      post = pl2 !== s.length;
    }
    if (!pre && !post) throw invalid();
    let i = 0;
    while (i < s.length && !(s[i] === '.' || (s[i] >= '0' && s[i] <= '9'))) i++;
    if (i === 0) throw new Error('time: missing unit in duration ' + timeQuote(orig));
    const u = s.slice(0, i);
    s = s.slice(i);
    const unit = UNITS[u];
    if (unit === undefined) throw new Error('time: unknown unit ' + timeQuote(u) + ' in duration ' + timeQuote(orig));
    if (v > (1n << 63n) / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > 1n << 63n) throw invalid();
    }
    d += v;
    if (d > 1n << 63n) throw invalid();
  }
  if (neg) return -d;
  if (d > MAX) throw invalid();
  return d;
}

function frac(u: bigint, prec: number): [string, bigint] {
  const p = 10n ** BigInt(prec);
  const digits = (u % p).toString().padStart(prec, '0').replace(/0+$/, '');
  return [digits === '' ? '' : '.' + digits, u / p];
}

/** time.Duration.String: "1h2m3.5s", "1.5ms", "0s". */
export function durationString(d: bigint): string {
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < NS.s) {
    if (u === 0n) return '0s';
    const [unit, prec] = u < NS.us ? ['ns', 0] : u < NS.ms ? ['µs', 3] : ['ms', 6];
    const [f, whole] = frac(u, prec);
    out = `${whole}${f}${unit}`;
  } else {
    const [f, secs] = frac(u, 9);
    u = secs;
    out = `${u % 60n}${f}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m` + out;
      u /= 60n;
      if (u > 0n) out = `${u}h` + out;
    }
  }
  return neg ? '-' + out : out;
}

/** time.Duration.Round. */
export function roundDuration(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  const lessThanHalf = (x: bigint): boolean => x + x < m;
  if (d < 0n) {
    r = -r;
    if (lessThanHalf(r)) return d + r;
    const d1 = d - m + r;
    return d1 < d && d1 >= MIN ? d1 : MIN;
  }
  if (lessThanHalf(r)) return d - r;
  const d1 = d + m - r;
  return d1 > d && d1 <= MAX ? d1 : MAX;
}

/** Wraps to int64 as Go's arithmetic does. */
export const toInt64 = (n: bigint): bigint => BigInt.asIntN(64, n);
