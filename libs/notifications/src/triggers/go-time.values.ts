// Go's time.Time and time.Duration as expr values, so Argo's `time.Now().Sub(time.Parse(x)).Minutes()`
// and `time.Parse(a).Before(time.Parse(b))` evaluate as they do in Argo CD's expression env.

/** Thrown for a call that Go would reject (bad argument, unknown method); the trigger reads it as false. */
export class ExprEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExprEvalError';
  }
}

const NS_PER_MS = 1_000_000;

export class GoDuration {
  constructor(readonly nanoseconds: number) {}

  Hours(): number {
    return this.nanoseconds / 3_600_000_000_000;
  }
  Minutes(): number {
    return this.nanoseconds / 60_000_000_000;
  }
  Seconds(): number {
    return this.nanoseconds / 1_000_000_000;
  }
  Milliseconds(): number {
    return Math.trunc(this.nanoseconds / NS_PER_MS);
  }
  Nanoseconds(): number {
    return this.nanoseconds;
  }
}

export class GoTime {
  constructor(readonly epochMs: number) {}

  Sub(other: unknown): GoDuration {
    return new GoDuration((this.epochMs - asTime(other, 'Sub').epochMs) * NS_PER_MS);
  }
  Add(d: unknown): GoTime {
    if (!(d instanceof GoDuration)) throw new ExprEvalError(`Add expects a duration, got ${typeName(d)}`);
    return new GoTime(this.epochMs + d.nanoseconds / NS_PER_MS);
  }
  Before(other: unknown): boolean {
    return this.epochMs < asTime(other, 'Before').epochMs;
  }
  After(other: unknown): boolean {
    return this.epochMs > asTime(other, 'After').epochMs;
  }
  Equal(other: unknown): boolean {
    return this.epochMs === asTime(other, 'Equal').epochMs;
  }
  Unix(): number {
    return Math.floor(this.epochMs / 1000);
  }
  IsZero(): boolean {
    return this.epochMs === ZERO_TIME_MS;
  }
  Format(): string {
    return new Date(this.epochMs).toISOString().replace(/\.000Z$/, 'Z');
  }
}

/** The methods expr code may call on these values; anything else is an error, as in Go. */
export const METHODS: ReadonlyMap<object, ReadonlySet<string>> = new Map<object, ReadonlySet<string>>([
  [GoTime.prototype, new Set(['Sub', 'Add', 'Before', 'After', 'Equal', 'Unix', 'IsZero', 'Format'])],
  [GoDuration.prototype, new Set(['Hours', 'Minutes', 'Seconds', 'Milliseconds', 'Nanoseconds'])],
]);

// Go's zero time.Time is 0001-01-01T00:00:00Z.
const ZERO_TIME_MS = -62_135_596_800_000;

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Argo's `time.Parse`: RFC 3339 only, anything else is an error. */
export function parseTime(value: unknown): GoTime {
  if (typeof value !== 'string') throw new ExprEvalError(`time.Parse expects an RFC 3339 string, got ${typeName(value)}`);
  const ms = RFC3339.test(value) ? Date.parse(value.toUpperCase()) : NaN;
  if (Number.isNaN(ms)) throw new ExprEvalError(`time.Parse: ${JSON.stringify(value)} is not an RFC 3339 time`);
  return new GoTime(ms);
}

function asTime(value: unknown, method: string): GoTime {
  if (value instanceof GoTime) return value;
  throw new ExprEvalError(`${method} expects a time, got ${typeName(value)}`);
}

export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (value instanceof GoTime) return 'time.Time';
  if (value instanceof GoDuration) return 'time.Duration';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'map' : typeof value;
}

/** Duration constants of Go's time package, for `time.Now().Sub(t) > 5 * time.Minute`. */
export const DURATIONS = {
  Nanosecond: new GoDuration(1),
  Microsecond: new GoDuration(1_000),
  Millisecond: new GoDuration(NS_PER_MS),
  Second: new GoDuration(1_000_000_000),
  Minute: new GoDuration(60_000_000_000),
  Hour: new GoDuration(3_600_000_000_000),
};
