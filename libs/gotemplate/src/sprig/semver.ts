// Masterminds/semver v3.2.0 as Sprig 3.2.3 uses it: NewVersion, the Version methods templates call,
// and constraint checking (^ ~ x-ranges, hyphen ranges, ||, prerelease rules).
import { GoInt } from '../values';

const SEMVER = String.raw`v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const VERSION_RE = new RegExp(`^${SEMVER}$`);
const NUM = /^[0-9]*$/;
const ALLOWED = /^[0-9A-Za-z-]*$/;
const MAX_U64 = (1n << 64n) - 1n;

/** strconv.ParseUint(s, 10, 64) for a digit string. */
function parseU64(s: string): bigint {
  const n = BigInt(s);
  if (n > MAX_U64) throw new Error(`Error parsing version segment: strconv.ParseUint: parsing "${s}": value out of range`);
  return n;
}

function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (NUM.test(part)) {
      if (part.length > 1 && part[0] === '0') throw new Error('Version segment starts with 0');
    } else if (!ALLOWED.test(part)) throw new Error('Invalid Prerelease string');
  }
}
function validateMetadata(m: string): void {
  for (const part of m.split('.')) if (!ALLOWED.test(part)) throw new Error('Invalid Metadata string');
}

/** *semver.Version. */
export class Version {
  static readonly goType = '*semver.Version';
  static readonly goUnexported = ['major', 'minor', 'patch', 'pre', 'metadata', 'original'];
  static readonly goMethods = {
    Compare: { params: ['*semver.Version'] }, LessThan: { params: ['*semver.Version'] },
    GreaterThan: { params: ['*semver.Version'] }, Equal: { params: ['*semver.Version'] },
    SetPrerelease: { params: ['string'] }, SetMetadata: { params: ['string'] },
    ...Object.fromEntries(['String', 'Original', 'Major', 'Minor', 'Patch', 'Prerelease', 'Metadata', 'IncMajor', 'IncMinor', 'IncPatch', 'MarshalJSON'].map((m) => [m, { params: [] }])),
  };

  // Unexported, as in Go: templates see only the methods, not the fields.
  readonly #v: { major: bigint; minor: bigint; patch: bigint; pre: string; metadata: string; original: string };

  constructor(major: bigint, minor: bigint, patch: bigint, pre: string, metadata: string, original: string) {
    this.#v = { major, minor, patch, pre, metadata, original };
  }

  static parse(v: string): Version {
    const m = VERSION_RE.exec(v);
    if (!m) throw new Error('Invalid Semantic Version');
    const seg = (s: string | undefined): bigint => (s ? parseU64(s.replace(/^\./, '')) : 0n);
    const sv = new Version(seg(m[1]), seg(m[2]), seg(m[3]), m[5] ?? '', m[8] ?? '', v);
    if (sv.Prerelease() !== '') validatePrerelease(sv.Prerelease());
    if (sv.Metadata() !== '') validateMetadata(sv.Metadata());
    return sv;
  }

  String(): string {
    return `${this.#v.major}.${this.#v.minor}.${this.#v.patch}${this.#v.pre ? '-' + this.#v.pre : ''}${this.#v.metadata ? '+' + this.#v.metadata : ''}`;
  }
  Original(): string {
    return this.#v.original;
  }
  Major(): GoInt {
    return new GoInt(Number(this.#v.major), 'uint64');
  }
  Minor(): GoInt {
    return new GoInt(Number(this.#v.minor), 'uint64');
  }
  Patch(): GoInt {
    return new GoInt(Number(this.#v.patch), 'uint64');
  }
  Prerelease(): string {
    return this.#v.pre;
  }
  Metadata(): string {
    return this.#v.metadata;
  }
  MarshalJSON(): Uint8Array {
    return new Uint8Array(Buffer.from(JSON.stringify(this.String())));
  }
  private next(major: bigint, minor: bigint, patch: bigint, pre: string, metadata: string): Version {
    const v = new Version(major, minor, patch, pre, metadata, '');
    const prefix = this.#v.original.startsWith('v') ? 'v' : '';
    return new Version(major, minor, patch, pre, metadata, prefix + v.String());
  }
  IncPatch(): Version {
    return this.next(this.#v.major, this.#v.minor, this.#v.pre !== '' ? this.#v.patch : this.#v.patch + 1n, '', '');
  }
  IncMinor(): Version {
    return this.next(this.#v.major, this.#v.minor + 1n, 0n, '', '');
  }
  IncMajor(): Version {
    return this.next(this.#v.major + 1n, 0n, 0n, '', '');
  }
  SetPrerelease(p: string): Version {
    if (p.length > 0) validatePrerelease(p);
    return this.next(this.#v.major, this.#v.minor, this.#v.patch, p, this.#v.metadata);
  }
  SetMetadata(m: string): Version {
    if (m.length > 0) validateMetadata(m);
    return this.next(this.#v.major, this.#v.minor, this.#v.patch, this.#v.pre, m);
  }
  Compare(o: Version): GoInt {
    return new GoInt(compare(this, o));
  }
  LessThan(o: Version): boolean {
    return compare(this, o) < 0;
  }
  GreaterThan(o: Version): boolean {
    return compare(this, o) > 0;
  }
  Equal(o: Version): boolean {
    return compare(this, o) === 0;
  }

  /** The numbers and prerelease, for constraint checks (static: not a method templates can call). */
  static partsOf(v: Version): { major: bigint; minor: bigint; patch: bigint; pre: string } {
    return { major: v.#v.major, minor: v.#v.minor, patch: v.#v.patch, pre: v.#v.pre };
  }
}

const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

export function compare(v: Version, o: Version): number {
  const a = Version.partsOf(v);
  const b = Version.partsOf(o);
  const d = cmp(a.major, b.major) || cmp(a.minor, b.minor) || cmp(a.patch, b.patch);
  if (d !== 0) return d;
  if (a.pre === '' && b.pre === '') return 0;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  return comparePrerelease(a.pre, b.pre);
}

export function comparePrerelease(v: string, o: string): number {
  const sp = v.split('.');
  const op = o.split('.');
  for (let i = 0; i < Math.max(sp.length, op.length); i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const isU64 = (x: string): boolean => /^[0-9]+$/.test(x) && BigInt(x) <= MAX_U64;
  const oNum = isU64(o);
  const sNum = isU64(s);
  if (!oNum && !sNum) return s > o ? 1 : -1;
  if (!oNum) return -1;
  if (!sNum) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}
