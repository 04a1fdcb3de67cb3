// The app's sync operation as it runs and after it ends: phase, message, and every resource's result
// grouped by sync phase and wave (status.operationState.syncResult), with Terminate while it runs.
import type { Application, Operation, OperationState, ResourceResult, SyncPhase } from '@flotilla/api-types';
import { useState } from 'react';
import { operationsApi } from '../../api/operations.api';
import { OperationPhase } from '../status-icons';
import { ErrorMessage } from '../dialog';

const PHASES: SyncPhase[] = ['PreSync', 'Sync', 'PostSync', 'SyncFail', 'PostDelete'];

interface Row {
  result: ResourceResult;
  wave: number;
}

/** syncResult rows by phase, then by wave; the wave comes from status.resources (results do not carry it). */
export function groupByPhaseAndWave(app: Application, results: readonly ResourceResult[]): { phase: SyncPhase; rows: Row[] }[] {
  const waves = new Map((app.status?.resources ?? []).map((r) => [`${r.group ?? ''}/${r.kind}/${r.namespace ?? ''}/${r.name}`, r.syncWave ?? 0]));
  const rows = results.map((result) => ({ result, wave: waves.get(`${result.group}/${result.kind}/${result.namespace}/${result.name}`) ?? 0 }));
  return PHASES.map((phase) => ({
    phase,
    rows: rows.filter((r) => (r.result.syncPhase ?? 'Sync') === phase).sort((a, b) => a.wave - b.wave || a.result.kind.localeCompare(b.result.kind)),
  })).filter((g) => g.rows.length > 0);
}

const done = (r: ResourceResult): boolean =>
  r.hookType ? r.hookPhase === 'Succeeded' || r.hookPhase === 'Failed' || r.hookPhase === 'Error' : !!r.status;

const retryText = (r: NonNullable<Operation['retry']>): string => {
  const b = r.backoff;
  const backoff = b ? `, backoff ${b.duration ?? '5s'} ×${b.factor ?? 2} up to ${b.maxDuration ?? '3m'}` : '';
  return `limit ${r.limit ?? 0}${backoff}`;
};

export function OperationStatus({ app }: { app: Application }) {
  const [error, setError] = useState<string>();
  const [terminating, setTerminating] = useState(false);
  const op: OperationState | undefined = app.status?.operationState;
  if (!op) return app.operation ? <section className="operation" aria-label="Sync operation" aria-busy="true">Sync requested; waiting for the controller…</section> : null;
  const running = op.phase === 'Running' || op.phase === 'Terminating';
  const results = op.syncResult?.resources ?? [];
  const groups = groupByPhaseAndWave(app, results);
  const terminate = async (): Promise<void> => {
    setTerminating(true);
    setError(undefined);
    try {
      await operationsApi.terminate(app);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setTerminating(false);
    }
  };
  return (
    <section className="operation" aria-labelledby="operation-heading" aria-busy={running} data-testid="operation">
      <div className="operation-head">
        <h2 id="operation-heading">{running ? 'Sync in progress' : 'Last sync'}</h2>
        <span data-testid="operation-phase">
          <OperationPhase phase={op.phase} />
        </span>
        <span>
          {results.filter(done).length} of {results.length} resources done
        </span>
        {op.phase === 'Running' && (
          <button className="danger" disabled={terminating} onClick={() => void terminate()}>
            {terminating ? 'Terminating…' : 'Terminate'}
          </button>
        )}
      </div>
      <dl className="fields">
        <dt>Message</dt>
        <dd data-testid="operation-message">{op.message}</dd>
        <dt>Revision</dt>
        <dd className="mono">{op.syncResult?.revision ?? op.operation.sync?.revision}</dd>
        <dt>Initiated by</dt>
        <dd>{op.operation.initiatedBy?.automated ? 'automated sync policy' : (op.operation.initiatedBy?.username ?? '')}</dd>
        <dt>Started</dt>
        <dd>{new Date(op.startedAt).toLocaleString()}</dd>
        {op.finishedAt && (
          <>
            <dt>Finished</dt>
            <dd>{new Date(op.finishedAt).toLocaleString()}</dd>
          </>
        )}
        {op.operation.retry && (
          <>
            <dt>Retry</dt>
            <dd data-testid="operation-retry">{retryText(op.operation.retry)}</dd>
          </>
        )}
        {op.retryCount ? (
          <>
            <dt>Retries</dt>
            <dd>{op.retryCount}</dd>
          </>
        ) : null}
      </dl>
      <ErrorMessage error={error} />
      {groups.map((g) => (
        <div key={g.phase}>
          <h3 className="operation-phase">{g.phase}</h3>
          <table className="table" aria-label={`${g.phase} results`}>
            <thead>
              <tr>
                <th>Wave</th>
                <th>Kind</th>
                <th>Namespace</th>
                <th>Name</th>
                <th>Status</th>
                <th>Message</th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map(({ result: r, wave }) => (
                <tr key={`${r.group}/${r.kind}/${r.namespace}/${r.name}/${r.hookType ?? ''}`} data-testid="operation-result">
                  <td>{wave}</td>
                  <td>
                    {r.kind}
                    {r.hookType ? ` (${r.hookType} hook)` : ''}
                  </td>
                  <td>{r.namespace}</td>
                  <td>{r.name}</td>
                  <td>{r.hookType ? (r.hookPhase ?? 'Pending') : (r.status ?? 'Pending')}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
