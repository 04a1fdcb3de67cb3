// The named types time.Time's methods return: time.Duration (int64 nanoseconds, printed as "1h2m3s"),
// time.Month and time.Weekday (ints printed as names) and *time.Location. They are integers to eq,
// printf %d, toJson and Sprig's arithmetic, and Stringers to %v and to printing.
import { durationString } from './fmt/duration';
import { GoInt, type GoTime } from './values';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export class GoDuration extends GoInt {
  static goType = 'time.Duration';
  /** Exact nanoseconds (n is the same as a float, exact to 2^53). */
  constructor(readonly ns: bigint) {
    super(Number(ns), 'int64');
  }
  String(): string {
    return durationString(this.ns);
  }
}

export class GoMonth extends GoInt {
  static goType = 'time.Month';
  constructor(n: number) {
    super(n, 'int');
  }
  String(): string {
    return this.n >= 1 && this.n <= 12 ? MONTHS[this.n - 1] : `%!Month(${this.n})`;
  }
}

export class GoWeekday extends GoInt {
  static goType = 'time.Weekday';
  constructor(n: number) {
    super(n, 'int');
  }
  String(): string {
    return this.n >= 0 && this.n <= 6 ? DAYS[this.n] : `%!Weekday(${this.n})`;
  }
}

/** A *time.Location: the zone its times are shown in, and its name ("Local" unless the zone names one). */
export class GoLocation {
  static goType = '*time.Location';
  static goMethods = { String: { params: [] } };
  constructor(readonly zone: GoTime['zone']) {}
  String(): string {
    return this.zone.location ?? 'Local';
  }
}
