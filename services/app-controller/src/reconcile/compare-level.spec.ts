import type { Application } from '@flotilla/api-types';
import { compareLevel } from './compare-level';

const source = { repoURL: 'https://h/r', path: 'app', targetRevision: 'main' };
const destination = { server: 'https://spoke', namespace: 'web' };
const NOW = Date.parse('2026-01-01T00:10:00Z');

const app = (annotations: Record<string, string> = {}, reconciledAt = '2026-01-01T00:09:00Z', compared = { source, destination }): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'web', annotations },
  spec: { project: 'default', source, destination },
  status: { reconciledAt, sync: { status: 'Synced', revision: 'abc', comparedTo: compared } },
});

describe('compareLevel', () => {
  it('re-renders the compared revision for live changes', () => {
    expect(compareLevel(app(), 'recent', NOW, 180_000)).toBe('recent');
  });

  it('honours the refresh annotation: normal resolves again, hard also skips the manifest cache', () => {
    expect(compareLevel(app({ 'argocd.argoproj.io/refresh': 'normal' }), 'recent', NOW, 180_000)).toBe('latest');
    expect(compareLevel(app({ 'argocd.argoproj.io/refresh': 'hard' }), 'recent', NOW, 180_000)).toBe('hard');
  });

  it('compares with the latest revision after a spec change, when never compared, or when the last comparison expired', () => {
    expect(compareLevel(app({}, '2026-01-01T00:09:00Z', { source: { ...source, targetRevision: 'v1' }, destination }), 'recent', NOW, 180_000)).toBe('latest');
    expect(compareLevel({ ...app(), status: undefined }, 'recent', NOW, 180_000)).toBe('latest');
    expect(compareLevel(app({}, '2026-01-01T00:06:00Z'), 'recent', NOW, 180_000)).toBe('latest');
  });

  it('for a multi-source app, compares its sources and needs its revisions', () => {
    const sources = [source, { repoURL: 'https://h/values', targetRevision: 'main', ref: 'values' }];
    const multi = (compared: object, revisions?: string[]): Application => ({
      ...app(),
      spec: { project: 'default', sources, destination },
      status: { reconciledAt: '2026-01-01T00:09:00Z', sync: { status: 'Synced', ...(revisions ? { revisions } : {}), comparedTo: { ...compared, destination } } },
    });
    expect(compareLevel(multi({ sources }, ['a', 'b']), 'recent', NOW, 180_000)).toBe('recent');
    expect(compareLevel(multi({ sources: [source] }, ['a']), 'recent', NOW, 180_000)).toBe('latest');
    expect(compareLevel(multi({ sources }), 'recent', NOW, 180_000)).toBe('latest');
  });
});
