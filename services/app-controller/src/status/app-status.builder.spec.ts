import type { Application } from '@flotilla/api-types';
import { compareAppState } from '@flotilla/engine';
import { comparisonStatus, statusPatch } from './app-status.builder';
import { createMergePatch } from './merge-patch';

const source = { repoURL: 'https://git.example.com/app.git', path: 'app', targetRevision: 'main' };
const destination = { server: 'https://spoke', namespace: 'web' };
const baseApp = (status?: Application['status']): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'web', namespace: 'argocd' },
  spec: { project: 'default', source, destination },
  ...(status ? { status } : {}),
});
const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'web' }, data: { a: '1' } };
const compare = compareAppState({ appName: 'web', desired: [cm], live: [], namespace: 'web' });
const NOW = '2026-01-01T00:00:00Z';
const LATER = '2026-01-01T00:05:00Z';

describe('comparisonStatus', () => {
  it('records sync, health, resources and what was compared', () => {
    expect(comparisonStatus({ app: baseApp(), sources: { sources: [source], multi: false }, revisions: ['abc'], sourceTypes: ['Directory'], compare, conditions: [] }, NOW)).toEqual({
      sync: { status: 'OutOfSync', comparedTo: { source, destination }, revision: 'abc' },
      health: { status: 'Missing' },
      resources: [{ version: 'v1', kind: 'ConfigMap', namespace: 'web', name: 'settings', status: 'OutOfSync', health: { status: 'Missing' }, syncWave: 0 }],
      sourceType: 'Directory',
    });
  });

  it('says Unknown when the comparison could not run, keeping the last resources and naming the error', () => {
    const app = baseApp({ resources: [{ version: 'v1', kind: 'ConfigMap', name: 'settings', status: 'Synced' }] });
    const status = comparisonStatus({ app, conditions: [{ type: 'ComparisonError', message: 'cluster https://spoke is unreachable' }] }, NOW);
    expect(status.sync?.status).toBe('Unknown');
    expect(status.health).toEqual({ status: 'Unknown' });
    expect(status.resources).toEqual(app.status?.resources);
    expect(status.conditions).toEqual([{ type: 'ComparisonError', message: 'cluster https://spoke is unreachable', lastTransitionTime: NOW }]);
  });

  it('keeps the transition time of a condition that persists', () => {
    const app = baseApp({ conditions: [{ type: 'ComparisonError', message: 'boom', lastTransitionTime: NOW }] });
    expect(comparisonStatus({ app, conditions: [{ type: 'ComparisonError', message: 'boom' }] }, LATER).conditions).toEqual([{ type: 'ComparisonError', message: 'boom', lastTransitionTime: NOW }]);
  });
});

describe('statusPatch', () => {
  const outcome = { source, revision: 'abc', sourceType: 'Directory', compare, conditions: [] };

  it('writes everything the first time, with reconciledAt on a full comparison', () => {
    const patch = statusPatch({ app: baseApp(), ...outcome }, NOW, true);
    expect(patch).toMatchObject({ sync: { status: 'OutOfSync' }, observedAt: NOW, reconciledAt: NOW });
  });

  it('writes nothing when a live-change refresh finds no difference', () => {
    const app = baseApp(comparisonStatus({ app: baseApp(), ...outcome }, NOW));
    expect(statusPatch({ app, ...outcome }, LATER, false)).toBeUndefined();
    expect(statusPatch({ app, ...outcome }, LATER, true)).toEqual({ observedAt: LATER, reconciledAt: LATER });
  });

  it('removes conditions that cleared with null, as a merge patch must', () => {
    const app = baseApp({ ...comparisonStatus({ app: baseApp(), ...outcome }, NOW), conditions: [{ type: 'ComparisonError', message: 'old', lastTransitionTime: NOW }] });
    expect(statusPatch({ app, ...outcome }, LATER, false)).toEqual({ conditions: null, observedAt: LATER });
  });
});

describe('createMergePatch', () => {
  it('nulls removed keys, recurses into objects and replaces arrays', () => {
    expect(createMergePatch({ a: 1, b: { c: 1, d: 2 }, e: [1] }, { b: { c: 1, d: 3 }, e: [1, 2] })).toEqual({ a: null, b: { d: 3 }, e: [1, 2] });
    expect(createMergePatch({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeUndefined();
  });

  it('records revisions, sources and sourceTypes for a multi-source app', () => {
    const sources = [source, { repoURL: 'https://git.example.com/values.git', targetRevision: 'main', ref: 'values' }];
    const multi: Application = { ...baseApp(), spec: { project: 'default', sources, destination } };
    expect(comparisonStatus({ app: multi, sources: { sources, multi: true }, revisions: ['abc', 'def'], sourceTypes: ['Helm', 'Directory'], compare, conditions: [] }, NOW)).toMatchObject({
      sync: { status: 'OutOfSync', comparedTo: { sources, destination }, revisions: ['abc', 'def'] },
      sourceTypes: ['Helm', 'Directory'],
    });
  });
});
