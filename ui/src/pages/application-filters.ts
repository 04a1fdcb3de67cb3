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
}

const LISTS = ['proj', 'sync', 'health', 'cluster', 'namespace', 'repo', 'labels'] as const;

export function filtersFrom(params: URLSearchParams): AppFilters {
  const list = (k: string) => (params.get(k) ?? '').split(',').filter(Boolean);
  return { search: params.get('search') ?? '', ...(Object.fromEntries(LISTS.map((k) => [k, list(k)])) as Omit<AppFilters, 'search'>) };
}

export function filtersTo(params: URLSearchParams, f: AppFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  if (f.search) next.set('search', f.search);
  else next.delete('search');
  for (const k of LISTS) {
    if (f[k].length) next.set(k, f[k].join(','));
    else next.delete(k);
  }
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

export function matches(app: Application, f: AppFilters): boolean {
  const any = (wanted: string[], value: string) => wanted.length === 0 || wanted.includes(value);
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
