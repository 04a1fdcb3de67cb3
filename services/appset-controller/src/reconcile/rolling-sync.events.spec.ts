import type { Application } from '@flotilla/api-types';
import { rolloutMoved } from './rolling-sync.events';

const app = (extra: Partial<Application> = {}): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'web-dev', namespace: 'argocd' },
  spec: { project: 'default', destination: { server: 'https://dev', namespace: 'web' } },
  ...extra,
});
const withPhase = (phase: 'Running' | 'Succeeded', startedAt = 't1'): Application =>
  app({ status: { operationState: { operation: {}, phase, startedAt } } });

describe('rolloutMoved', () => {
  it('sees a sync operation being written, starting, finishing or starting again', () => {
    expect(rolloutMoved(app(), app({ operation: { sync: {} } }))).toBe(true);
    expect(rolloutMoved(app(), withPhase('Running'))).toBe(true);
    expect(rolloutMoved(withPhase('Running'), withPhase('Succeeded'))).toBe(true);
    expect(rolloutMoved(withPhase('Succeeded'), withPhase('Succeeded', 't2'))).toBe(true);
  });

  it('ignores changes that move no rollout', () => {
    expect(rolloutMoved(withPhase('Succeeded'), withPhase('Succeeded'))).toBe(false);
    expect(rolloutMoved(app({ status: { reconciledAt: 'a' } }), app({ status: { reconciledAt: 'b' } }))).toBe(false);
  });
});
