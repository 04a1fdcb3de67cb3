import type { Application, ApplicationStatus } from '@flotilla/api-types';
import { combinedSyncStatus, destinationStatus, parentStatus, parentStatusPatch, type DestinationRow } from './destinations-status.builder';

const DEV = 'https://dev.example.com';
const PROD = 'https://prod.example.com';
const source = { repoURL: 'https://git.example.com/app.git', path: 'manifests', targetRevision: 'HEAD' };
const NOW = '2026-01-01T00:00:00Z';
const LATER = '2026-01-01T00:05:00Z';

const parent = (status?: ApplicationStatus): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'web', namespace: 'argocd' },
  spec: { project: 'default', source, destination: { servers: [DEV, PROD], namespace: 'web' } },
  ...(status ? { status } : {}),
});

const child = (name: string, status: ApplicationStatus): Application => ({ ...parent(status), metadata: { name, namespace: 'argocd' } });
const row = (server: string, clusterName: string, status?: ApplicationStatus): DestinationRow => ({
  server,
  clusterName,
  application: `web-${clusterName}`,
  ...(status ? { child: child(`web-${clusterName}`, status) } : {}),
});
const synced = (revision: string, health: ApplicationStatus['health'] = { status: 'Healthy' }): ApplicationStatus => ({ sync: { status: 'Synced', revision }, health });

describe('destinationStatus', () => {
  it("reports the child's sync and health for its server, cluster and namespace", () => {
    expect(destinationStatus(parent(), row(DEV, 'dev', { sync: { status: 'OutOfSync', revision: 'abc' }, health: { status: 'Degraded', message: 'crash loop', lastTransitionTime: NOW } }))).toEqual({
      server: DEV,
      name: 'dev',
      namespace: 'web',
      application: 'web-dev',
      sync: { status: 'OutOfSync', revision: 'abc' },
      health: { status: 'Degraded', message: 'crash loop' },
    });
  });

  it('is Unknown without a child yet, and names the problem when there cannot be one', () => {
    expect(destinationStatus(parent(), row(DEV, 'dev'))).toMatchObject({ sync: { status: 'Unknown' }, health: { status: 'Unknown' } });
    expect(destinationStatus(parent(), { ...row(DEV, 'dev'), problem: 'an Application named web-dev exists and does not belong to web' }).health).toEqual({
      status: 'Unknown',
      message: 'an Application named web-dev exists and does not belong to web',
    });
  });
});

describe('combinedSyncStatus', () => {
  const d = (status: 'Synced' | 'OutOfSync' | 'Unknown') => destinationStatus(parent(), row(DEV, 'dev', { sync: { status } }));
  it.each([
    [['Synced', 'Synced'], 'Synced'],
    [['Synced', 'OutOfSync'], 'OutOfSync'],
    [['Unknown', 'OutOfSync'], 'OutOfSync'],
    [['Synced', 'Unknown'], 'Unknown'],
  ] as const)('%j is %s', (statuses, expected) => {
    expect(combinedSyncStatus(statuses.map(d))).toBe(expected);
  });
});

describe('parentStatus', () => {
  it('is Synced at the shared revision and as healthy as its least healthy destination', () => {
    const status = parentStatus(parent(), [row(DEV, 'dev', synced('abc')), row(PROD, 'prod', synced('abc', { status: 'Progressing' }))], [], NOW);
    expect(status.sync).toEqual({ status: 'Synced', revision: 'abc', comparedTo: { source, destination: { servers: [DEV, PROD], namespace: 'web' } } });
    expect(status.health).toEqual({ status: 'Progressing' });
    expect(status.destinations?.map((d) => `${d.name}:${d.sync.status}:${d.health.status}`)).toEqual(['dev:Synced:Healthy', 'prod:Synced:Progressing']);
  });

  it('has no revision while destinations disagree, and is Unknown while one has no child', () => {
    expect(parentStatus(parent(), [row(DEV, 'dev', synced('abc')), row(PROD, 'prod', synced('def'))], [], NOW).sync).not.toHaveProperty('revision');
    const status = parentStatus(parent(), [row(DEV, 'dev', synced('abc')), row(PROD, 'prod')], [], NOW);
    expect(status.sync?.status).toBe('Unknown');
    expect(status.health?.status).toBe('Unknown');
  });

  it('is Degraded when one destination is, whatever the others', () => {
    const status = parentStatus(parent(), [row(DEV, 'dev', synced('abc', { status: 'Degraded' })), row(PROD, 'prod', synced('abc', { status: 'Missing' }))], [], NOW);
    expect(status.health?.status).toBe('Degraded');
  });
});

describe('parentStatusPatch', () => {
  const rows = [row(DEV, 'dev', synced('abc')), row(PROD, 'prod', synced('abc'))];

  it('clears what the app recorded as a single-destination app', () => {
    const before = parent({ resources: [{ version: 'v1', kind: 'ConfigMap', name: 'x' }], sourceType: 'Directory', summary: { images: ['nginx'] } });
    expect(parentStatusPatch(before, rows, [], NOW, false)).toMatchObject({ resources: null, sourceType: null, summary: null, sync: { status: 'Synced' }, observedAt: NOW });
  });

  it('writes nothing when nothing changed, and only the times on a full pass', () => {
    const current = parent(parentStatus(parent(), rows, [], NOW));
    expect(parentStatusPatch(current, rows, [], LATER, false)).toBeUndefined();
    expect(parentStatusPatch(current, rows, [], LATER, true)).toEqual({ observedAt: LATER, reconciledAt: LATER });
  });

  it('follows a destination that went OutOfSync', () => {
    const current = parent(parentStatus(parent(), rows, [], NOW));
    const drifted = [rows[0], row(PROD, 'prod', { sync: { status: 'OutOfSync', revision: 'abc' }, health: { status: 'Healthy' } })];
    expect(parentStatusPatch(current, drifted, [], LATER, false)).toMatchObject({ sync: { status: 'OutOfSync' }, destinations: [expect.anything(), expect.objectContaining({ sync: { status: 'OutOfSync', revision: 'abc' } })] });
  });
});
