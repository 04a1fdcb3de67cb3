// How much goTemplate work one generated Application may take, by default: wherever an ApplicationSet
// is rendered (the appset-controller, the api-server's Generate) it is bounded alike.
import type { ExecLimits } from '@flotilla/gotemplate';

/** One Application renders in microseconds; 1 s is ample yet bounds how long one render holds the single event loop. */
export const TEMPLATE_TIMEOUT_MS = 1000;
/** etcd takes objects up to 1.5 MiB, so no Application that can be stored comes near 10 MiB of rendered text. */
export const TEMPLATE_MAX_OUTPUT_BYTES = 10 * 1024 * 1024;
/** Nodes, range iterations and calls: a typical Application takes a few hundred. */
export const TEMPLATE_MAX_STEPS = 1_000_000;
/** The longest list one function (until, list, append…) may make. */
export const TEMPLATE_MAX_LIST_LENGTH = 100_000;

/** ExecLimits from the four settings; one function's result can be no longer than the output it could ever be printed into. */
export function templateLimits(
  timeoutMs = TEMPLATE_TIMEOUT_MS,
  maxOutputBytes = TEMPLATE_MAX_OUTPUT_BYTES,
  maxSteps = TEMPLATE_MAX_STEPS,
  maxListLength = TEMPLATE_MAX_LIST_LENGTH,
): ExecLimits {
  return { timeoutMs, maxOutputBytes, maxValueBytes: maxOutputBytes, maxSteps, maxListLength };
}
