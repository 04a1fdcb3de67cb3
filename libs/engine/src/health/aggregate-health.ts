// An Application's health is its worst resource's, in Argo's order (gitops-engine health.IsWorse).
import type { HealthStatus, HealthStatusCode } from '@flotilla/api-types';

const ORDER: HealthStatusCode[] = ['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown'];

/** True when `next` is a worse condition than `current`. */
export const isWorse = (current: HealthStatusCode, next: HealthStatusCode): boolean => ORDER.indexOf(next) > ORDER.indexOf(current);

export interface HealthInput {
  health?: HealthStatus;
  hook?: boolean;
}

/** Worst-of over resources; hooks and resources without health are left out; no resources is Healthy. */
export function aggregateHealth(resources: Iterable<HealthInput>): HealthStatus {
  let worst: HealthStatusCode = 'Healthy';
  for (const r of resources) {
    if (r.hook || !r.health) continue;
    if (isWorse(worst, r.health.status)) worst = r.health.status;
  }
  return { status: worst };
}
