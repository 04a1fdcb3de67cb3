// An AppProject's sync windows as Argo CD evaluates them (pkg/apis/application/v1alpha1 SyncWindows):
// which windows an Application is assigned, which are open now, and whether a manual sync may run.
import type { Application, AppProject } from '@flotilla/api-types';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { failedPrecondition, notFound } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import type { ApplicationService } from './application.service';

export interface SyncWindow {
  kind?: string;
  schedule?: string;
  duration?: string;
  applications?: string[];
  namespaces?: string[];
  clusters?: string[];
  manualSync?: boolean;
  timeZone?: string;
  andOperator?: boolean;
}

/** A window the project cannot use: its schedule or duration does not parse. */
export class SyncWindowError extends Error {}

const globMatch = (pattern: string, value: string): boolean =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(value);

/** The windows that apply to the app: by name, cluster or namespace (any of them, or all set ones with andOperator). */
export function matchingWindows(windows: SyncWindow[], app: Application): SyncWindow[] {
  const dest = app.spec?.destination ?? {};
  return windows.filter((w) => {
    const checks: boolean[] = [];
    if (w.applications?.length) checks.push(w.applications.some((p) => globMatch(p, app.metadata.name)));
    if (w.clusters?.length)
      checks.push(w.clusters.some((p) => (!!dest.name && globMatch(p, dest.name)) || (!!dest.server && globMatch(p, dest.server))));
    if (w.namespaces?.length) checks.push(w.namespaces.some((p) => globMatch(p, dest.namespace ?? '')));
    if (checks.length === 0) return false;
    return w.andOperator ? checks.every(Boolean) : checks.some(Boolean);
  });
}

/** Whether the window is open at `now`: a start of its schedule lies within the last `duration`. */
export function isActive(w: SyncWindow, now: Date): boolean {
  const schedule = parseCron(w.schedule ?? '');
  const durationMs = parseDuration(w.duration ?? '');
  // Argo shifts the clock by the zone's offset and reads the schedule in UTC.
  const shifted = now.getTime() + zoneOffsetMs(w.timeZone, now);
  // Schedule starts after (shifted - duration) and before shifted, at whole minutes.
  const first = Math.floor((shifted - durationMs) / 60_000) * 60_000 + 60_000;
  for (let t = first; t < shifted; t += 60_000) if (schedule(new Date(t))) return true;
  return false;
}

/** Argo's CanSync for a manual sync (isManual true, no operation running). */
export function canSyncManually(assigned: SyncWindow[], now: Date): boolean {
  if (assigned.length === 0) return true;
  const active = assigned.filter((w) => isActive(w, now));
  const activeDeny = active.filter((w) => w.kind === 'deny');
  if (activeDeny.length) return activeDeny.every((w) => !!w.manualSync);
  if (active.some((w) => w.kind === 'allow')) return true;
  const inactiveAllows = assigned.filter((w) => w.kind === 'allow' && !active.includes(w));
  if (inactiveAllows.length) return inactiveAllows.every((w) => !!w.manualSync);
  return true;
}

/** The offset of a zone (UTC when unknown or empty, as Argo falls back), in ms. */
function zoneOffsetMs(timeZone: string | undefined, at: Date): number {
  if (!timeZone) return 0;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(at);
  } catch {
    return 0;
  }
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration ("1h30m", "90m", "1.5h"), in ms. */
export function parseDuration(text: string): number {
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  if (!text || text === '0') {
    if (text === '0') return 0;
    throw new SyncWindowError(`cannot parse duration '${text}': invalid duration "${text}"`);
  }
  const body = text.replace(/^[+-]/, '');
  let total = 0;
  let pos = 0;
  re.lastIndex = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    total += Number(m[1]) * UNITS[m[2]];
    pos = re.lastIndex;
  }
  if (pos !== body.length || pos === 0) throw new SyncWindowError(`cannot parse duration '${text}': invalid duration "${text}"`);
  return text.startsWith('-') ? -total : total;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface CronField {
  values: Set<number>;
  /** `*` or `?`, without a step: for day of month and week, a star makes the other decide alone. */
  star: boolean;
}

