// status.history with each deployment's commit (RevisionMetadata), and Rollback to one of them after a
// confirmation: POST …/rollback {id, prune, dryRun}. The server refuses while auto-sync is on; its words are shown.
import type { Application, RevisionHistory } from '@flotilla/api-types';
import { useEffect, useState } from 'react';
import { operationsApi, type RevisionMetadata } from '../../api/operations.api';
import { Dialog, ErrorMessage } from '../dialog';
import { Check } from './sync-panel';

function Commit({ app, entry }: { app: Application; entry: RevisionHistory }) {
  const revision = entry.revision ?? entry.revisions?.[0];
  const { name, namespace } = app.metadata;
  const [meta, setMeta] = useState<RevisionMetadata>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!revision) return;
    let cancelled = false;
    operationsApi.revisionMetadata({ metadata: { name, namespace } }, revision, entry.id).then(
      (m) => !cancelled && setMeta(m),
      (err: Error) => !cancelled && setError(err.message),
    );
    return () => {
      cancelled = true;
    };
  }, [name, namespace, revision, entry.id]);
  return (
    <div className="history-commit">
      <span className="mono" title={revision}>
        {revision?.slice(0, 7)}
      </span>
      {meta && (
        <>
          <span data-testid="commit-message">{meta.message}</span>
          <span className="meta">
            {meta.author}
            {meta.date ? `, ${new Date(meta.date).toLocaleString()}` : ''}
          </span>
        </>
      )}
      {error && <span className="meta">{error}</span>}
    </div>
  );
}

const sourceOf = (entry: RevisionHistory): string =>
  (entry.sources ?? (entry.source ? [entry.source] : [])).map((s) => `${s.repoURL} ${s.path ?? s.chart ?? ''} ${s.targetRevision ?? ''}`.trim()).join('; ');

export function HistoryPanel({ app, onClose }: { app: Application; onClose: () => void }) {
  const history = [...(app.status?.history ?? [])].reverse();
  const [target, setTarget] = useState<RevisionHistory>();
  const [prune, setPrune] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const rollback = async (entry: RevisionHistory): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await operationsApi.rollback(app, { id: entry.id, prune, dryRun });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`History of ${app.metadata.name}`} onClose={onClose} wide>
      {history.length === 0 ? (
        <p>No deployments yet.</p>
      ) : (
        <table className="table" aria-label="Deployment history">
          <thead>
            <tr>
              <th>ID</th>
              <th>Revision</th>
              <th>Deployed at</th>
              <th>Source</th>
              <th>Initiated by</th>
              <th>Action</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id} data-testid="history-row" data-id={h.id}>
                <td>{h.id}</td>
                <td>
                  <Commit app={app} entry={h} />
                </td>
                <td>{new Date(h.deployedAt).toLocaleString()}</td>
                <td className="mono">{sourceOf(h)}</td>
                <td>{h.initiatedBy?.automated ? 'automated' : (h.initiatedBy?.username ?? '')}</td>
                <td>
                  <button aria-label={`Rollback to ${h.id}`} onClick={() => (setTarget(h), setError(undefined))}>
                    Rollback
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {target && (
        <div className="confirm" role="group" aria-label="Confirm rollback">
          <p>
            Roll {app.metadata.name} back to deployment {target.id} (revision <span className="mono">{(target.revision ?? target.revisions?.[0])?.slice(0, 7)}</span>)?
          </p>
          <Check label="Prune" checked={prune} onChange={setPrune} />
          <Check label="Dry run" checked={dryRun} onChange={setDryRun} />
          <ErrorMessage error={error} />
          <div className="actions">
            <button onClick={() => setTarget(undefined)}>Cancel</button>
            <button className="primary" disabled={busy} onClick={() => void rollback(target)}>
              {busy ? 'Rolling back…' : `Roll back to ${target.id}`}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
