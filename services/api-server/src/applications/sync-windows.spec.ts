import type { Application } from '@flotilla/api-types';
import { canSyncManually, isActive, matchingWindows, parseDuration, SyncWindow, SyncWindowError } from './sync-windows';

const app = (name: string, destination: Record<string, string>) =>
  ({ metadata: { name }, spec: { project: 'default', destination } }) as unknown as Application;
const at = (iso: string) => new Date(iso);

describe('sync windows, as Argo CD evaluates them', () => {
  describe('isActive', () => {
    const daily = { kind: 'allow', schedule: '0 22 * * *', duration: '1h' };

    it('is open from a start of the schedule until the duration has passed, not at its very end', () => {
      expect(isActive(daily, at('2024-03-05T21:59:59Z'))).toBe(false);
      expect(isActive(daily, at('2024-03-05T22:00:30Z'))).toBe(true);
      expect(isActive(daily, at('2024-03-05T22:59:59Z'))).toBe(true);
      expect(isActive(daily, at('2024-03-05T23:00:00Z'))).toBe(false);
    });

    it('reads the schedule in the window time zone', () => {
      const tokyo = { ...daily, timeZone: 'Asia/Tokyo' }; // 22:00 in Tokyo is 13:00 UTC
      expect(isActive(tokyo, at('2024-03-05T13:30:00Z'))).toBe(true);
      expect(isActive(tokyo, at('2024-03-05T22:30:00Z'))).toBe(false);
      expect(isActive({ ...daily, timeZone: 'Nowhere/Else' }, at('2024-03-05T22:30:00Z'))).toBe(true);
    });

    it('takes ranges, steps, lists and names, and ORs day of month with day of week unless one is a star', () => {
      const weekdays = { kind: 'deny', schedule: '*/15 9-17 * JAN-MAR MON-FRI', duration: '10m' };
      expect(isActive(weekdays, at('2024-03-05T09:31:00Z'))).toBe(true); // Tuesday
      expect(isActive(weekdays, at('2024-03-09T09:31:00Z'))).toBe(false); // Saturday
      expect(isActive(weekdays, at('2024-04-02T09:31:00Z'))).toBe(false); // April
      const either = { kind: 'deny', schedule: '0 0 1 * SUN', duration: '1h' };
      expect(isActive(either, at('2024-03-01T00:30:00Z'))).toBe(true); // the 1st, a Friday
      expect(isActive(either, at('2024-03-03T00:30:00Z'))).toBe(true); // a Sunday
      expect(isActive(either, at('2024-03-05T00:30:00Z'))).toBe(false);
      expect(isActive({ kind: 'deny', schedule: '0 0 * * 7', duration: '1h' }, at('2024-03-03T00:30:00Z'))).toBe(true);
    });

    it('names what does not parse', () => {
      expect(() => isActive({ schedule: '0 22 * *', duration: '1h' }, new Date())).toThrow(
        new SyncWindowError("cannot parse schedule '0 22 * *': expected exactly 5 fields, found 4"),
      );
      expect(() => isActive({ schedule: '61 * * * *', duration: '1h' }, new Date())).toThrow(/minute '61' is out of range 0-59/);
      expect(() => isActive({ schedule: '* * * * *', duration: '1 hour' }, new Date())).toThrow("cannot parse duration '1 hour'");
    });
  });

  it('parses durations as Go does', () => {
    expect(parseDuration('1h30m')).toBe(90 * 60_000);
    expect(parseDuration('1.5h')).toBe(90 * 60_000);
    expect(parseDuration('45s')).toBe(45_000);
    expect(() => parseDuration('')).toThrow(SyncWindowError);
    expect(() => parseDuration('5')).toThrow(SyncWindowError);
  });

  it('assigns windows by application, cluster or namespace; all of the set ones with andOperator', () => {
    const windows: SyncWindow[] = [
      { kind: 'deny', schedule: '* * * * *', duration: '1h', applications: ['web-*'] },
      { kind: 'deny', schedule: '* * * * *', duration: '1h', clusters: ['prod'] },
      { kind: 'deny', schedule: '* * * * *', duration: '1h', namespaces: ['payments'] },
      { kind: 'deny', schedule: '* * * * *', duration: '1h', applications: ['web-*'], namespaces: ['payments'], andOperator: true },
      { kind: 'deny', schedule: '* * * * *', duration: '1h' },
    ];
    const ids = (a: Application) => matchingWindows(windows, a).map((w) => windows.indexOf(w));
    expect(ids(app('web-front', { server: 'https://x', namespace: 'front' }))).toEqual([0]);
    expect(ids(app('api', { name: 'prod', namespace: 'api' }))).toEqual([1]);
    expect(ids(app('web-pay', { server: 'https://x', namespace: 'payments' }))).toEqual([0, 2, 3]);
  });

  it('lets a manual sync run unless an open deny window, or a closed allow window, forbids manual syncs', () => {
    const now = at('2024-03-05T12:00:00Z');
    const open = { schedule: '* * * * *', duration: '1h' };
    const closed = { schedule: '0 0 1 1 *', duration: '1h' };
    expect(canSyncManually([], now)).toBe(true);
    expect(canSyncManually([{ ...open, kind: 'deny' }], now)).toBe(false);
    expect(canSyncManually([{ ...open, kind: 'deny', manualSync: true }], now)).toBe(true);
    expect(canSyncManually([{ ...open, kind: 'deny', manualSync: true }, { ...open, kind: 'deny' }], now)).toBe(false);
    expect(canSyncManually([{ ...closed, kind: 'deny' }], now)).toBe(true);
    expect(canSyncManually([{ ...closed, kind: 'allow' }], now)).toBe(false);
    expect(canSyncManually([{ ...closed, kind: 'allow', manualSync: true }], now)).toBe(true);
    expect(canSyncManually([{ ...closed, kind: 'allow' }, { ...open, kind: 'allow' }], now)).toBe(true);
  });
});
