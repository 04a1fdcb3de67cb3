/** kube's duration.HumanDuration, which every Age column uses: `45s`, `2m5s`, `15m`, `3h20m`, `2d5h`, `45d`, `2y100d`. */
export function humanDuration(ms: number): string {
  // Go's int(d.Seconds()) truncates toward zero; up to 1.999s in the future still reads as now.
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return withRest(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return withRest(Math.floor(hours / 24), 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) return withRest(Math.floor(hours / 24 / 365), 'y', Math.floor(hours / 24) % 365, 'd');
  return `${Math.floor(hours / 24 / 365)}y`;
}

const withRest = (big: number, bigUnit: string, small: number, smallUnit: string): string =>
  small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit}${small}${smallUnit}`;

/** Go's zero time.Time, which metav1.Time.IsZero() treats as unset. */
const GO_ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

/** Milliseconds of an RFC 3339 timestamp, or undefined when unset, zero or unreadable. */
export function timestampMs(timestamp: unknown): number | undefined {
  if (typeof timestamp !== 'string' || timestamp === '') return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) || ms === GO_ZERO_TIME ? undefined : ms;
}

/** kube's translateTimestampSince: how long ago `timestamp` was, `<unknown>` when unset. */
export function since(timestamp: unknown, now: number): string {
  const ms = timestampMs(timestamp);
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}
