// A laid-out graph (tree or network view): edges as SVG curves, nodes as cards a click opens in the
// resource panel, group nodes a click expands, and the addresses traffic comes in from.
import type { Application } from '@flotilla/api-types';
import { Link } from 'react-router-dom';
import { HealthStatus, SyncStatus } from '../../components/status-icons';
import { NODE_HEIGHT, NODE_WIDTH, type Graph, type GraphNode } from './graph-layout';

interface Props {
  graph: Graph;
  app: Application;
  label: string;
  onOpen: (key: string) => void;
  onExpand: (groupKey: string) => void;
  empty?: string;
}

export function GraphView({ graph, app, label, onOpen, onExpand, empty }: Props) {
  return (
    <div className="graph-scroll" role="region" aria-label={label} tabIndex={0}>
      {graph.nodes.length === 0 && empty && <p className="graph-empty">{empty}</p>}
      <div className="graph" style={{ width: graph.width, height: graph.height }} data-testid="resource-graph">
        <svg className="graph-edges" width={graph.width} height={graph.height} aria-hidden="true">
          {graph.edges.map((e) => (
            <path key={`${e.from}->${e.to}`} d={edgePath(e.points)} />
          ))}
        </svg>
        {graph.nodes.map((n) => (
          <NodeCard key={n.key} n={n} app={app} onOpen={onOpen} onExpand={onExpand} />
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

function NodeCard({
  n,
  app,
  onOpen,
  onExpand,
}: {
  n: GraphNode;
  app: Application;
  onOpen: (key: string) => void;
  onExpand: (key: string) => void;
}) {
  const style = { left: n.x - NODE_WIDTH / 2, top: n.y - NODE_HEIGHT / 2, width: NODE_WIDTH, height: NODE_HEIGHT };
  if (n.addresses)
    return (
      <div className="node-card node-traffic" style={style} data-testid="traffic-node" title={n.addresses.join('\n')}>
        <div className="node-open">
          <span className="node-kind">Traffic from</span>
          <span className="node-name">{n.addresses.join(', ')}</span>
        </div>
      </div>
    );
  const isApp = n.node.kind === 'Application' && n.node.group === 'argoproj.io';
  const kind = n.orphaned ? `${n.node.kind} (orphaned)` : n.node.kind;
  const label = (
    <>
      {/* A group's visible text is its accessible name: "Expand 3 Pods". */}
      <span className="node-kind">{n.group ? 'Expand' : kind}</span>{' '}
      <span className="node-name" title={n.node.name}>
        {n.node.name}
      </span>
    </>
  );
  const cls = `node-card${n.root ? ' node-root' : ''}${n.orphaned ? ' node-orphaned' : ''}${n.group ? ' node-group' : ''}`;
  return (
    <div
      className={cls}
      style={style}
      data-testid={n.group ? 'group-node' : 'tree-node'}
      data-kind={n.node.kind}
      data-name={n.node.name}
      {...(n.orphaned ? { 'data-orphaned': 'true' } : {})}
    >
      {n.root ? (
        <div className="node-open">{label}</div>
      ) : n.group ? (
        <button className="node-open" aria-expanded={false} onClick={() => onExpand(n.key)}>
          {label}
        </button>
      ) : (
        <button className="node-open" onClick={() => onOpen(n.key)}>
          {label}
        </button>
      )}
      <span className="node-status">
        {(n.health || n.root || n.group) && <HealthStatus status={n.health} />}
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
