// The application's actions above its details: refresh now; the sync panel, history and rollback join it.
import type { Application } from '@flotilla/api-types';
import { useState } from 'react';
import { applicationsApi } from '../api/applications.api';

export function AppToolbar({ app }: { app: Application }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
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
    <div className="toolbar" role="toolbar" aria-label="Application actions">
      <button disabled={busy} onClick={() => void refresh(false)}>
        {busy ? 'Refreshing…' : 'Refresh'}
      </button>
      <button disabled={busy} onClick={() => void refresh(true)}>
        Hard refresh
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
