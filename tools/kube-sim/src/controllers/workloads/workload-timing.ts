import { createHash } from 'node:crypto';
import { KubeObject } from '../../store/kube-object';
import { ControllerContext } from '../controller-runtime';

export const START_MS_ANNOTATION = 'kube-sim.flotilla.dev/start-ms';

/**
 * A pod's time from first sight to Ready: its `start-ms` annotation exactly, nothing in instant
 * mode, otherwise `podStartMs` spread by the jitter, so pods of one rollout do not turn Ready
 * in lockstep as they never do on a real node.
 */
export function podStartDelay(ctx: ControllerContext, pod: KubeObject): number {
  const pinned = pod.metadata.annotations?.[START_MS_ANNOTATION];
  if (pinned !== undefined) return Number(pinned);
  if (ctx.timing.instant) return 0;
  return jittered(ctx.timing.podStartMs, ctx.timing.jitter, `${pod.metadata.uid}/start`);
}

/** How long a Job's pod runs once started. */
export function jobRunDelay(ctx: ControllerContext, pod: KubeObject): number {
  if (ctx.timing.instant) return 0;
  return jittered(ctx.timing.jobRunMs, ctx.timing.jitter, `${pod.metadata.uid}/run`);
}

/** `ms` scaled by a factor in [1 - share, 1 + share] drawn from a hash of `seed`: stable across reconciles. */
export function jittered(ms: number, share: number, seed: string): number {
  if (!share || !ms) return ms;
  const unit = createHash('sha256').update(seed).digest().readUInt32BE(0) / 0xffffffff;
  return Math.round(ms * (1 + share * (2 * unit - 1)));
}
