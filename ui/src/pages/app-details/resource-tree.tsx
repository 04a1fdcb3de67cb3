// The app's resources as a graph (dagre, left to right) or a list, with kind / sync / health filters;
// view and filters live in the URL (?view=list&kind=Pod) so a filtered view is a link.
import type { Application } from '@flotilla/api-types';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ResourceNode, ResourceTree } from '../../api/resources.api';
import { HealthStatus, SyncStatus } from '../../components/status-icons';
import { layoutGraph, matchesFilters, NODE_HEIGHT, NODE_WIDTH, resourceNodes, type GraphNode, type TreeFilters } from './resource-graph';
import './app-details.css';

const FILTERS = ['kind', 'sync', 'health'] as const;

export function filtersFromQuery(params: URLSearchParams): TreeFilters {
  const list = (k: string) => (params.get(k) ?? '').split(',').filter(Boolean);
  return { kind: list('kind'), sync: list('sync'), health: list('health') };
}

interface Props {
  app: Application;
  tree?: ResourceTree;
  onOpen: (key: string) => void;
}

export function ResourceTreeView({ app, tree, onOpen }: Props) {
  const [params, setParams] = useSearchParams();
  // The filters as the checkboxes show them at once; the URL (which a navigation updates a moment later) stays the truth.
  const query = FILTERS.map((k) => `${k}=${params.get(k) ?? ''}`).join('&');
  const [filters, setFilters] = useState(() => filtersFromQuery(params));
  useEffect(() => setFilters(filtersFromQuery(params)), [query]); // only when the filters in the URL change
  const view = params.get('view') === 'list' ? 'list' : 'tree';
  const all = useMemo(() => resourceNodes(app, tree), [app, tree]);
  const options = useMemo(
    () => ({
      kind: [...new Set(all.map((n) => n.node.kind))].sort(),
      sync: [...new Set(all.map((n) => n.sync).filter((s): s is string => !!s))].sort(),
      health: [...new Set(all.map((n) => n.node.health?.status).filter((s): s is string => !!s))].sort(),
    }),
    [all],
  );

  const setQuery = (mutate: (p: URLSearchParams) => void): void =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      mutate(next);
      return next;
    });
  const toggle = (k: (typeof FILTERS)[number], value: string, on: boolean): void => {
    const values = new Set(filters[k]);
    if (on) values.add(value);
    else values.delete(value);
    setFilters({ ...filters, [k]: [...values] });
    setQuery((p) => {
      if (values.size) p.set(k, [...values].join(','));
      else p.delete(k);
    });
  };
  const filtered = filters.kind.length + filters.sync.length + filters.health.length > 0;

  return (
    <section className="resources" aria-labelledby="resources-heading">
      <div className="resources-bar">
        <h2 id="resources-heading">Resources</h2>
        <div role="group" aria-label="View" className="segmented">
          <button aria-pressed={view === 'tree'} onClick={() => setQuery((p) => p.delete('view'))}>
            Tree
          </button>
          <button aria-pressed={view === 'list'} onClick={() => setQuery((p) => p.set('view', 'list'))}>
            List
          </button>
        </div>
        {filtered && <button onClick={() => setQuery((p) => FILTERS.forEach((k) => p.delete(k)))}>Clear filters</button>}
      </div>
      <div className="resource-filters">
        {FILTERS.map((k) => (
          <fieldset key={k}>
            <legend>{k === 'kind' ? 'Kind' : k === 'sync' ? 'Sync status' : 'Health status'}</legend>
            {[...new Set([...options[k], ...filters[k]])].map((v) => (
              <label key={v}>
                <input type="checkbox" checked={filters[k].includes(v)} onChange={(e) => toggle(k, v, e.target.checked)} />
                {v}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      {view === 'tree' ? (
        <Graph app={app} tree={tree} filters={filters} onOpen={onOpen} />
      ) : (
        <List all={all} filters={filters} onOpen={onOpen} />
      )}
    </section>
  );
}

function Graph({
  app,
  tree,
  filters,
  onOpen,
}: {
  app: Application;
  tree?: ResourceTree;
  filters: TreeFilters;
  onOpen: (key: string) => void;
}) {
  const graph = useMemo(() => layoutGraph(app, tree, filters), [app, tree, filters]);
  return (
    <div className="graph-scroll" role="region" aria-label="Resource tree" tabIndex={0}>
      <div className="graph" style={{ width: graph.width, height: graph.height }} data-testid="resource-graph">
        <svg className="graph-edges" width={graph.width} height={graph.height} aria-hidden="true">
          {graph.edges.map((e) => (
            <path key={`${e.from}->${e.to}`} d={edgePath(e.points)} />
          ))}
        </svg>
        {graph.nodes.map((n) => (
          <NodeCard key={n.key} n={n} app={app} onOpen={onOpen} />
        ))}
      </div>
    </div>
  );
}

/** A smooth path through dagre's edge points. */
function edgePath(points: { x: number; y: number }[]): string {
  if (!points.length) return '';
  const [first, ...rest] = points;
  let d = `M${first.x},${first.y}`;
  for (let i = 0; i < rest.length; i++) {
    const p = rest[i];
    const prev = i === 0 ? first : rest[i - 1];
    const mx = (prev.x + p.x) / 2;
    d += ` C${mx},${prev.y} ${mx},${p.y} ${p.x},${p.y}`;
  }
  return d;
}

function NodeCard({ n, app, onOpen }: { n: GraphNode; app: Application; onOpen: (key: string) => void }) {
  const style = { left: n.x - NODE_WIDTH / 2, top: n.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT };
  const isApp = n.node.kind === 'Application' && n.node.group === 'argoproj.io';
  const label = (
    <>
      <span className="node-kind">{n.node.kind}</span>{' '}
      <span className="node-name" title={n.node.name}>
        {n.node.name}
      </span>
    </>
  );
  return (
    <div
      className={`node-card${n.root ? ' node-root' : ''}`}
      style={style}
      data-testid="tree-node"
      data-kind={n.node.kind}
      data-name={n.node.name}
    >
      {n.root ? (
        <div className="node-open">{label}</div>
      ) : (
        <button className="node-open" onClick={() => onOpen(n.key)}>
          {label}
        </button>
      )}
      <span className="node-status">
        {(n.health || n.root) && <HealthStatus status={n.health} />}
        {(n.sync || n.root) && <SyncStatus status={n.sync} />}
        {isApp && !n.root && (
          <Link
            to={`/applications/${encodeURIComponent(n.node.namespace || app.metadata.namespace || '')}/${encodeURIComponent(n.node.name)}`}
            aria-label={`Open application ${n.node.name}`}
          >
            Open
          </Link>
        )}
      </span>
    </div>
  );
}

function List({ all, filters, onOpen }: { all: ReturnType<typeof resourceNodes>; filters: TreeFilters; onOpen: (key: string) => void }) {
  const rows = all.filter((n) => matchesFilters(n, filters)).sort((a, b) => a.key.localeCompare(b.key));
  return (
    <table className="table" aria-label="Resources list">
      <thead>
        <tr>
          <th>Kind</th>
          <th>Namespace</th>
          <th>Name</th>
          <th>Sync</th>
          <th>Health</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((n) => (
          <tr key={n.key} data-testid="resource-list-row" data-kind={n.node.kind}>
            <td>{n.node.kind}</td>
            <td>{n.node.namespace}</td>
            <td>
              <button className="link-button" onClick={() => onOpen(n.key)}>
                {n.node.name}
              </button>
              {isChildApp(n.node) && (
                <>
                  {' '}
                  <Link
                    to={`/applications/${encodeURIComponent(n.node.namespace ?? '')}/${encodeURIComponent(n.node.name)}`}
                    aria-label={`Open application ${n.node.name}`}
                  >
                    Open
                  </Link>
                </>
              )}
            </td>
            <td>{n.sync && <SyncStatus status={n.sync} />}</td>
            <td>{n.node.health?.status && <HealthStatus status={n.node.health.status} />}</td>
            <td>{n.node.createdAt}</td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={6}>No resources match the filters.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

const isChildApp = (n: ResourceNode) => n.kind === 'Application' && n.group === 'argoproj.io';
