// The applications list: every Application the user may see as tiles or rows, filtered by the URL's
// query, counted per status, kept live by the watch stream, and virtualised so 10,000 stay smooth.
import type { Application } from '@flotilla/api-types';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, useSyncExternalStore, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { applicationsApi } from '../api/applications.api';
import { HealthStatus, OperationPhase, SyncStatus } from '../components/status-icons';
import { applicationsStore } from '../live/applications.store';
import { clusterOf, countBy, filtersFrom, filtersTo, matches, sourcesOf, type AppFilters } from './application-filters';

const TILE_WIDTH = 340;
const TILE_HEIGHT = 196;
const ROW_HEIGHT = 44;

export function ApplicationsPage() {
  const snapshot = useSyncExternalStore(applicationsStore.subscribe, applicationsStore.getSnapshot);
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const view = params.get('view') === 'list' ? 'list' : 'tiles';
  const query = params.toString();
  const visible = useMemo(() => snapshot.apps.filter((a) => matches(a, filtersFrom(new URLSearchParams(query)))), [snapshot.apps, query]);
  const setFilters = (f: AppFilters) => setParams(filtersTo(params, f), { replace: true });
  const setView = (v: string) => {
    const next = new URLSearchParams(params);
    next.set('view', v);
    setParams(next);
  };

  return (
    <main className="page apps-page">
      <header className="page-header">
        <h1>Applications</h1>
        <input
          type="search"
          placeholder="Search applications…"
          aria-label="Search applications"
          value={filters.search}
          onChange={(e) => setFilters({ ...filters, search: e.target.value })}
        />
        <div role="group" aria-label="View">
          <button aria-pressed={view === 'tiles'} onClick={() => setView('tiles')}>
            Tiles
          </button>
          <button aria-pressed={view === 'list'} onClick={() => setView('list')}>
            List
          </button>
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
          {view === 'tiles' ? <TileGrid apps={visible} /> : <RowList apps={visible} />}
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

function FilterPanel({ apps, filters, onChange }: { apps: readonly Application[]; filters: AppFilters; onChange: (f: AppFilters) => void }) {
  const groups: { key: keyof Omit<AppFilters, 'search' | 'labels'>; title: string; of: (a: Application) => string[] }[] = [
    { key: 'sync', title: 'Sync status', of: (a) => [a.status?.sync?.status ?? 'Unknown'] },
    { key: 'health', title: 'Health status', of: (a) => [a.status?.health?.status ?? 'Unknown'] },
    { key: 'proj', title: 'Projects', of: (a) => [a.spec.project] },
    { key: 'cluster', title: 'Clusters', of: (a) => [clusterOf(a)] },
    { key: 'namespace', title: 'Namespaces', of: (a) => [a.spec.destination.namespace ?? ''] },
    { key: 'repo', title: 'Repositories', of: (a) => sourcesOf(a).map((s) => s.repoURL) },
  ];
  return (
    <aside className="filters" aria-label="Filters">
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

function TileGrid({ apps }: { apps: readonly Application[] }) {
  const parent = useRef<HTMLDivElement>(null);
  const cols = useColumns(parent);
  const rows = Math.ceil(apps.length / cols);
  const virtual = useVirtualizer({ count: rows, getScrollElement: () => parent.current, estimateSize: () => TILE_HEIGHT, overscan: 3 });
  return (
    <div ref={parent} className="scroller" data-testid="apps-scroller">
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((row) => (
          <div key={row.key} className="tile-row" style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${cols}, 1fr)` }}>
            {apps.slice(row.index * cols, row.index * cols + cols).map((app) => (
              <AppTile key={`${app.metadata.namespace}/${app.metadata.name}`} app={app} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function RowList({ apps }: { apps: readonly Application[] }) {
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
                <Link to={detailsPath(app)}>{app.metadata.name}</Link>
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

function AppTile({ app }: { app: Application }) {
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
        <Link to={detailsPath(app)}>{name}</Link>
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
