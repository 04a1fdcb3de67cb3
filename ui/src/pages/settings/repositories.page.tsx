// Settings › Repositories: the git repositories Flotilla reads, with their connection state, and the
// credential templates (repo-creds) that lend credentials to every repository under a URL prefix.
import type { Repository } from '@flotilla/api-types';
import { useState } from 'react';
import { projectsApi } from '../../api/projects.api';
import { repoCredsApi, repositoriesApi } from '../../api/repositories.api';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { ConnectionStatus } from './connection-status';
import { useConnectionStates } from './repo-connection';
import { RepoCredsSection } from './repo-creds.section';
import { SettingsHeader } from './settings-header';
import { LoadState, useLoad } from './use-load';
import './settings.css';

export function RepositoriesPage() {
  const repos = useLoad(() => repositoriesApi.list(), []);
  const creds = useLoad(() => repoCredsApi.list(), []);
  const [tested, recordTest] = useConnectionStates(repos.data?.items);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Repository>();
  const [notice, setNotice] = useState<{ text: string; bad?: boolean }>();

  const added = (repo: Repository): void => {
    setAdding(false);
    recordTest(repo.repo, repo.connectionState);
    setNotice({ text: `Repository ${repo.repo} added: connection ${repo.connectionState?.status ?? 'Unknown'}` });
    repos.reload();
  };
  const remove = async (repo: Repository): Promise<void> => {
    setDeleting(undefined);
    try {
      await repositoriesApi.delete(repo.repo, repo.project);
      setNotice({ text: `Repository ${repo.repo} deleted` });
    } catch (err) {
      setNotice({ text: (err as Error).message, bad: true });
    }
    repos.reload();
  };

  return (
    <main className="page">
      <SettingsHeader title="Repositories" onRefresh={() => (repos.reload(), creds.reload())}>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Connect repository
        </button>
      </SettingsHeader>
      {notice && (
        <p className={`notice${notice.bad ? ' bad' : ''}`} role="status">
          {notice.text}
        </p>
      )}
      <section className="section" aria-labelledby="repos-heading">
        <h2 id="repos-heading">Repositories</h2>
        <LoadState loaded={repos} what="repositories" />
        {repos.data && <RepositoryTable repos={repos.data.items ?? []} tested={tested} onDelete={setDeleting} />}
        {repos.data && (repos.data.items ?? []).length === 0 && <p className="muted">No repositories connected.</p>}
      </section>
      <RepoCredsSection creds={creds} onNotice={setNotice} />
      {adding && <AddRepositoryDialog onClose={() => setAdding(false)} onAdded={added} />}
      {deleting && (
        <ConfirmDialog
          title="Delete repository"
          verb="Delete"
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => void remove(deleting)}
        >
          Delete the repository <strong>{deleting.repo}</strong>? Applications that use it keep their source, but Flotilla forgets its
          credentials.
        </ConfirmDialog>
      )}
    </main>
  );
}

function RepositoryTable({
  repos,
  tested,
  onDelete,
}: {
  repos: Repository[];
  tested: Record<string, Repository['connectionState']>;
  onDelete: (r: Repository) => void;
}) {
  return (
    <table className="table" aria-label="Repositories">
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Name</th>
          <th scope="col">Repository</th>
          <th scope="col">Project</th>
          <th scope="col">Credentials</th>
          <th scope="col">Connection status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {repos.map((r) => (
          <tr key={`${r.project ?? ''}|${r.repo}`} data-testid="repo-row" data-repo={r.repo}>
            <td>{r.type ?? 'git'}</td>
            <td>{r.name || '—'}</td>
            <td className="wrap">{r.repo}</td>
            <td>{r.project || '—'}</td>
            <td>{r.inheritedCreds ? 'from a template' : r.username ? `user ${r.username}` : 'none'}</td>
            <td>
              <ConnectionStatus state={r.connectionState ?? tested[r.repo]} />
            </td>
            <td className="actions">
              <button type="button" aria-label={`Delete repository ${r.repo}`} onClick={() => onDelete(r)}>
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddRepositoryDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (r: Repository) => void }) {
  const projects = useLoad(() => projectsApi.list(), []);
  const [form, setForm] = useState({ name: '', repo: '', username: '', password: '', project: '', insecure: false });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof form>): void => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const repo: Repository = { type: 'git', repo: form.repo.trim(), insecure: form.insecure };
      if (form.name) repo.name = form.name;
      if (form.project) repo.project = form.project;
      if (form.username) repo.username = form.username;
      if (form.password) repo.password = form.password;
      onAdded(await repositoriesApi.create(repo));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Connect repository" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="hint">Git over HTTPS. Flotilla connects to the repository before it saves it.</p>
        <label>
          Name (optional)
          <input value={form.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label>
          Project (optional)
          <select value={form.project} onChange={(e) => set({ project: e.target.value })}>
            <option value="">— none (global) —</option>
            {(projects.data?.items ?? []).map((p) => (
              <option key={p.metadata.name} value={p.metadata.name}>
                {p.metadata.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Repository URL
          <input
            required
            type="url"
            value={form.repo}
            placeholder="https://github.com/org/repo.git"
            onChange={(e) => set({ repo: e.target.value })}
          />
        </label>
        <label>
          Username (optional)
          <input autoComplete="off" value={form.username} onChange={(e) => set({ username: e.target.value })} />
        </label>
        <label>
          Password (optional)
          <input type="password" autoComplete="new-password" value={form.password} onChange={(e) => set({ password: e.target.value })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={form.insecure} onChange={(e) => set({ insecure: e.target.checked })} />
          Skip server verification (insecure)
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
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
