import { guestbook } from './app.fixture';
import { formatAppNames, formatAppTable, formatConditionsSummary, formatSyncPolicy } from './app-list.printer';

describe('app list output', () => {
  it("prints argocd's columns, aligned, with argocd/<name>", () => {
    const other = guestbook({ metadata: { name: 'api', namespace: 'argocd' } });
    other.spec = { project: 'team', source: { repoURL: 'https://git.example.com/api.git', path: 'deploy', targetRevision: 'main' }, destination: { name: 'prod', namespace: 'api' } };
    other.status = { sync: { status: 'OutOfSync' }, health: { status: 'Progressing' }, conditions: [{ type: 'SyncError', message: 'x' }, { type: 'SyncError', message: 'y' }, { type: 'ComparisonError', message: 'z' }] };
    expect(formatAppTable([guestbook(), other])).toBe(
      [
        'NAME              CLUSTER                         NAMESPACE  PROJECT  STATUS     HEALTH       SYNCPOLICY  CONDITIONS                    REPO                              PATH       TARGET',
        'argocd/guestbook  https://kubernetes.default.svc  default    default  Synced     Healthy      Auto-Prune  <none>                        https://git.example.com/apps.git  guestbook  HEAD',
        'argocd/api        prod                            api        team     OutOfSync  Progressing  Manual      ComparisonError,SyncError(2)  https://git.example.com/api.git   deploy     main',
      ].join('\n') + '\n',
    );
  });

  it('names apps for -o name', () => {
    expect(formatAppNames([guestbook()])).toBe('argocd/guestbook\n');
  });

  it('reads the sync policy like argocd', () => {
    const app = guestbook();
    expect(formatSyncPolicy(app)).toBe('Auto-Prune');
    app.spec.syncPolicy = { automated: {} };
    expect(formatSyncPolicy(app)).toBe('Auto');
    app.spec.syncPolicy = { automated: { enabled: false, prune: true } };
    expect(formatSyncPolicy(app)).toBe('Manual');
    delete app.spec.syncPolicy;
    expect(formatSyncPolicy(app)).toBe('Manual');
    expect(formatConditionsSummary(app)).toBe('<none>');
  });
});
