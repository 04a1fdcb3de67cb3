// One Application: its status, its resources as a live tree (or list) with a panel per resource
// (?resource=<group>/<kind>/<namespace>/<name>), its sources and conditions, kept live by the
// Application's watch stream and the resource tree's.
import type { Application } from '@flotilla/api-types';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { withQuery } from '../api/api.client';
import { applicationsApi } from '../api/applications.api';
import { HealthStatus, OperationPhase, SyncStatus } from '../components/status-icons';
import { AppToolbar } from './app-toolbar';
import { openStream, type StreamState } from '../live/event-stream';
import { resourceKey, type ResourceNode } from '../api/resources.api';
import { AppConditions, AppSources } from './app-details/app-info';
import { ResourcePanel, type PanelTab } from './app-details/resource-panel';
import { ResourceTreeView } from './app-details/resource-tree';
import { useManagedResources, useResourceTree } from './app-details/use-resources';

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
      <AppResources app={app} />
      <AppConditions app={app} />
      <AppSources app={app} />
    </main>
  );
}

function AppResources({ app }: { app: Application }) {
  const name = app.metadata.name;
  const appNamespace = app.metadata.namespace ?? '';
  const { tree, error: treeError } = useResourceTree(name, appNamespace);
  const { managed, error: managedError } = useManagedResources(app);
  const [params, setParams] = useSearchParams();
  const selected = params.get('resource') ?? '';
  const tab = (params.get('tab') ?? 'summary') as PanelTab;

  const open = useCallback(
    (key: string) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set('resource', key);
        next.delete('tab');
        return next;
      }),
    [setParams],
  );
  const close = useCallback(
    () =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.delete('resource');
        next.delete('tab');
        return next;
      }),
    [setParams],
  );
  const setTab = useCallback(
    (t: PanelTab) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('tab', t);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const node = useMemo(() => findNode(app, [...(tree?.nodes ?? []), ...(tree?.orphanedNodes ?? [])], selected), [app, tree, selected]);
  const managedItem = managed?.find((m) => resourceKey(m) === selected);
  const sync = app.status?.resources?.find((r) => resourceKey(r) === selected)?.status;

  return (
    <>
      {treeError && (
        <p className="error" role="alert">
          Resource tree: {treeError}
        </p>
      )}
      {managedError && (
        <p className="error" role="alert">
          Managed resources: {managedError}
        </p>
      )}
      <ResourceTreeView app={app} tree={tree} managed={managed} onOpen={open} />
      {selected && node && (
        <ResourcePanel
          app={app}
          node={node}
          sync={sync}
          managed={managedItem}
          managedLoaded={managed !== undefined}
          tab={tab}
          onTab={setTab}
          onClose={close}
        />
      )}
      {selected && !node && tree && (
        <div className="banner" role="status">
          The resource {selected} is not in the application&apos;s tree (any more). <button onClick={close}>Dismiss</button>
        </div>
      )}
    </>
  );
}

/** The selected resource: a live node of the tree (orphaned ones too), else a managed resource that is not live (Missing). */
function findNode(app: Application, nodes: ResourceNode[], key: string): ResourceNode | undefined {
  if (!key) return undefined;
  const live = nodes.find((n) => resourceKey(n) === key);
  if (live) return live;
  const r = app.status?.resources?.find((s) => resourceKey(s) === key);
  return (
    r && {
      group: r.group,
      version: r.version,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      health: r.health ?? { status: 'Missing' },
    }
  );
}
