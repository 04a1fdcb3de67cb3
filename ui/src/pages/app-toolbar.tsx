// The application's actions above its details: sync, history and rollback, details and parameters,
// delete, refresh; and below them the sync operation as it runs and after it ends.
import '../components/app-ops/app-ops.css';
import type { Application } from '@flotilla/api-types';
import { useState } from 'react';
import { applicationsApi } from '../api/applications.api';
import { AppParameters } from '../components/app-ops/app-parameters';
import { DeleteApp } from '../components/app-ops/delete-app';
import { HistoryPanel } from '../components/app-ops/history-panel';
import { OperationStatus } from '../components/app-ops/operation-status';
import { SyncPanel } from '../components/app-ops/sync-panel';

type Open = 'sync' | 'history' | 'details' | 'delete' | undefined;

export function AppToolbar({ app }: { app: Application }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<Open>();
  const close = (): void => setOpen(undefined);
  const refresh = async (hard: boolean): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await applicationsApi.refresh(app.metadata.name, app.metadata.namespace, hard);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className="toolbar toolbar-ops" role="toolbar" aria-label="Application actions">
        <button className="primary" onClick={() => setOpen('sync')}>
          Sync
        </button>
        <button onClick={() => setOpen('history')}>History and rollback</button>
        <button onClick={() => setOpen('details')}>Details</button>
        <button disabled={busy} onClick={() => void refresh(false)}>
          {busy ? 'Refreshing…' : 'Refresh'}
        </button>
        <button disabled={busy} onClick={() => void refresh(true)}>
          Hard refresh
        </button>
        <button className="danger" onClick={() => setOpen('delete')}>
          Delete
        </button>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
      <OperationStatus app={app} />
      {open === 'sync' && <SyncPanel app={app} onClose={close} />}
      {open === 'history' && <HistoryPanel app={app} onClose={close} />}
      {open === 'details' && <AppParameters app={app} onClose={close} />}
      {open === 'delete' && <DeleteApp app={app} onClose={close} />}
    </>
  );
}
