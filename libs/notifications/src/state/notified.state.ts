import type { ConditionResult } from '../triggers/trigger.evaluator';

// The `notified.notifications.argoproj.io` annotation: a JSON map from
// `[<oncePer>:]<trigger>:<condition>:<service>:<recipient>` to the unix time it was sent, as
// notifications-engine's pkg/controller/state.go keeps it. Operation-scoped conditions append the
// operation's identity to the condition part (`[0].<hash>.<operation>`), so a new sync is a new event;
// with oncePer the oncePer value alone says what is new, as in Argo CD.

/** notifications-engine keeps at most this many entries, dropping the oldest. */
export const NOTIFIED_HISTORY_MAX = 100;

export interface Destination {
  readonly service: string;
  readonly recipient: string;
}

export class NotifiedState {
  private constructor(private readonly entries: Map<string, number>) {}

  /** Reads the annotation; an unreadable value starts empty, as notifications-engine does. */
  static parse(annotation: string | undefined): NotifiedState {
    const entries = new Map<string, number>();
    if (annotation) {
      try {
        const raw: unknown = JSON.parse(annotation);
        if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
          for (const [k, v] of Object.entries(raw)) if (typeof v === 'number') entries.set(k, v);
        }
      } catch {
        // A corrupted annotation is replaced on the next write.
      }
    }
    return new NotifiedState(entries);
  }

  static key(trigger: string, result: ConditionResult, dest: Destination): string {
    // With oncePer the value is the event (once per revision, say): a later operation that yields
    // the same value is not notified again, as notifications-engine keeps such entries for good.
    const condition = result.operation && !result.oncePer ? `${result.condition.key}.${result.operation}` : result.condition.key;
    const key = `${trigger}:${condition}:${dest.service}:${dest.recipient}`;
    return result.oncePer ? `${result.oncePer}:${key}` : key;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Records a sent notification; for an operation-scoped one, entries of earlier operations are dropped. */
  markNotified(trigger: string, result: ConditionResult, dest: Destination, unixTime: number): string {
    const key = NotifiedState.key(trigger, result, dest);
    if (result.operation && !result.oncePer) for (const stale of this.keysOfCondition(trigger, result, dest)) this.entries.delete(stale);
    this.entries.set(key, unixTime);
    return key;
  }

  /**
   * The condition no longer holds: forget it so it notifies again when it next holds. Entries made
   * with `oncePer` are kept (that is what once-per means); returns whether anything was removed.
   */
  clear(trigger: string, result: ConditionResult, dest: Destination): boolean {
    if (result.condition.oncePer) return false;
    const keys = this.keysOfCondition(trigger, result, dest);
    for (const key of keys) this.entries.delete(key);
    return keys.length > 0;
  }

  /** The annotation value to write, or undefined to remove it; the oldest entries beyond the cap go. */
  serialize(): string | undefined {
    const sorted = [...this.entries].sort((a, b) => a[1] - b[1]);
    const kept = sorted.slice(Math.max(0, sorted.length - NOTIFIED_HISTORY_MAX));
    if (kept.length === 0) return undefined;
    return JSON.stringify(Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  }

  // The plain key and every operation-suffixed variant of it (without oncePer prefix).
  private keysOfCondition(trigger: string, result: ConditionResult, dest: Destination): string[] {
    const head = `${trigger}:${result.condition.key}`;
    const tail = `:${dest.service}:${dest.recipient}`;
    return [...this.entries.keys()].filter((k) => {
      if (k.length < head.length + tail.length || !k.startsWith(head) || !k.endsWith(tail)) return false;
      const middle = k.slice(head.length, k.length - tail.length);
      return middle === '' || /^\.[A-Za-z0-9_-]+$/.test(middle);
    });
  }
}
