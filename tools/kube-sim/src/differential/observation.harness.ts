import { DiffResponse } from './diff-target.harness';

/** What a case saw, as plain JSON so it can be recorded and compared with toEqual. */
export type Observation = null | boolean | number | string | Observation[] | { [key: string]: Observation };

/** Code, reason and message of an answer: what kubectl prints and clients branch on. */
export function statusOf(r: DiffResponse): Observation {
  if (r.status < 400) return { code: r.status };
  const s = r.json;
  if (s?.kind !== 'Status') return { code: r.status, body: r.text.trim() };
  return { code: r.status, reason: s.reason ?? null, message: s.message ?? null };
}

/** Fails the case when a step it builds on went wrong, so a broken setup never passes as an observation. */
export function expectOk(r: DiffResponse, what: string): any {
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${r.text.slice(0, 500)}`);
  return r.json;
}

/** Polls until `probe` returns a truthy value; undefined when `withinMs` passes first. */
export async function within<T>(withinMs: number, probe: () => Promise<T | undefined | false>, everyMs = 200): Promise<T | undefined> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
