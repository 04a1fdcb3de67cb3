// The application list's filters, kept in the URL's query string as Argo CD's UI keeps them, so a
// filtered view is a link and the back button restores it.
import type { Application } from '@flotilla/api-types';

export interface AppFilters {
  search: string;
  proj: string[];
  sync: string[];
  health: string[];
  cluster: string[];
  namespace: string[];
  repo: string[];
  labels: string[];
  /** Only the apps starred in this browser. */
  favourites: boolean;
}

const LISTS = ['proj', 'sync', 'health', 'cluster', 'namespace', 'repo', 'labels'] as const;

export function filtersFrom(params: URLSearchParams): AppFilters {
  const list = (k: string) => (params.get(k) ?? '').split(',').filter(Boolean);
  return {
    search: params.get('search') ?? '',
    favourites: params.get('favourites') === 'true',
    ...(Object.fromEntries(LISTS.map((k) => [k, list(k)])) as Omit<AppFilters, 'search' | 'favourites'>),
  };
}

export function filtersTo(params: URLSearchParams, f: AppFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  if (f.search) next.set('search', f.search);
  else next.delete('search');
  for (const k of LISTS) {
    if (f[k].length) next.set(k, f[k].join(','));
    else next.delete(k);
  }
  if (f.favourites) next.set('favourites', 'true');
  else next.delete('favourites');
  return next;
}

export const sourcesOf = (app: Application) => app.spec.sources ?? (app.spec.source ? [app.spec.source] : []);
export const clusterOf = (app: Application) => app.spec.destination.name || app.spec.destination.server || '';

/** `key=value` or `key` (present with any value), as Argo's label filter reads them. */
function labelMatches(app: Application, rule: string): boolean {
  const labels = app.metadata.labels ?? {};
  const eq = rule.indexOf('=');
  if (eq < 0) return rule in labels;
  return labels[rule.slice(0, eq)] === rule.slice(eq + 1);
}

export function matches(app: Application, f: AppFilters, favourites: ReadonlySet<string> = new Set()): boolean {
  const any = (wanted: string[], value: string) => wanted.length === 0 || wanted.includes(value);
  if (f.favourites && !favourites.has(`${app.metadata.namespace ?? ''}/${app.metadata.name}`)) return false;
  if (f.search && !app.metadata.name.toLowerCase().includes(f.search.toLowerCase())) return false;
  if (!any(f.proj, app.spec.project)) return false;
  if (!any(f.sync, app.status?.sync?.status ?? 'Unknown')) return false;
  if (!any(f.health, app.status?.health?.status ?? 'Unknown')) return false;
  if (!any(f.cluster, clusterOf(app))) return false;
  if (!any(f.namespace, app.spec.destination.namespace ?? '')) return false;
  if (f.repo.length && !sourcesOf(app).some((s) => f.repo.includes(s.repoURL))) return false;
  return f.labels.every((rule) => labelMatches(app, rule));
}

/** How many of `apps` have each value of `of`, for the filter panel and the status bar. */
export function countBy(apps: readonly Application[], of: (a: Application) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of apps) out.set(of(a), (out.get(of(a)) ?? 0) + 1);
  return out;
}

/** The orders the list offers, by the `sort` query value; name is the store's own order. */
export const SORTS = {
  name: 'Name',
  '-name': 'Name, Z to A',
  health: 'Health (worst first)',
  sync: 'Sync status (out of sync first)',
  '-lastSync': 'Last synced (newest first)',
} as const;
export type SortKey = keyof typeof SORTS;

export const sortFrom = (params: URLSearchParams): SortKey => {
  const v = params.get('sort');
  return v && v in SORTS ? (v as SortKey) : 'name';
};

const HEALTH_RANK: Record<string, number> = { Degraded: 0, Missing: 1, Unknown: 2, Progressing: 3, Suspended: 4, Healthy: 5 };
const SYNC_RANK: Record<string, number> = { OutOfSync: 0, Unknown: 1, Synced: 2 };

/** `apps` (in name order) in the order `key` asks for; a stable sort keeps name order within ties. */
export function sortApps(apps: readonly Application[], key: SortKey): readonly Application[] {
  const rank = (table: Record<string, number>, v: string | undefined) => table[v ?? 'Unknown'] ?? 2;
  switch (key) {
    case 'name':
      return apps;
    case '-name':
      return [...apps].reverse();
    case 'health':
      return [...apps].sort((a, b) => rank(HEALTH_RANK, a.status?.health?.status) - rank(HEALTH_RANK, b.status?.health?.status));
    case 'sync':
      return [...apps].sort((a, b) => rank(SYNC_RANK, a.status?.sync?.status) - rank(SYNC_RANK, b.status?.sync?.status));
    case '-lastSync': {
      const at = (a: Application) => a.status?.operationState?.finishedAt ?? a.status?.operationState?.startedAt ?? '';
      return [...apps].sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0));
    }
  }
}
