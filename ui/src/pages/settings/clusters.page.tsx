// Settings › Clusters: every cluster Flotilla deploys to, with what the controller last learned of it.
import { Link } from 'react-router-dom';
import { clustersApi } from '../../api/clusters.api';
import { ConnectionStatus } from './connection-status';
import { LoadState, useLoad } from './use-load';
import { SettingsHeader } from './settings-header';
import './settings.css';

export function ClustersPage() {
  const clusters = useLoad(() => clustersApi.list(), [], { pollMs: 10_000 });
  const items = clusters.data?.items ?? [];
  return (
    <main className="page">
      <SettingsHeader title="Clusters" onRefresh={clusters.reload} />
      <LoadState loaded={clusters} what="clusters" />
      {clusters.data && (
        <table className="table" aria-label="Clusters">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Server</th>
              <th scope="col">Connection</th>
              <th scope="col">Version</th>
              <th scope="col">Applications</th>
              <th scope="col">Labels</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => {
              const state = c.info?.connectionState ?? c.connectionState;
              return (
                <tr key={c.server} data-testid="cluster-row" data-cluster={c.name}>
                  <td>{c.name}</td>
                  <td className="wrap">{c.server}</td>
                  <td>
                    <ConnectionStatus state={state} />
                  </td>
                  <td>{c.info?.serverVersion ?? '—'}</td>
                  <td>
                    <Link
                      to={`/applications?cluster=${encodeURIComponent(`${c.name},${c.server}`)}`}
                      aria-label={`Applications on ${c.name}: ${c.info?.applicationsCount ?? 0}`}
                    >
                      {c.info?.applicationsCount ?? 0}
                    </Link>
                  </td>
                  <td>
                    <Labels labels={c.labels} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {clusters.data && items.length === 0 && <p className="muted">No clusters.</p>}
    </main>
  );
}

export function Labels({ labels }: { labels?: Record<string, string> }) {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <span className="chips">
      {entries.map(([k, v]) => (
        <span className="chip" key={k}>
          {k}={v}
        </span>
      ))}
    </span>
  );
}
