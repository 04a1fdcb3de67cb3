// Credential templates: the repo-creds Secrets, listed, added and deleted. Their passwords never come back from the server.
import { useState } from 'react';
import { repoCredsApi, type RepoCreds } from '../../api/repositories.api';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { LoadState, type Loaded } from './use-load';

export function RepoCredsSection({
  creds,
  onNotice,
}: {
  creds: Loaded<{ items?: RepoCreds[] }>;
  onNotice: (n: { text: string; bad?: boolean }) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<RepoCreds>();
  const remove = async (c: RepoCreds): Promise<void> => {
    setDeleting(undefined);
    try {
      await repoCredsApi.delete(c.url);
      onNotice({ text: `Credential template ${c.url} deleted` });
    } catch (err) {
      onNotice({ text: (err as Error).message, bad: true });
    }
    creds.reload();
  };
  return (
    <section className="section" aria-labelledby="creds-heading">
      <header className="page-header">
        <h2 id="creds-heading">Credential templates</h2>
        <button type="button" onClick={() => setAdding(true)}>
          Add credential template
        </button>
      </header>
      <LoadState loaded={creds} what="credential templates" />
      {creds.data && (creds.data.items ?? []).length > 0 && (
        <table className="table" aria-label="Credential templates">
          <thead>
            <tr>
              <th scope="col">URL prefix</th>
              <th scope="col">Username</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(creds.data.items ?? []).map((c) => (
              <tr key={c.url} data-testid="creds-row">
                <td className="wrap">{c.url}</td>
                <td>{c.username || '—'}</td>
                <td className="actions">
                  <button type="button" aria-label={`Delete credential template ${c.url}`} onClick={() => setDeleting(c)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creds.data && (creds.data.items ?? []).length === 0 && <p className="muted">No credential templates.</p>}
      {adding && (
        <AddCredsDialog
          onClose={() => setAdding(false)}
          onAdded={(c) => {
            setAdding(false);
            onNotice({ text: `Credential template ${c.url} added` });
            creds.reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete credential template"
          verb="Delete"
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => void remove(deleting)}
        >
          Delete the credential template for <strong>{deleting.url}</strong>? Repositories that borrowed its credentials lose them.
        </ConfirmDialog>
      )}
    </section>
  );
}

function AddCredsDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (c: RepoCreds) => void }) {
  const [form, setForm] = useState({ url: '', username: '', password: '' });
  const [error, setError] = useState<string>();
  const set = (patch: Partial<typeof form>): void => setForm((f) => ({ ...f, ...patch }));
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    try {
      onAdded(await repoCredsApi.create({ url: form.url.trim(), type: 'git', username: form.username, password: form.password }));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Dialog title="Add credential template" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          URL prefix
          <input required value={form.url} placeholder="https://github.com/org/" onChange={(e) => set({ url: e.target.value })} />
        </label>
        <label>
          Username
          <input autoComplete="off" value={form.username} onChange={(e) => set({ username: e.target.value })} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="new-password" value={form.password} onChange={(e) => set({ password: e.target.value })} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Add
          </button>
        </div>
      </form>
    </Dialog>
  );
}
