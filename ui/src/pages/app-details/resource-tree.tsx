// The app's resources as a graph (dagre, left to right), a traffic graph (the network view) or a
// list, with kind / sync / health filters, node grouping and orphaned resources on request. View,
// filters and toggles live in the URL (?view=network&kind=Pod&group=true&orphaned=true) so a view is a link.
import type { Application } from '@flotilla/api-types';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ManagedResource, ResourceTree } from '../../api/resources.api';
import { GraphView } from './graph-view';
import { networkGraph } from './network-graph';
import { layoutGraph, resourceNodes, type TreeFilters, type TreeOptions } from './resource-graph';
import { ResourceList } from './resource-list';
import './app-details.css';

const FILTERS = ['kind', 'sync', 'health'] as const;
const VIEWS = [
  { id: 'tree', label: 'Tree' },
  { id: 'network', label: 'Network' },
  { id: 'list', label: 'List' },
] as const;
type View = (typeof VIEWS)[number]['id'];

export function filtersFromQuery(params: URLSearchParams): TreeFilters {
  const list = (k: string) => (params.get(k) ?? '').split(',').filter(Boolean);
  return { kind: list('kind'), sync: list('sync'), health: list('health') };
}

interface Props {
  app: Application;
  tree?: ResourceTree;
  /** The managed resources the page has read (undefined while loading); the network view draws from their live manifests. */
  managed?: ManagedResource[];
  onOpen: (key: string) => void;
}

export function ResourceTreeView({ app, tree, managed, onOpen }: Props) {
  const [params, setParams] = useSearchParams();
  // The filters as the checkboxes show them at once; the URL (which a navigation updates a moment later) stays the truth.
  const query = FILTERS.map((k) => `${k}=${params.get(k) ?? ''}`).join('&');
  const [filters, setFilters] = useState(() => filtersFromQuery(params));
  useEffect(() => setFilters(filtersFromQuery(params)), [query]); // only when the filters in the URL change
  const view: View = VIEWS.find((v) => v.id === params.get('view'))?.id ?? 'tree';
  // The toggles too show a click at once, and follow the URL when it changes (a link, Back).
  const flagsInUrl = { group: params.get('group') === 'true', orphaned: params.get('orphaned') === 'true' };
  const [flags, setFlags] = useState(flagsInUrl);
  useEffect(() => setFlags(flagsInUrl), [flagsInUrl.group, flagsInUrl.orphaned]); // only when the URL's toggles change
  const { group, orphaned } = flags;
  // Groups the user opened; kept while the page is, since a group's key outlives tree updates.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const opts: TreeOptions = useMemo(() => ({ orphaned, group, expanded }), [orphaned, group, expanded]);
  const all = useMemo(() => resourceNodes(app, tree, { orphaned }), [app, tree, orphaned]);
  const orphanCount = tree?.orphanedNodes?.length ?? 0;
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
  const setFlag = (k: 'group' | 'orphaned', on: boolean) => {
    setFlags({ ...flags, [k]: on });
    setQuery((p) => (on ? p.set(k, 'true') : p.delete(k)));
  };
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
  const expand = (key: string) => setExpanded((s) => new Set([...s, key]));
  const filtered = filters.kind.length + filters.sync.length + filters.health.length > 0;

  return (
    <section className="resources" aria-labelledby="resources-heading">
      <div className="resources-bar">
        <h2 id="resources-heading">Resources</h2>
        <div role="group" aria-label="View" className="segmented">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              aria-pressed={view === v.id}
              onClick={() => setQuery((p) => (v.id === 'tree' ? p.delete('view') : p.set('view', v.id)))}
            >
              {v.label}
            </button>
          ))}
        </div>
        {view !== 'list' && (
          <label className="bar-toggle">
            <input type="checkbox" checked={group} onChange={(e) => setFlag('group', e.target.checked)} />
            Group nodes
          </label>
        )}
        {(orphanCount > 0 || orphaned) && (
          <label className="bar-toggle">
            <input type="checkbox" checked={orphaned} onChange={(e) => setFlag('orphaned', e.target.checked)} />
            Show orphaned ({orphanCount})
          </label>
        )}
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
      {view === 'tree' && <TreeGraph app={app} tree={tree} filters={filters} opts={opts} onOpen={onOpen} onExpand={expand} />}
      {view === 'network' && (
        <NetworkGraph app={app} tree={tree} managed={managed} filters={filters} opts={opts} onOpen={onOpen} onExpand={expand} />
      )}
      {view === 'list' && <ResourceList all={all} filters={filters} onOpen={onOpen} />}
    </section>
  );
}

interface GraphProps {
  app: Application;
  tree?: ResourceTree;
  filters: TreeFilters;
  opts: TreeOptions;
  onOpen: (key: string) => void;
  onExpand: (key: string) => void;
}

function TreeGraph({ app, tree, filters, opts, onOpen, onExpand }: GraphProps) {
  const graph = useMemo(() => layoutGraph(app, tree, filters, opts), [app, tree, filters, opts]);
  return <GraphView graph={graph} app={app} label="Resource tree" onOpen={onOpen} onExpand={onExpand} />;
}

/** The network view reads the managed resources' live manifests (selectors, Ingress rules, addresses); the page reports their errors. */
function NetworkGraph({ app, tree, managed, filters, opts, onOpen, onExpand }: GraphProps & { managed?: ManagedResource[] }) {
  const graph = useMemo(() => networkGraph(app, tree, managed, filters, opts), [app, tree, managed, filters, opts]);
  return (
    <>
      <GraphView
        graph={graph}
        app={app}
        label="Network"
        onOpen={onOpen}
        onExpand={onExpand}
        empty={managed ? 'The application has no Services or Ingresses to draw.' : 'Loading…'}
      />
    </>
  );
}