function parseField(text: string, min: number, max: number, names: string[] | undefined, what: string, schedule: string): CronField {
  const values = new Set<number>();
  let star = false;
  const bad = (why: string) => new SyncWindowError(`cannot parse schedule '${schedule}': ${why}`);
  const value = (v: string): number => {
    const named = names?.indexOf(v.toUpperCase()) ?? -1;
    const n = named >= 0 ? named + (names === MONTHS ? 1 : 0) : /^\d+$/.test(v) ? Number(v) : NaN;
    if (Number.isNaN(n)) throw bad(`failed to parse ${what} '${v}'`);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw bad(`invalid step in ${what} '${part}'`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      [lo, hi] = [min, max];
      if (step === 1) star = true;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      [lo, hi] = [value(a), value(b)];
    } else {
      lo = value(range);
      hi = stepText === undefined ? lo : max;
    }
    if (lo < min || hi > max || lo > hi) throw bad(`${what} '${part}' is out of range ${min}-${max}`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, star };
}

/** A standard five-field cron schedule (minute hour day-of-month month day-of-week) as a test on a UTC minute. */
function parseCron(schedule: string): (at: Date) => boolean {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5)
    throw new SyncWindowError(`cannot parse schedule '${schedule}': expected exactly 5 fields, found ${fields.length}`);
  const [minute, hour, dom, month, dow] = [
    parseField(fields[0], 0, 59, undefined, 'minute', schedule),
    parseField(fields[1], 0, 23, undefined, 'hour', schedule),
    parseField(fields[2], 1, 31, undefined, 'day of month', schedule),
    parseField(fields[3], 1, 12, MONTHS, 'month', schedule),
    parseField(fields[4], 0, 7, DAYS, 'day of week', schedule),
  ];
  if (dow.values.has(7)) dow.values.add(0);
  return (at) => {
    if (!minute.values.has(at.getUTCMinutes()) || !hour.values.has(at.getUTCHours()) || !month.values.has(at.getUTCMonth() + 1))
      return false;
    const domOk = dom.values.has(at.getUTCDate());
    const dowOk = dow.values.has(at.getUTCDay());
    return dom.star || dow.star ? domOk && dowOk : domOk || dowOk;
  };
}

/** GetApplicationSyncWindows: the windows assigned to an app, those open now, and whether a manual sync may start. */
export class ApplicationSyncWindowsService {
  constructor(
    private readonly applications: ApplicationService,
    private readonly projects: KubeResourceStore<AppProject>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async windows(ctx: CallContext, q: { name?: string | null; project?: string | null }): Promise<Record<string, unknown>> {
    const app = await this.applications.authorized(ctx, q.name ?? undefined, 'get', q.project || undefined);
    const projectName = app.spec?.project || 'default';
    const project = await this.projects.get(projectName);
    if (!project) throw notFound(`appprojects.argoproj.io "${projectName}" not found`);
    const all = (project.spec as { syncWindows?: SyncWindow[] }).syncWindows ?? [];
    const assigned = matchingWindows(all, app);
    const now = this.now();
    let active: SyncWindow[];
    let canSync: boolean;
    try {
      active = assigned.filter((w) => isActive(w, now));
      canSync = canSyncManually(assigned, now);
    } catch (err) {
      if (err instanceof SyncWindowError) throw failedPrecondition(`invalid sync windows: ${err.message}`);
      throw err;
    }
    const shown = (ws: SyncWindow[]) =>
      ws.map((w) => ({ kind: w.kind ?? '', schedule: w.schedule ?? '', duration: w.duration ?? '', manualSync: !!w.manualSync }));
    return {
      ...(active.length ? { activeWindows: shown(active) } : {}),
      ...(assigned.length ? { assignedWindows: shown(assigned) } : {}),
      canSync,
    };
  }
}
