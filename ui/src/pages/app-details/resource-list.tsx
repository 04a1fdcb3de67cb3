// The app's resources as a table (the list view), filtered like the graph, orphaned ones marked.
import { Link } from 'react-router-dom';
import type { ResourceNode } from '../../api/resources.api';
import { HealthStatus, SyncStatus } from '../../components/status-icons';
import { matchesFilters, type AppResource, type TreeFilters } from './resource-graph';

export function ResourceList({ all, filters, onOpen }: { all: AppResource[]; filters: TreeFilters; onOpen: (key: string) => void }) {
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
          <tr key={n.key} data-testid="resource-list-row" data-kind={n.node.kind} {...(n.orphaned ? { 'data-orphaned': 'true' } : {})}>
            <td>{n.node.kind}</td>
            <td>{n.node.namespace}</td>
            <td>
              <button className="link-button" onClick={() => onOpen(n.key)}>
                {n.node.name}
              </button>
              {n.orphaned && <span className="orphaned-tag"> (orphaned)</span>}
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
