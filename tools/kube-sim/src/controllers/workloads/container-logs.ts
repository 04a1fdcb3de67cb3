import { KubeObject } from '../../store/kube-object';

// What a simulated container writes to its log. kube-sim runs no processes, so each container
// instance's output is a pure function of the pod and of when that instance started: lines from an
// annotation (or one start-up line), each at an offset from the start, then optionally a tick line
// at a fixed interval for as long as the instance runs. Restarts repeat the output.

/** Lines the container writes, one per line; `+<ms> <text>` writes the text that long after start. */
export const LOGS_ANNOTATION = 'kube-sim.flotilla.dev/logs';
/** With a positive value, the container also writes `tick <n>` every that many ms while it runs. */
export const LOG_INTERVAL_ANNOTATION = 'kube-sim.flotilla.dev/log-interval-ms';

export interface LogLine {
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly text: string;
}

interface Script {
  readonly lines: readonly { offsetMs: number; text: string }[];
  readonly intervalMs: number;
}

/** The script of one container: `logs.<container>` wins over `logs`, which wins over the start-up line. */
export function containerScript(pod: KubeObject, container: { name: string; image?: string }): Script {
  const annotations = pod.metadata.annotations ?? {};
  const raw = annotations[`${LOGS_ANNOTATION}.${container.name}`] ?? annotations[LOGS_ANNOTATION];
  const interval = Number(annotations[`${LOG_INTERVAL_ANNOTATION}.${container.name}`] ?? annotations[LOG_INTERVAL_ANNOTATION] ?? 0);
  const lines =
    raw === undefined
      ? [{ offsetMs: 0, text: `kube-sim: container ${container.name} started from image ${container.image ?? ''}` }]
      : raw
          .split('\n')
          .filter((l, i, all) => l !== '' || i < all.length - 1)
          .map((l) => {
            const m = /^\+(\d+) (.*)$/.exec(l);
            return m ? { offsetMs: Number(m[1]), text: m[2] } : { offsetMs: 0, text: l };
          });
  return { lines, intervalMs: Number.isFinite(interval) && interval > 0 ? interval : 0 };
}

/**
 * The lines one container instance has written by `until` (ms), in order. Scripted lines keep
 * their order even when offsets are not increasing; ticks interleave by time.
 */
export function linesBetween(script: Script, startedAt: number, until: number): LogLine[] {
  const out: LogLine[] = [];
  let last = startedAt;
  for (const l of script.lines) {
    last = Math.max(last, startedAt + l.offsetMs);
    if (last > until) break;
    out.push({ at: last, text: l.text });
  }
  if (script.intervalMs > 0) {
    for (let n = 1; startedAt + n * script.intervalMs <= until; n++) out.push({ at: startedAt + n * script.intervalMs, text: `tick ${n}` });
    out.sort((a, b) => a.at - b.at);
  }
  return out;
}

/** When the next line after `after` is due, if the script has one. */
export function nextLineAt(script: Script, startedAt: number, after: number): number | undefined {
  let last = startedAt;
  for (const l of script.lines) {
    last = Math.max(last, startedAt + l.offsetMs);
    if (last > after) return script.intervalMs > 0 ? Math.min(last, nextTick(script, startedAt, after)) : last;
  }
  return script.intervalMs > 0 ? nextTick(script, startedAt, after) : undefined;
}

const nextTick = (script: Script, startedAt: number, after: number): number => startedAt + (Math.floor((after - startedAt) / script.intervalMs) + 1) * script.intervalMs;
