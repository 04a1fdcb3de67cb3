// strconv.FormatFloat for float64: exact decimal expansion, round-half-even, Go's layouts.

interface Decimal { d: string; dp: number } // digits without trailing zeros; value = 0.d × 10^dp

function trimZeros(d: string, dp: number): Decimal {
  let end = d.length;
  while (end > 0 && d[end - 1] === '0') end--;
  let start = 0;
  while (start < end && d[start] === '0') start++;
  return start === end ? { d: '', dp: 0 } : { d: d.slice(start, end), dp: dp - start };
}

/** The exact decimal value of a finite, non-negative double. */
function exactDecimal(v: number): Decimal {
  if (v === 0) return { d: '', dp: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, v);
  const bits = buf.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp = expBits - 1075;
  if (expBits === 0) exp = -1074;
  else mant |= 1n << 52n;
  if (exp >= 0) {
    const s = (mant << BigInt(exp)).toString();
    return trimZeros(s, s.length);
  }
  // mant / 2^-exp = mant × 5^-exp / 10^-exp
  const s = (mant * 5n ** BigInt(-exp)).toString();
  return trimZeros(s, s.length + exp);
}

/** Shortest digits that round-trip (JS and Go agree on these). */
function shortestDecimal(v: number): Decimal {
  if (v === 0) return { d: '', dp: 0 };
  const [mant, e] = v.toExponential().split('e');
  return trimZeros(mant.replace('.', ''), Number(e) + 1);
}

function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0) return { d: '', dp: 0 };
  if (nd >= a.d.length) return a;
  let up = a.d[nd] > '5' || (a.d[nd] === '5' && nd + 1 < a.d.length);
  if (a.d[nd] === '5' && nd + 1 === a.d.length) up = nd > 0 && Number(a.d[nd - 1]) % 2 === 1;
  if (!up) return trimZeros(a.d.slice(0, nd), a.dp);
  const digits = a.d.slice(0, nd).split('').map(Number);
  let i = nd - 1;
  while (i >= 0 && digits[i] === 9) i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  digits[i]++;
  return trimZeros(digits.slice(0, i + 1).join(''), a.dp);
}

function fmtE(neg: boolean, a: Decimal, prec: number, e: string): string {
  let s = neg ? '-' : '';
  s += a.d.length > 0 ? a.d[0] : '0';
  if (prec > 0) s += '.' + a.d.slice(1, 1 + prec).padEnd(prec, '0');
  const exp = a.d.length === 0 ? 0 : a.dp - 1;
  const ae = Math.abs(exp);
  return s + e + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
}

function fmtF(neg: boolean, a: Decimal, prec: number): string {
  let s = neg ? '-' : '';
  if (a.dp > 0) s += a.d.slice(0, a.dp).padEnd(a.dp, '0');
  else s += '0';
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) {
      const j = a.dp + i - 1;
      s += j >= 0 && j < a.d.length ? a.d[j] : '0';
    }
  }
  return s;
}

/** strconv.FormatFloat(v, fmt, prec, 64) for fmt in e E f F g G. */
export function formatFloat(v: number, fmt: string, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const abs = Math.abs(v);
  const shortest = prec < 0;
  let digs: Decimal;
  if (shortest) {
    digs = shortestDecimal(abs);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(digs.d.length - 1, 0);
    else if (fmt === 'f' || fmt === 'F') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = exactDecimal(abs);
    if (fmt === 'e' || fmt === 'E') digs = roundDecimal(exact, prec + 1);
    else if (fmt === 'f' || fmt === 'F') digs = roundDecimal(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = roundDecimal(exact, prec);
    }
  }
  switch (fmt) {
    case 'e': case 'E': return fmtE(neg, digs, prec, fmt);
    case 'f': case 'F': return fmtF(neg, digs, prec);
  }
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (digs.d.length === 0) return neg ? '-0' : '0';
  if (exp < -4 || exp >= eprec) {
    if (prec > digs.d.length) prec = digs.d.length;
    return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = digs.d.length;
  return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}

const MASK64 = (1n << 64n) - 1n;

/** A float64's sign, integer mantissa (with the implicit bit) and binary exponent, as strconv splits it. */
function floatBits(v: number): { neg: boolean; mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  return { neg, mant, exp: exp - 1023 };
}

/** strconv.FormatFloat(v, 'b', -1, 64): decimal mantissa, binary exponent ("4503599627370496p-52"). */
export function formatFloatBinary(v: number): string {
  if (!Number.isFinite(v)) return formatFloat(v, 'g', -1);
  const { neg, mant, exp } = floatBits(v);
  const e = exp - 52;
  return `${neg ? '-' : ''}${mant}p${e >= 0 ? '+' : ''}${e}`;
}

/** strconv.FormatFloat(v, 'x' or 'X', prec, 64): "0x1.8p+01", the mantissa rounded to prec hex digits. */
export function formatFloatHex(v: number, fmt: 'x' | 'X', prec: number): string {
  if (!Number.isFinite(v)) return formatFloat(v, 'g', -1);
  const bits = floatBits(v);
  let { mant, exp } = bits;
  if (mant === 0n) exp = 0;
  mant = (mant << 8n) & MASK64; // the leading 1 at bit 60
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant = (mant << 1n) & MASK64;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant = (mant << (60n - shift)) & MASK64;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const digit = (d: bigint): string => (fmt === 'X' ? d.toString(16).toUpperCase() : d.toString(16));
  let s = `${bits.neg ? '-' : ''}0${fmt}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & MASK64;
  if ((prec < 0 && mant !== 0n) || prec > 0) {
    s += '.';
    for (let i = 0; prec < 0 ? mant !== 0n : i < prec; i++) {
      s += digit((mant >> 60n) & 15n);
      mant = (mant << 4n) & MASK64;
    }
  }
  const e = Math.abs(exp);
  return `${s}${fmt === 'X' ? 'P' : 'p'}${exp < 0 ? '-' : '+'}${String(e).padStart(2, '0')}`;
}
