// The applications list: every Application the user may see as tiles, rows or a summary, filtered and
// sorted by the URL's query, counted per status, kept live by the watch stream, and virtualised so
// 10,000 stay smooth. Favourites (a star on each) live in this browser.
import type { Application } from '@flotilla/api-types';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, useSyncExternalStore, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { applicationsApi } from '../api/applications.api';
import { HealthStatus, OperationPhase, SyncStatus } from '../components/status-icons';
import { applicationsStore } from '../live/applications.store';
import { favouriteKey, toggleFavourite, useFavourites } from '../live/favourites.store';
import { clusterOf, countBy, filtersFrom, filtersTo, matches, sortApps, sortFrom, SORTS, sourcesOf, type AppFilters } from './application-filters';
import './applications.page.css';

const TILE_WIDTH = 340;
const TILE_HEIGHT = 196;
const ROW_HEIGHT = 44;

export function ApplicationsPage() {
  const snapshot = useSyncExternalStore(applicationsStore.subscribe, applicationsStore.getSnapshot);
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  // A filter applies at once; the URL (a navigation React Router renders as a transition) follows,
  // and a URL that changes otherwise (the back button) sets the filters.
  const [filters, setLocalFilters] = useState(() => filtersFrom(params));
  const written = useRef(query);
  useEffect(() => {
    if (query !== written.current) setLocalFilters(filtersFrom(new URLSearchParams(query)));
    written.current = query;
  }, [query]);
  const view = VIEWS.find((v) => v === params.get('view')) ?? 'tiles';
  const sort = sortFrom(params);
  const favourites = useFavourites();
  const filtered = useMemo(() => snapshot.apps.filter((a) => matches(a, filters, favourites)), [snapshot.apps, filters, favourites]);
  const visible = useMemo(() => sortApps(filtered, sort), [filtered, sort]);
  const setFilters = (f: AppFilters) => {
    setLocalFilters(f);
    const next = filtersTo(params, f);
    written.current = next.toString();
    setParams(next, { replace: true });
  };
  const setParam = (k: string, v: string, replace = false) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace });
  };

  return (
    <main className="page apps-page">
      <header className="page-header">
        <h1>Applications</h1>
        <button type="button" className="primary" onClick={() => setParam('new', 'true')}>
          + New app
        </button>
        <input
          type="search"
          placeholder="Search applications…"
          aria-label="Search applications"
          value={filters.search}
          onChange={(e) => setFilters({ ...filters, search: e.target.value })}
        />
        <label className="apps-sort">
          Sort
          <select value={sort} onChange={(e) => setParam('sort', e.target.value, true)}>
            {Object.entries(SORTS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <div role="group" aria-label="View">
          {VIEWS.map((v) => (
            <button key={v} aria-pressed={view === v} onClick={() => setParam('view', v)}>
              {v[0].toUpperCase() + v.slice(1)}
            </button>
          ))}
        </div>
      </header>
      {snapshot.stream === 'lost' && (
        <div className="banner" role="status">
          Connection to the server lost; reconnecting…
        </div>
      )}
      {snapshot.error && (
        <p className="error" role="alert">
          {snapshot.error}
        </p>
      )}
      <div className="apps-body">
        <FilterPanel apps={snapshot.apps} filters={filters} onChange={setFilters} />
        <section className="apps-list" aria-label="Applications" aria-busy={snapshot.loading}>
          <StatusBar apps={visible} total={snapshot.apps.length} loading={snapshot.loading} />
          {view === 'tiles' && <TileGrid apps={visible} favourites={favourites} />}
          {view === 'list' && <RowList apps={visible} favourites={favourites} />}
          {view === 'summary' && <SummaryView apps={visible} />}
        </section>
      </div>
    </main>
  );
}

function StatusBar({ apps, total, loading }: { apps: readonly Application[]; total: number; loading: boolean }) {
  const sync = countBy(apps, (a) => a.status?.sync?.status ?? 'Unknown');
  const health = countBy(apps, (a) => a.status?.health?.status ?? 'Unknown');
  return (
    <div className="status-bar" data-testid="status-bar">
      <span>
        <strong data-testid="apps-shown">{apps.length}</strong> of {total} applications{loading ? ' (loading…)' : ''}
      </span>
      {[...sync].map(([k, n]) => (
        <span key={`s-${k}`}>
          <SyncStatus status={k} /> {n}
        </span>
      ))}
      {[...health].map(([k, n]) => (
        <span key={`h-${k}`}>
          <HealthStatus status={k} /> {n}
        </span>
      ))}
    </div>
  );
}

const VIEWS = ['tiles', 'list', 'summary'] as const;

/** Counts of the apps shown, by sync status, health, cluster and project: one table each. */
function SummaryView({ apps }: { apps: readonly Application[] }) {
  const tables: { title: string; of: (a: Application) => string }[] = [
    { title: 'Sync status', of: (a) => a.status?.sync?.status ?? 'Unknown' },
    { title: 'Health status', of: (a) => a.status?.health?.status ?? 'Unknown' },
    { title: 'Cluster', of: clusterOf },
    { title: 'Project', of: (a) => a.spec.project },
  ];
  return (
    <div className="apps-summary scroller" data-testid="apps-summary">
      {tables.map((t) => {
        const counts = [...countBy(apps, t.of)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        return (
          <table key={t.title} className="table" data-testid={`summary-${t.title.toLowerCase().replace(' ', '-')}`}>
            <caption>By {t.title.toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">{t.title}</th>
                <th scope="col">Applications</th>
              </tr>
            </thead>
            <tbody>
              {counts.map(([value, n]) => (
                <tr key={value}>
                  <th scope="row">{value || '—'}</th>
                  <td>{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}

function FavouriteStar({ app, on }: { app: Application; on: boolean }) {
  return (
    <button
      className="favourite"
      aria-pressed={on}
      aria-label={`Favourite ${app.metadata.name}`}
      title={on ? 'Remove from favourites' : 'Add to favourites'}
      onClick={() => toggleFavourite(favouriteKey(app))}
    >
      {on ? '★' : '☆'}
    </button>
  );
}

function FilterPanel({ apps, filters, onChange }: { apps: readonly Application[]; filters: AppFilters; onChange: (f: AppFilters) => void }) {
  const groups: { key: keyof Omit<AppFilters, 'search' | 'labels' | 'favourites'>; title: string; of: (a: Application) => string[] }[] = [
    { key: 'sync', title: 'Sync status', of: (a) => [a.status?.sync?.status ?? 'Unknown'] },
    { key: 'health', title: 'Health status', of: (a) => [a.status?.health?.status ?? 'Unknown'] },
    { key: 'proj', title: 'Projects', of: (a) => [a.spec.project] },
    { key: 'cluster', title: 'Clusters', of: (a) => [clusterOf(a)] },
    { key: 'namespace', title: 'Namespaces', of: (a) => [a.spec.destination.namespace ?? ''] },
    { key: 'repo', title: 'Repositories', of: (a) => sourcesOf(a).map((s) => s.repoURL) },
  ];
  return (
    <aside className="filters" aria-label="Filters">
      <fieldset>
        <legend>Favourites</legend>
        <label>
          <input type="checkbox" checked={filters.favourites} onChange={(e) => onChange({ ...filters, favourites: e.target.checked })} />
          Favourites only
        </label>
      </fieldset>
      {groups.map((g) => {
        const counts = new Map<string, number>();
        for (const a of apps) for (const v of g.of(a)) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
        const values = [...counts.keys()].sort();
        return (
          <fieldset key={g.key}>
            <legend>{g.title}</legend>
            {values.slice(0, 50).map((v) => (
              <label key={v}>
                <input
                  type="checkbox"
                  checked={filters[g.key].includes(v)}
                  onChange={(e) => onChange({ ...filters, [g.key]: e.target.checked ? [...filters[g.key], v] : filters[g.key].filter((x) => x !== v) })}
                />
                {v} <span className="count">{counts.get(v)}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
      <LabelsFilter value={filters.labels} onChange={(labels) => onChange({ ...filters, labels })} />
    </aside>
  );
}

function LabelsFilter({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const [text, setText] = useState(value.join(','));
  useEffect(() => setText(value.join(',')), [value]);
  return (
    <fieldset>
      <legend>Labels</legend>
      <input
        aria-label="Label selector"
        placeholder="env=prod,team"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => onChange(text.split(',').map((s) => s.trim()).filter(Boolean))}
        onKeyDown={(e) => e.key === 'Enter' && onChange(text.split(',').map((s) => s.trim()).filter(Boolean))}
      />
    </fieldset>
  );
}

function useColumns(ref: React.RefObject<HTMLDivElement | null>): number {
  const [cols, setCols] = useState(3);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setCols(Math.max(1, Math.floor(el.clientWidth / TILE_WIDTH))));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return cols;
}

function TileGrid({ apps, favourites }: { apps: readonly Application[]; favourites: ReadonlySet<string> }) {
  const parent = useRef<HTMLDivElement>(null);
  const cols = useColumns(parent);
  const rows = Math.ceil(apps.length / cols);
  const virtual = useVirtualizer({ count: rows, getScrollElement: () => parent.current, estimateSize: () => TILE_HEIGHT, overscan: 3 });
  const marked = useRef(false);
  useEffect(() => {
    // For the UI benchmark (npm run bench:ui): the first tiles are in the document.
    if (marked.current || !parent.current?.querySelector('[data-testid=app-tile]')) return;
    marked.current = true;
    performance.mark('flotilla:apps-first-tiles');
  });
  return (
    <div ref={parent} className="scroller" data-testid="apps-scroller">
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((row) => (
          <div key={row.key} className="tile-row" style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${cols}, 1fr)` }}>
            {apps.slice(row.index * cols, row.index * cols + cols).map((app) => (
              <AppTile key={favouriteKey(app)} app={app} favourite={favourites.has(favouriteKey(app))} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function RowList({ apps, favourites }: { apps: readonly Application[]; favourites: ReadonlySet<string> }) {
  const parent = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: apps.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  return (
    <div ref={parent} className="scroller" data-testid="apps-scroller" role="table" aria-label="Applications">
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((item) => {
          const app = apps[item.index];
          return (
            <div key={item.key} role="row" className="app-row" data-testid="app-row" style={{ transform: `translateY(${item.start}px)` }}>
              <span role="cell">
                <FavouriteStar app={app} on={favourites.has(favouriteKey(app))} /> <Link to={detailsPath(app)}>{app.metadata.name}</Link>
              </span>
              <span role="cell">{app.spec.project}</span>
              <span role="cell">
                <SyncStatus status={app.status?.sync?.status} />
              </span>
              <span role="cell">
                <HealthStatus status={app.status?.health?.status} />
              </span>
              <span role="cell">{clusterOf(app)}</span>
              <span role="cell">{app.spec.destination.namespace}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

export const detailsPath = (app: Application) => `/applications/${encodeURIComponent(app.metadata.namespace ?? '')}/${encodeURIComponent(app.metadata.name)}`;

function AppTile({ app, favourite }: { app: Application; favourite: boolean }) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const source = sourcesOf(app)[0];
  const op = app.status?.operationState;
  const act = async (what: string, fn: () => Promise<unknown>) => {
    setBusy(what);
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  };
  const name = app.metadata.name;
  return (
    <article className="tile" data-testid="app-tile" data-app={name} aria-label={`Application ${name}`}>
      <h2>
        <FavouriteStar app={app} on={favourite} /> <Link to={detailsPath(app)}>{name}</Link>
      </h2>
      <dl>
        <dt>Project</dt>
        <dd>{app.spec.project}</dd>
        <dt>Status</dt>
        <dd>
          <HealthStatus status={app.status?.health?.status} /> <SyncStatus status={app.status?.sync?.status} /> <OperationPhase phase={op?.phase} />
        </dd>
        <dt>Repository</dt>
        <dd title={source?.repoURL}>{source?.repoURL}</dd>
        <dt>Target</dt>
        <dd>{source?.targetRevision || 'HEAD'}</dd>
        <dt>Destination</dt>
        <dd>
          {clusterOf(app)} / {app.spec.destination.namespace}
        </dd>
        <dt>Last sync</dt>
        <dd>{op?.finishedAt ? new Date(op.finishedAt).toLocaleString() : '—'}</dd>
      </dl>
      <div className="tile-actions">
        <button disabled={!!busy} onClick={() => void act('sync', () => applicationsApi.sync(name, { appNamespace: app.metadata.namespace }))}>
          {busy === 'sync' ? 'Syncing…' : 'Sync'}
        </button>
        <button disabled={!!busy} onClick={() => void act('refresh', () => applicationsApi.refresh(name, app.metadata.namespace))}>
          {busy === 'refresh' ? 'Refreshing…' : 'Refresh'}
        </button>
        <button
          disabled={!!busy}
          onClick={() => window.confirm(`Delete application ${name}?`) && void act('delete', () => applicationsApi.delete(name, app.metadata.namespace, true))}
        >
          Delete
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
