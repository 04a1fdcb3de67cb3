// One Application: its summary, status and resources, kept live by the Application's watch stream.
import type { Application } from '@flotilla/api-types';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { withQuery } from '../api/api.client';
import { applicationsApi } from '../api/applications.api';
import { HealthStatus, OperationPhase, SyncStatus } from '../components/status-icons';
import { AppToolbar } from './app-toolbar';
import { openStream, type StreamState } from '../live/event-stream';
import { sourcesOf, clusterOf } from './application-filters';

/** The Application by name, fetched once and then replaced by every MODIFIED event of its stream. */
export function useLiveApplication(name: string, appNamespace: string): { app?: Application; error?: string; stream: StreamState } {
  const [app, setApp] = useState<Application>();
  const [error, setError] = useState<string>();
  const [stream, setStream] = useState<StreamState>('connecting');
  useEffect(() => {
    let close: (() => void) | undefined;
    let cancelled = false;
    applicationsApi.get(name, appNamespace).then(
      (a) => {
        if (cancelled) return;
        setApp(a);
        close = openStream<{ type: string; application: Application }>({
          resourceVersion: a.metadata.resourceVersion,
          url: (rv) => withQuery('/api/v1/stream/applications', { name, appNamespace, resourceVersion: rv }),
          versionOf: (e) => e.application?.metadata?.resourceVersion,
          onState: setStream,
          onEvent: (e) => (e.type === 'DELETED' ? setError(`Application ${name} was deleted`) : setApp(e.application)),
        });
      },
      (err: Error) => setError(err.message),
    );
    return () => {
      cancelled = true;
      close?.();
    };
  }, [name, appNamespace]);
  return { app, error, stream };
}

export function ApplicationDetailsPage() {
  const { namespace = '', name = '' } = useParams();
  const { app, error, stream } = useLiveApplication(name, namespace);
  if (error && !app)
    return (
      <main className="page">
        <p className="error" role="alert">
          {error}
        </p>
      </main>
    );
  if (!app)
    return (
      <main className="page" aria-busy="true">
        Loading…
      </main>
    );
  const source = sourcesOf(app)[0];
  return (
    <main className="page app-details">
      <header className="page-header">
        <h1>{app.metadata.name}</h1>
        <HealthStatus status={app.status?.health?.status} />
        <SyncStatus status={app.status?.sync?.status} />
        <OperationPhase phase={app.status?.operationState?.phase} />
      </header>
      <AppToolbar app={app} />
      {stream === 'lost' && (
        <div className="banner" role="status">
          Connection to the server lost; reconnecting…
        </div>
      )}
      {error && <p className="error">{error}</p>}
      <dl className="fields">
        <dt>Project</dt>
        <dd>{app.spec.project}</dd>
        <dt>Repository</dt>
        <dd>{source?.repoURL}</dd>
        <dt>Path</dt>
        <dd>{source?.path ?? source?.chart}</dd>
        <dt>Target revision</dt>
        <dd>{source?.targetRevision || 'HEAD'}</dd>
        <dt>Synced to</dt>
        <dd>{app.status?.sync?.revision}</dd>
        <dt>Destination</dt>
        <dd>
          {clusterOf(app)} / {app.spec.destination.namespace}
        </dd>
      </dl>
      <h2>Resources</h2>
      <table className="table" aria-label="Resources">
        <thead>
          <tr>
            <th>Kind</th>
            <th>Namespace</th>
            <th>Name</th>
            <th>Sync</th>
            <th>Health</th>
          </tr>
        </thead>
        <tbody>
          {(app.status?.resources ?? []).map((r) => (
            <tr key={`${r.group}/${r.kind}/${r.namespace}/${r.name}`} data-testid="resource-row">
              <td>{r.kind}</td>
              <td>{r.namespace}</td>
              <td>{r.name}</td>
              <td>
                <SyncStatus status={r.status} />
              </td>
              <td>{r.health && <HealthStatus status={r.health.status} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
