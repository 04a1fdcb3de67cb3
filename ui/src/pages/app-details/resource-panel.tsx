// The side panel of one resource (?resource=<group>/<kind>/<namespace>/<name>&tab=…): summary, live
// and desired manifests, their diff, events, logs (pods and workloads), actions and deletion.
import type { Application } from '@flotilla/api-types';
import { useEffect, useMemo, useRef, useState } from 'react';
import YAML from 'yaml';
import {
  resourcesApi,
  type DeleteMode,
  type KubeEvent,
  type ManagedResource,
  type ResourceAction,
  type ResourceNode,
} from '../../api/resources.api';
import { HealthStatus, SyncStatus } from '../../components/status-icons';
import { ManifestDiff, normalisedYaml } from './manifest-diff';
import { PodLogs } from './pod-logs';

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

const TABS = [
  ['summary', 'Summary'],
  ['manifest', 'Live manifest'],
  ['desired', 'Desired manifest'],
  ['diff', 'Diff'],
  ['events', 'Events'],
  ['logs', 'Logs'],
  ['actions', 'Actions'],
  ['delete', 'Delete'],
] as const;
export type PanelTab = (typeof TABS)[number][0];

interface Props {
  app: Application;
  node: ResourceNode;
  sync?: string;
  managed?: ManagedResource;
  /** False while the managed resources are still being read. */
  managedLoaded: boolean;
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  onClose: () => void;
}

