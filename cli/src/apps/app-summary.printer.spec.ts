import { guestbook } from './app.fixture';
import { formatResourceTable, parseResourceFilters, resourceStates } from './app-resources.printer';
import { formatAppConditions, formatAppSummary, formatOperationResult, formatSyncStatus, goDuration } from './app-summary.printer';

describe('app get summary', () => {
  it("prints argocd's summary block", () => {
    expect(formatAppSummary(guestbook(), 'http://127.0.0.1:8080/applications/guestbook')).toBe(
      [
        'Name:               argocd/guestbook',
        'Project:            default',
        'Server:             https://kubernetes.default.svc',
        'Namespace:          default',
        'URL:                http://127.0.0.1:8080/applications/guestbook',
        'Source:',
        '- Repo:             https://git.example.com/apps.git',
        '  Target:           HEAD',
        '  Path:             guestbook',
        'SyncWindow:         Sync Allowed',
        'Sync Policy:        Automated (Prune)',
        'Sync Status:        Synced to HEAD (a1b2c3d)',
        'Health Status:      Healthy',
        '',
      ].join('\n'),
    );
  });

  it('says where it is out of sync from, and leaves out the short SHA when the target is a SHA', () => {
    const app = guestbook();
    app.status!.sync = { status: 'OutOfSync', revision: 'ffffffffffffffffffffffffffffffffffffffff' };
    app.spec.source!.targetRevision = 'main';
    expect(formatSyncStatus(app)).toBe('OutOfSync from main (fffffff)');
    app.spec.source!.targetRevision = 'ffffffffffffffffffffffffffffffffffffffff';
    expect(formatSyncStatus(app)).toBe('OutOfSync from ffffffffffffffffffffffffffffffffffffffff');
  });

  it('lists conditions', () => {
    const app = guestbook();
    app.status!.conditions = [{ type: 'ComparisonError', message: 'bad.yaml: mapping values are not allowed', lastTransitionTime: '2024-05-01T10:00:00Z' }];
    expect(formatAppConditions(app)).toBe('CONDITION        MESSAGE                                   LAST TRANSITION\nComparisonError  bad.yaml: mapping values are not allowed  2024-05-01T10:00:00Z\n');
  });
});

describe('operation result', () => {
  it('prints phase, times, duration and message like argocd', () => {
    expect(formatOperationResult(guestbook().status!.operationState)).toBe(
      [
        'Operation:          Sync',
        'Sync Revision:      a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        'Phase:              Succeeded',
        'Start:              2024-05-01 10:00:00 +0000 UTC',
        'Finished:           2024-05-01 10:00:05 +0000 UTC',
        'Duration:           5s',
        'Message:            successfully synced (all tasks run)',
        '',
      ].join('\n'),
    );
  });

  it('measures a running operation up to now', () => {
    const op = { ...guestbook().status!.operationState!, phase: 'Running' as const, finishedAt: undefined, message: undefined };
    const out = formatOperationResult(op, new Date('2024-05-01T10:01:05Z'));
    expect(out).toContain('Finished:           <nil>\n');
    expect(out).toContain('Duration:           1m5s\n');
    expect(goDuration(3725)).toBe('1h2m5s');
  });
});

describe('resource states', () => {
  it('lists operation results first with live status, then the other resources sorted', () => {
    const states = resourceStates(guestbook());
    expect(states.map((s) => [s.kind, s.status, s.health, s.message])).toEqual([
      ['Service', 'Synced', 'Healthy', 'service/guestbook-ui created'],
      ['Deployment', 'Synced', 'Healthy', ''],
    ]);
    expect(formatResourceTable(states)).toBe(
      [
        'GROUP  KIND        NAMESPACE  NAME          STATUS  HEALTH   HOOK  MESSAGE',
        '       Service     default    guestbook-ui  Synced  Healthy        service/guestbook-ui created',
        'apps   Deployment  default    guestbook-ui  Synced  Healthy        ',
        '',
      ].join('\n'),
    );
  });

  it('shows hooks with their phase and result', () => {
    const app = guestbook();
    app.status!.operationState!.syncResult!.resources = [
      { group: 'batch', version: 'v1', kind: 'Job', namespace: 'default', name: 'migrate', status: 'Synced', hookType: 'PreSync', hookPhase: 'Succeeded', message: 'job completed' },
    ];
    expect(resourceStates(app)[0]).toEqual({ group: 'batch', kind: 'Job', namespace: 'default', name: 'migrate', status: 'Succeeded', health: 'Synced', hook: 'PreSync', message: 'job completed' });
  });

  it('filters by --resource, with ! excluding', () => {
    const only = parseResourceFilters(['apps:Deployment:guestbook-ui']);
    expect(resourceStates(guestbook(), only).map((s) => s.kind)).toEqual(['Deployment']);
    const except = parseResourceFilters(['!:Service:default/guestbook-ui']);
    expect(resourceStates(guestbook(), except).map((s) => s.kind)).toEqual(['Deployment']);
    expect(() => parseResourceFilters(['Deployment:x'])).toThrow('resource should have GROUP:KIND:NAME, but instead got: Deployment:x');
  });
});
