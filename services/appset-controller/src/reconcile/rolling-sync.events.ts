// Application changes a RollingSync waits for besides sync and health: a sync operation starting,
// finishing or being replaced moves an Application through Pending → Progressing → Healthy.
import type { Application } from '@flotilla/api-types';

export function rolloutMoved(before: Application, after: Application): boolean {
  const [b, a] = [before.status?.operationState, after.status?.operationState];
  return b?.phase !== a?.phase || b?.startedAt !== a?.startedAt || (before.operation === undefined) !== (after.operation === undefined);
}
