// Execution limits: Go has none, but templates here are written by users of a shared controller, so
// every execute runs inside a budget of time, output, steps, depth and per-call allocation.
import { isMap, isStruct } from '../values';

export interface ExecLimits {
  /** Wall-clock time for the execution, in milliseconds. */
  timeoutMs?: number;
  /** Output written, in UTF-16 code units: bytes for ASCII (non-ASCII text is undercounted, memory held stays under 2 bytes a unit). */
  maxOutputBytes?: number;
  /** Nodes visited, range iterations and function calls together. */
  maxSteps?: number;
  /** Nested {{template}} calls (and executes started from inside a function, such as Helm's include). */
  maxDepth?: number;
  /** The longest string one function call may make, same unit as maxOutputBytes. */
  maxValueBytes?: number;
  /** The longest list one function call may make. */
  maxListLength?: number;
}

export type LimitName = keyof ExecLimits;

/** Generous enough for any template a person writes; a runaway one still stops within seconds and tens of MiB. */
export const DEFAULT_LIMITS: Readonly<Required<ExecLimits>> = {
  timeoutMs: 10_000,
  maxOutputBytes: 64 * 1024 * 1024,
  maxSteps: 10_000_000,
  maxDepth: 100,
  maxValueBytes: 16 * 1024 * 1024,
  maxListLength: 1_000_000,
};

/** How many steps pass between two looks at the clock (a power of two, for the mask). */
const CLOCK_EVERY = 64;

/**
 * One budget, spent by every execute it is handed to: the deadline starts when it is made, and
 * output, steps and depth add up across those executes (e.g. all the strings of one Application).
 */
export class ExecBudget {
  readonly limits: Readonly<Required<ExecLimits>>;
  readonly deadline: number;
  steps = 0;
  written = 0;
  depth = 0;

  constructor(limits: ExecLimits = {}) {
    this.limits = resolveLimits(limits);
    this.deadline = performance.now() + this.limits.timeoutMs;
  }

  /** Counts one step; returns the limit it broke, if any (the clock is read every CLOCK_EVERY steps). */
  step(): LimitHit | undefined {
    const n = ++this.steps;
    if (n > this.limits.maxSteps) return hit('maxSteps', `more than ${this.limits.maxSteps} steps`);
    if ((n & (CLOCK_EVERY - 1)) === 0 && performance.now() > this.deadline) return this.timedOut();
    return undefined;
  }

  /** Counts output about to be written; returns the limit it would break. */
  write(length: number): LimitHit | undefined {
    if ((this.written += length) <= this.limits.maxOutputBytes) return undefined;
    return hit('maxOutputBytes', `output longer than ${this.limits.maxOutputBytes} bytes`);
  }

  /** A function result (or its announced size) against the per-call caps. */
  makes(kind: 'bytes' | 'items', size: number): LimitHit | undefined {
    if (kind === 'bytes') {
      if (size <= this.limits.maxValueBytes) return undefined;
      return hit('maxValueBytes', `a string of ${size} bytes is longer than ${this.limits.maxValueBytes}`);
    }
    if (size <= this.limits.maxListLength) return undefined;
    return hit('maxListLength', `a list of ${size} elements is longer than ${this.limits.maxListLength}`);
  }

  /** Output still allowed, for sizing a value before it is formatted. */
  get remainingOutput(): number {
    return Math.max(0, this.limits.maxOutputBytes - this.written);
  }

  timedOut(): LimitHit {
    return hit('timeoutMs', `execution took longer than ${this.limits.timeoutMs}ms`);
  }
}

export interface LimitHit {
  limit: LimitName;
  message: string;
}

const hit = (limit: LimitName, what: string): LimitHit => ({ limit, message: `template limit exceeded: ${what} (${limit})` });

export function resolveLimits(...layers: (ExecLimits | undefined)[]): Required<ExecLimits> {
  const out = { ...DEFAULT_LIMITS };
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer ?? {}) as [LimitName, number | undefined][]) {
      if (v === undefined) continue;
      if (!(v > 0)) throw new RangeError(`execution limit ${k} must be a positive number, got ${v}`);
      out[k] = v;
    }
  }
  return out;
}

/**
 * Roughly how long `v` is when printed or serialized (strings by length, plus a little for every
 * element and key), counting no further than just past `cap` so a huge or cyclic value costs little.
 */
export function printedSize(v: unknown, cap: number): number {
  let total = 0;
  const visit = (x: unknown): void => {
    if (total > cap) return;
    if (typeof x === 'string') total += x.length + 2;
    else if (Array.isArray(x)) {
      total += 2;
      for (let i = 0; i < x.length && total <= cap; i++) {
        total += 1;
        visit(x[i]);
      }
    } else if (x instanceof Uint8Array) total += Math.ceil((x.length * 4) / 3) + 2;
    else if (isMap(x) || isStruct(x)) {
      total += 2;
      for (const [k, e] of Object.entries(x)) {
        if (total > cap) return;
        total += k.length + 2;
        visit(e);
      }
    } else total += 8;
  };
  visit(v);
  return total;
}