export function ResourcePanel({ app, node, sync, managed, managedLoaded, tab, onTab, onClose }: Props) {
  const appName = app.metadata.name;
  const appNs = app.metadata.namespace;
  const hasLogs =
    (node.kind === 'Pod' && !node.group) || (node.group === 'apps' || node.group === 'batch' ? WORKLOADS.has(node.kind) : false);
  const tabs = TABS.filter(([id]) => id !== 'logs' || hasLogs);
  const current = tabs.some(([id]) => id === tab) ? tab : 'summary';
  const closeRef = useRef<HTMLButtonElement>(null);
  const live = useLiveManifest(appName, appNs, node, current === 'manifest' || current === 'logs' || current === 'summary');

  const dialogRef = useRef<HTMLDivElement>(null);
  // Focus moves into the panel, stays there (Tab wraps), and returns to where it was on close.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    closeRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
      if (e.key === 'Tab' && dialogRef.current) trapTab(e, dialogRef.current);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const containers = useMemo(() => containersOf(live.object), [live.object]);
  const onTabKey = (e: React.KeyboardEvent, i: number): void => {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : undefined;
    if (next === undefined) return;
    const [id] = tabs[(next + tabs.length) % tabs.length];
    onTab(id);
    document.getElementById(`tab-${id}`)?.focus();
  };

  return (
    <div className="panel-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialogRef} className="resource-panel" role="dialog" aria-modal="true" aria-labelledby="resource-panel-title">
        <header className="panel-header">
          <h2 id="resource-panel-title">
            <span className="muted">{node.kind}</span> {node.name}
          </h2>
          <span className="panel-status">
            {node.health?.status && <HealthStatus status={node.health.status} />}
            {sync && <SyncStatus status={sync} />}
          </span>
          <button ref={closeRef} className="panel-close" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </header>
        <div role="tablist" aria-label="Resource details" className="tabs">
          {tabs.map(([id, label], i) => (
            <button
              key={id}
              id={`tab-${id}`}
              role="tab"
              aria-selected={current === id}
              aria-controls={`tabpanel-${id}`}
              tabIndex={current === id ? 0 : -1}
              onClick={() => onTab(id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="tab-panel" role="tabpanel" id={`tabpanel-${current}`} aria-labelledby={`tab-${current}`}>
          {current === 'summary' && <Summary node={node} sync={sync} live={live.object} />}
          {current === 'manifest' &&
            (live.error ? (
              <p className="error" role="alert">
                {live.error}
              </p>
            ) : live.yaml === undefined ? (
              <p aria-busy="true">Loading…</p>
            ) : (
              <Yaml text={live.yaml} label="Live manifest" />
            ))}
          {current === 'desired' && <Desired managed={managed} loaded={managedLoaded} />}
          {current === 'diff' &&
            (managed ? (
              <ManifestDiff resource={managed} />
            ) : (
              <p className="muted">
                {managedLoaded ? 'This resource is not managed by the application: it has no desired state to compare.' : 'Loading…'}
              </p>
            ))}
          {current === 'events' && <Events app={appName} appNamespace={appNs} node={node} />}
          {current === 'logs' && hasLogs && <PodLogs app={appName} appNamespace={appNs} node={node} containers={containers} />}
          {current === 'actions' && <Actions app={appName} appNamespace={appNs} node={node} />}
          {current === 'delete' && <Delete app={appName} appNamespace={appNs} node={node} onDeleted={onClose} />}
        </div>
      </div>
    </div>
  );
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function trapTab(e: KeyboardEvent, dialog: HTMLElement): void {
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (!items.length) return;
  const first = items[0];
  const lastItem = items[items.length - 1];
  const inside = dialog.contains(document.activeElement);
  if (e.shiftKey && (document.activeElement === first || !inside)) {
    e.preventDefault();
    lastItem.focus();
  } else if (!e.shiftKey && (document.activeElement === lastItem || !inside)) {
    e.preventDefault();
    first.focus();
  }
}

type KubeObj = { metadata?: Record<string, unknown>; spec?: Record<string, unknown> } & Record<string, unknown>;

/** The live object, read again when the node's resourceVersion moves. */
function useLiveManifest(
  app: string,
  appNamespace: string | undefined,
  node: ResourceNode,
  wanted: boolean,
): { object?: KubeObj; yaml?: string; error?: string } {
  const [state, setState] = useState<{ object?: KubeObj; yaml?: string; error?: string }>({});
  const { group, version, kind, namespace, name, resourceVersion } = node;
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    resourcesApi.liveManifest(app, { group, version, kind, namespace, name }, appNamespace).then(
      (text) => {
        if (cancelled) return;
        const object = text ? (JSON.parse(text) as KubeObj) : undefined;
        setState({ object, yaml: object ? YAML.stringify(object, { lineWidth: 0 }) : '' });
      },
      (err: Error) => !cancelled && setState({ error: err.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [app, appNamespace, group, version, kind, namespace, name, resourceVersion, wanted]);
  return state;
}

function containersOf(obj: KubeObj | undefined): string[] {
  const spec = obj?.spec as
    { containers?: { name: string }[]; template?: { spec?: { containers?: { name: string }[] } }; jobTemplate?: unknown } | undefined;
  const list = spec?.containers ?? spec?.template?.spec?.containers ?? [];
  return list.map((c) => c.name);
}

function Yaml({ text, label }: { text: string; label: string }) {
  return (
    <pre className="yaml" aria-label={label} tabIndex={0} data-testid="yaml">
      {text}
    </pre>
  );
}

function Summary({ node, sync, live }: { node: ResourceNode; sync?: string; live?: KubeObj }) {
  const meta = live?.metadata as { labels?: Record<string, string>; annotations?: Record<string, string>; uid?: string } | undefined;
  return (
    <dl className="fields">
      <dt>Kind</dt>
      <dd>{node.kind}</dd>
      <dt>Name</dt>
      <dd>{node.name}</dd>
      <dt>Namespace</dt>
      <dd>{node.namespace || '—'}</dd>
      <dt>API version</dt>
      <dd>{[node.group, node.version].filter(Boolean).join('/') || 'v1'}</dd>
      <dt>Sync status</dt>
      <dd>{sync ? <SyncStatus status={sync} /> : 'not managed by the application'}</dd>
      <dt>Health</dt>
      <dd>
        {node.health?.status ? <HealthStatus status={node.health.status} /> : '—'}
        {node.health?.message && <span className="muted"> {node.health.message}</span>}
      </dd>
      <dt>Created</dt>
      <dd>{node.createdAt ?? '—'}</dd>
      <dt>UID</dt>
      <dd>{node.uid ?? meta?.uid ?? '—'}</dd>
      {node.images?.length ? (
        <>
          <dt>Images</dt>
          <dd>{node.images.join(', ')}</dd>
        </>
      ) : null}
      {(node.info ?? []).map((i) => (
        <InfoRow key={i.name} name={i.name} value={i.value} />
      ))}
      {meta?.labels && (
        <>
          <dt>Labels</dt>
          <dd>
            {Object.entries(meta.labels)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}
          </dd>
        </>
      )}
    </dl>
  );
}

function InfoRow({ name, value }: { name: string; value: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </>
  );
}

function Desired({ managed, loaded }: { managed?: ManagedResource; loaded: boolean }) {
  if (!loaded) return <p aria-busy="true">Loading…</p>;
  if (!managed) return <p className="muted">This resource is not managed by the application: it has no desired manifest.</p>;
  const text = normalisedYaml(managed.targetState);
  return text ? (
    <Yaml text={text} label="Desired manifest" />
  ) : (
    <p className="muted">The application no longer wants this resource (it would be pruned).</p>
  );
}

function Events({ app, appNamespace, node }: { app: string; appNamespace?: string; node: ResourceNode }) {
  const [events, setEvents] = useState<KubeEvent[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    resourcesApi.events(app, node, appNamespace).then(
      (e) => !cancelled && setEvents(e),
      (err: Error) => !cancelled && setError(err.message),
    );
    return () => {
      cancelled = true;
    };
    // Read again when the resource changes, not on every tree update.
  }, [app, appNamespace, node.uid, node.namespace, node.name, node.resourceVersion]);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!events) return <p aria-busy="true">Loading…</p>;
  if (!events.length) return <p className="muted">No events.</p>;
  const sorted = [...events].sort((a, b) => (last(b) ?? '').localeCompare(last(a) ?? ''));
  return (
    <table className="table" aria-label="Events">
      <thead>
        <tr>
          <th>Type</th>
          <th>Reason</th>
          <th>Message</th>
          <th>Count</th>
          <th>First seen</th>
          <th>Last seen</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((e) => (
          <tr key={e.metadata.uid ?? e.metadata.name} className={e.type === 'Warning' ? 'event-warning' : undefined}>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td>{e.message}</td>
            <td>{e.count ?? 1}</td>
            <td>{e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp}</td>
            <td>{last(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const last = (e: KubeEvent) => e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? undefined;

function Actions({ app, appNamespace, node }: { app: string; appNamespace?: string; node: ResourceNode }) {
  const [actions, setActions] = useState<ResourceAction[]>();
  const [error, setError] = useState<string>();
  const [chosen, setChosen] = useState<ResourceAction>();
  const [params, setParams] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    let cancelled = false;
    resourcesApi.actions(app, node, appNamespace).then(
      (a) => !cancelled && setActions(a),
      (err: Error) => !cancelled && setError(err.message),
    );
    return () => {
      cancelled = true;
    };
  }, [app, appNamespace, node.group, node.kind, node.namespace, node.name, node.resourceVersion]);

  const run = async (): Promise<void> => {
    if (!chosen) return;
    setRunning(true);
    setResult(undefined);
    try {
      const values = (chosen.params ?? []).map((p) => ({ name: p.name ?? '', value: params[p.name ?? ''] ?? p.default ?? '' }));
      await resourcesApi.runAction(app, node, chosen.name, values, appNamespace);
      setResult({ ok: true, text: `Action ${chosen.displayName || chosen.name} succeeded on ${node.kind} ${node.name}` });
      setChosen(undefined);
    } catch (err) {
      setResult({ ok: false, text: `Action ${chosen.name} failed: ${(err as Error).message}` });
    } finally {
      setRunning(false);
    }
  };

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!actions) return <p aria-busy="true">Loading…</p>;
  return (
    <div className="actions">
      {actions.length === 0 && <p className="muted">No actions are available for {node.kind}.</p>}
      <ul className="action-list">
        {actions.map((a) => (
          <li key={a.name}>
            <button disabled={a.disabled || running} onClick={() => setChosen(a)} aria-pressed={chosen?.name === a.name}>
              {a.displayName || a.name}
            </button>
            {a.disabled && <span className="muted"> (not available now)</span>}
          </li>
        ))}
      </ul>
      {chosen && (
        <form
          className="confirm"
          aria-label={`Confirm action ${chosen.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <p>
            Run <strong>{chosen.displayName || chosen.name}</strong> on {node.kind} {node.name}?
          </p>
          {(chosen.params ?? []).map(({ name = '', ...p }) => (
            <label key={name}>
              {name}
              <input
                value={params[name] ?? p.default ?? ''}
                type={p.type === 'number' || name === 'replicas' ? 'number' : 'text'}
                required
                onChange={(e) => setParams((prev) => ({ ...prev, [name]: e.target.value }))}
              />
            </label>
          ))}
          <div className="confirm-buttons">
            <button type="submit" className="primary" disabled={running}>
              {running ? 'Running…' : `Run ${chosen.displayName || chosen.name}`}
            </button>
            <button type="button" onClick={() => setChosen(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {result && (
        <p className={result.ok ? 'status status-ok' : 'error'} role={result.ok ? 'status' : 'alert'} data-testid="action-result">
          {result.text}
        </p>
      )}
    </div>
  );
}

function Delete({ app, appNamespace, node, onDeleted }: { app: string; appNamespace?: string; node: ResourceNode; onDeleted: () => void }) {
  const [mode, setMode] = useState<DeleteMode>('foreground');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await resourcesApi.delete(app, node, mode, appNamespace);
      onDeleted();
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <form
      className="confirm"
      aria-label={`Delete ${node.kind} ${node.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void remove();
      }}
    >
      <p>
        Delete {node.kind} <strong>{node.name}</strong> from the cluster? If the application still wants it, the next sync creates it again.
      </p>
      <fieldset>
        <legend>Propagation</legend>
        <label>
          <input type="radio" name="delete-mode" checked={mode === 'foreground'} onChange={() => setMode('foreground')} /> Foreground:
          delete its dependents first
        </label>
        <label>
          <input type="radio" name="delete-mode" checked={mode === 'orphan'} onChange={() => setMode('orphan')} /> Orphan: leave its
          dependents in place
        </label>
        <label>
          <input type="radio" name="delete-mode" checked={mode === 'force'} onChange={() => setMode('force')} /> Force: at once, without a
          grace period
        </label>
      </fieldset>
      <label>
        Type <strong>{node.name}</strong> to confirm
        <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </label>
      <div className="confirm-buttons">
        <button type="submit" className="danger" disabled={busy || typed !== node.name}>
          {busy ? 'Deleting…' : 'Delete'}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
