const MACROS: Record<string, string> = { '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *' };
const NAMES: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12, sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const RANGES: Array<[number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 6]];

/** A parsed 5-field cron schedule (minute hour day-of-month month day-of-week), in UTC. */
export interface CronSchedule {
  fields: Array<Set<number>>;
  /** Day-of-month and day-of-week combine with OR when both are restricted, as cron does. */
  domStar: boolean;
  dowStar: boolean;
}

const value = (s: string): number => NAMES[s.toLowerCase()] ?? Number(s);

function parseField(text: string, [lo, hi]: [number, number], field: string): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    const [from, upper] = range === '*' ? [lo, hi] : range.split('-').map(value);
    const to = upper ?? (stepText === undefined ? from : hi);
    if (![from, to, step].every(Number.isInteger) || from < lo || to > hi || from > to || step < 1) throw new Error(`invalid ${field} field "${text}"`);
    for (let v = from; v <= to; v += step) out.add(field === 'day-of-week' && v === 7 ? 0 : v);
  }
  return out;
}

export function parseCron(schedule: string): CronSchedule {
  const text = MACROS[schedule.trim()] ?? schedule.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new Error(`expected exactly 5 fields, found ${parts.length}: ${schedule}`);
  const names = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'];
  const ranges: Array<[number, number]> = RANGES.map((r, i) => (i === 4 ? [0, 7] : r));
  return { fields: parts.map((p, i) => parseField(p, ranges[i], names[i])), domStar: parts[2] === '*', dowStar: parts[4] === '*' };
}

function matches(c: CronSchedule, d: Date): boolean {
  const [min, hour, dom, month, dow] = c.fields;
  if (!min.has(d.getUTCMinutes()) || !hour.has(d.getUTCHours()) || !month.has(d.getUTCMonth() + 1)) return false;
  const domOk = dom.has(d.getUTCDate());
  const dowOk = dow.has(d.getUTCDay());
  if (c.domStar || c.dowStar) return domOk && dowOk;
  return domOk || dowOk;
}

/** The first scheduled minute strictly after `after`. */
export function nextRun(c: CronSchedule, after: Date): Date {
  const t = new Date(Math.floor(after.getTime() / 60_000) * 60_000 + 60_000);
  for (let i = 0; i < 60 * 24 * 366 * 5; i++) {
    if (matches(c, t)) return t;
    t.setTime(t.getTime() + 60_000);
  }
  throw new Error('schedule never runs');
}
