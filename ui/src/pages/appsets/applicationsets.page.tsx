// ApplicationSets: every set, its generators, how many Applications it made, and whether its last pass erred.
import type { ApplicationSetGenerator } from '@flotilla/api-types';
import { Link } from 'react-router-dom';
import { applicationSetsApi, type ApplicationSetWithProgress } from '../../api/applicationsets.api';
import { LoadState, useLoad } from '../settings/use-load';
import '../settings/settings.css';

export const generatorKinds = (gens: ApplicationSetGenerator[] = []): string[] =>
  gens.map((g) => Object.keys(g).find((k) => k !== 'selector' && k !== 'template') ?? 'unknown');

/** Argo's conditions: ErrorOccurred=True means the last reconcile failed; otherwise ResourcesUpToDate tells. */
export function appSetHealth(set: ApplicationSetWithProgress): { text: string; cls: string; message?: string } {
  const conds = set.status?.conditions ?? [];
  const err = conds.find((c) => c.type === 'ErrorOccurred' && c.status === 'True');
  if (err) return { text: 'Error', cls: 'bad', message: err.message };
  const upToDate = conds.find((c) => c.type === 'ResourcesUpToDate');
  if (upToDate?.status === 'True') return { text: 'Healthy', cls: 'ok', message: upToDate.message };
  if (set.status?.conditions?.length) return { text: 'Progressing', cls: 'progress', message: upToDate?.message };
  return { text: 'Unknown', cls: 'unknown' };
}

export function ApplicationSetsPage() {
  const sets = useLoad(() => applicationSetsApi.list(), [], { pollMs: 5000 });
  const items = sets.data?.items ?? [];
  return (
    <main className="page">
      <header className="page-header">
        <h1>ApplicationSets</h1>
        <button type="button" onClick={sets.reload}>
          Refresh
        </button>
      </header>
      <LoadState loaded={sets} what="ApplicationSets" />
      {sets.data && (
        <table className="table" aria-label="ApplicationSets">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Namespace</th>
              <th scope="col">Generators</th>
              <th scope="col">Project</th>
              <th scope="col">Applications</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => {
              const health = appSetHealth(s);
              const ns = s.metadata.namespace ?? 'argocd';
              return (
                <tr key={`${ns}/${s.metadata.name}`} data-testid="appset-row">
                  <td>
                    <Link to={`/applicationsets/${encodeURIComponent(ns)}/${encodeURIComponent(s.metadata.name)}`}>{s.metadata.name}</Link>
                  </td>
                  <td>{ns}</td>
                  <td>{generatorKinds(s.spec.generators).join(', ')}</td>
                  <td>{s.spec.template?.spec?.project ?? '—'}</td>
                  <td>{(s.status?.resources ?? []).length}</td>
                  <td>
                    <span className={`status status-${health.cls}`} title={health.message}>
                      {health.text}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {sets.data && items.length === 0 && <p className="muted">No ApplicationSets.</p>}
    </main>
  );
}
