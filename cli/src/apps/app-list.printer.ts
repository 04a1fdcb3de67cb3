// `flotilla app list`: argocd's application table and its helpers.
import type { Application, ApplicationSource } from '@flotilla/api-types';
import { DEFAULT_NAMESPACE } from '@flotilla/api-types';
import { formatTable } from '../output/tab-writer';

/** `namespace/name`, as argocd ≥ 2.5 names Applications everywhere. */
export const qualifiedName = (app: { metadata: { name?: string; namespace?: string } }): string =>
  `${app.metadata.namespace || DEFAULT_NAMESPACE}/${app.metadata.name ?? ''}`;

/** The destination as argocd shows it: the server URL, else the cluster name. */
export const destinationServer = (app: Application): string => app.spec.destination?.server || app.spec.destination?.name || '';

/** The single source, or the first of several (argocd's GetSource). */
export const primarySource = (app: Application): ApplicationSource => app.spec.source ?? app.spec.sources?.[0] ?? { repoURL: '' };

export const isAutomated = (app: Pick<Application, 'spec'>): boolean => {
  const automated = app.spec.syncPolicy?.automated;
  return Boolean(automated) && automated?.enabled !== false;
};

export function formatSyncPolicy(app: Application): string {
  if (!isAutomated(app)) return 'Manual';
  return app.spec.syncPolicy?.automated?.prune ? 'Auto-Prune' : 'Auto';
}

/** Condition types, counted when repeated, sorted: `ComparisonError,SyncError(2)`, or `<none>`. */
export function formatConditionsSummary(app: Application): string {
  const counts = new Map<string, number>();
  for (const c of app.status?.conditions ?? []) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  const items = [...counts].map(([type, n]) => (n > 1 ? `${type}(${n})` : type)).sort();
  return items.length > 0 ? items.join(',') : '<none>';
}

const LIST_HEADERS = ['NAME', 'CLUSTER', 'NAMESPACE', 'PROJECT', 'STATUS', 'HEALTH', 'SYNCPOLICY', 'CONDITIONS'];

/** The table of `app list`; `wide` (the default) adds REPO, PATH and TARGET. */
export function formatAppTable(apps: readonly Application[], wide = true): string {
  const headers = wide ? [...LIST_HEADERS, 'REPO', 'PATH', 'TARGET'] : LIST_HEADERS;
  const rows = apps.map((app) => {
    const row = [
      qualifiedName(app),
      destinationServer(app),
      app.spec.destination?.namespace ?? '',
      app.spec.project || 'default',
      app.status?.sync?.status ?? '',
      app.status?.health?.status ?? '',
      formatSyncPolicy(app),
      formatConditionsSummary(app),
    ];
    if (!wide) return row;
    const src = primarySource(app);
    return [...row, src.repoURL ?? '', src.path ?? '', src.targetRevision ?? ''];
  });
  return formatTable([headers, ...rows]);
}

export const formatAppNames = (apps: readonly Application[]): string => apps.map((a) => `${qualifiedName(a)}\n`).join('');
