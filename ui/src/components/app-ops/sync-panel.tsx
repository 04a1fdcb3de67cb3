// Argo CD's sync panel: revision, prune/dry run/apply only/force, which resources, sync options and
// retry, sent as one POST …/sync; the operation it starts shows up on the page through the watch stream.
import type { Application, ResourceStatus } from '@flotilla/api-types';
import { useState, type FormEvent } from 'react';
import { operationsApi, type SyncRequest } from '../../api/operations.api';
import { Dialog, ErrorMessage } from '../dialog';
import { joinSyncOptions, PRUNE_PROPAGATION, splitSyncOptions, SYNC_OPTION_CHOICES } from './sync-options';

const keyOf = (r: ResourceStatus): string => `${r.group ?? ''}/${r.kind}/${r.namespace ?? ''}/${r.name}`;

interface Retry {
  enabled: boolean;
  limit: string;
  duration: string;
  factor: string;
  maxDuration: string;
}

export function SyncPanel({ app, onClose }: { app: Application; onClose: () => void }) {
  const resources = app.status?.resources ?? [];
  const initial = splitSyncOptions(app.spec.syncPolicy?.syncOptions);
  // One revision per source: spec.source's, or each of spec.sources' (sent as `revisions`).
  const sources = app.spec.sources?.length ? app.spec.sources : app.spec.source ? [app.spec.source] : [];
  const multi = !!app.spec.sources?.length;
  const [revisions, setRevisions] = useState(() => sources.map((s) => s.targetRevision || 'HEAD'));
  const [prune, setPrune] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [applyOnly, setApplyOnly] = useState(false);
  const [force, setForce] = useState(false);
  const [selected, setSelected] = useState(() => new Set(resources.map(keyOf)));
  const [options, setOptions] = useState(initial.checked);
  const [propagation, setPropagation] = useState(initial.propagation);
  const [retry, setRetry] = useState<Retry>({ enabled: false, limit: '2', duration: '5s', factor: '2', maxDuration: '3m' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const toggle = <T,>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(item);
    else next.delete(item);
    return next;
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (resources.length > 0 && selected.size === 0) {
      setError('Select at least one resource to sync');
      return;
    }
    const strategy = applyOnly ? { apply: { force } } : { hook: { force } };
    const req: SyncRequest = {
      ...(multi ? { revisions } : { revision: revisions[0] }),
      prune,
      dryRun,
      strategy,
      // Argo sends no list when every resource is selected: the whole app syncs, hooks included.
      resources:
        selected.size === resources.length
          ? undefined
          : resources.filter((r) => selected.has(keyOf(r))).map((r) => ({ group: r.group ?? '', kind: r.kind, name: r.name, namespace: r.namespace ?? '' })),
      syncOptions: { items: joinSyncOptions(options, propagation, initial.others) },
      retryStrategy: retry.enabled
        ? { limit: Number(retry.limit), backoff: { duration: retry.duration, factor: Number(retry.factor), maxDuration: retry.maxDuration } }
        : undefined,
    };
    setBusy(true);
    setError(undefined);
    try {
      await operationsApi.sync(app, req);
      onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Sync ${app.metadata.name}`} onClose={onClose} wide>
      <form className="field" onSubmit={(e) => void submit(e)}>
        {sources.map((source, i) => (
          <label className="field" key={i}>
            {multi ? `Revision of ${source.repoURL} ${source.path ?? source.chart ?? ''}` : 'Revision'}
            <input value={revisions[i]} onChange={(e) => setRevisions(revisions.map((r, j) => (j === i ? e.target.value : r)))} />
          </label>
        ))}
        <fieldset>
          <legend>Sync</legend>
          <div className="grid-2">
            <Check label="Prune" checked={prune} onChange={setPrune} />
            <Check label="Dry run" checked={dryRun} onChange={setDryRun} />
            <Check label="Apply only" checked={applyOnly} onChange={setApplyOnly} />
            <Check label="Force" checked={force} onChange={setForce} />
          </div>
          {force && <p className="hint danger">Force deletes and re-creates resources that cannot be patched.</p>}
        </fieldset>
        <fieldset>
          <legend>Sync options</legend>
          <div className="grid-2">
            {SYNC_OPTION_CHOICES.map((c) => (
              <Check key={c.option} label={c.label} checked={options.has(c.option)} onChange={(on) => setOptions(toggle(options, c.option, on))} />
            ))}
          </div>
          <label className="check">
            Prune propagation policy
            <select value={propagation} onChange={(e) => setPropagation(e.target.value)}>
              <option value="">default (foreground)</option>
              {PRUNE_PROPAGATION.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>Retry</legend>
          <Check label="Retry" checked={retry.enabled} onChange={(enabled) => setRetry({ ...retry, enabled })} />
          {retry.enabled && (
            <div className="grid-2">
              <label className="field">
                Limit
                <input type="number" min={-1} value={retry.limit} onChange={(e) => setRetry({ ...retry, limit: e.target.value })} />
              </label>
              <label className="field">
                Backoff duration
                <input value={retry.duration} onChange={(e) => setRetry({ ...retry, duration: e.target.value })} />
              </label>
              <label className="field">
                Backoff factor
                <input type="number" min={1} value={retry.factor} onChange={(e) => setRetry({ ...retry, factor: e.target.value })} />
              </label>
              <label className="field">
                Backoff max duration
                <input value={retry.maxDuration} onChange={(e) => setRetry({ ...retry, maxDuration: e.target.value })} />
              </label>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>
            Resources ({selected.size} of {resources.length})
          </legend>
          <div className="toolbar-ops">
            <button type="button" onClick={() => setSelected(new Set(resources.map(keyOf)))}>
              All
            </button>
            <button type="button" onClick={() => setSelected(new Set(resources.filter((r) => r.status === 'OutOfSync').map(keyOf)))}>
              Out of sync
            </button>
            <button type="button" onClick={() => setSelected(new Set())}>
              None
            </button>
          </div>
          <div className="resource-list">
            {resources.map((r) => (
              <Check
                key={keyOf(r)}
                label={`${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}${r.status ? ` (${r.status})` : ''}`}
                checked={selected.has(keyOf(r))}
                onChange={(on) => setSelected(toggle(selected, keyOf(r), on))}
              />
            ))}
          </div>
        </fieldset>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Syncing…' : 'Synchronize'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
