// The app's details and parameters: its source (directory, Helm or Kustomize options) and sync policy
// as a form, or the whole spec as YAML; either is saved with PUT …/spec and the server's refusal shown.
import type { Application, ApplicationSpec } from '@flotilla/api-types';
import { useState, type FormEvent, type ReactNode } from 'react';
import { parse, stringify } from 'yaml';
import { operationsApi } from '../../api/operations.api';
import { Dialog, ErrorMessage } from '../dialog';
import { fromForm, toForm, type SourceForm, type SourceKind } from './source-form';
import { Check } from './sync-panel';

type Tab = 'form' | 'yaml';

export function AppParameters({ app, onClose }: { app: Application; onClose: () => void }) {
  const [tab, setTab] = useState<Tab>('form');
  return (
    <Dialog title={`Details of ${app.metadata.name}`} onClose={onClose} wide>
      <div className="toolbar-ops" role="group" aria-label="Edit as">
        <button aria-pressed={tab === 'form'} onClick={() => setTab('form')}>
          Parameters
        </button>
        <button aria-pressed={tab === 'yaml'} onClick={() => setTab('yaml')}>
          YAML
        </button>
      </div>
      {tab === 'form' ? <ParametersForm app={app} onSaved={onClose} /> : <SpecYaml app={app} onSaved={onClose} />}
    </Dialog>
  );
}

function useSave(app: Application, onSaved: () => void): { busy: boolean; error?: string; setError: (e?: string) => void; save: (spec: ApplicationSpec) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const save = async (spec: ApplicationSpec): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await operationsApi.updateSpec(app, spec);
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, save };
}

function Text({ label, value, onChange, multiline }: { label: string; value: string; onChange: (v: string) => void; multiline?: boolean }): ReactNode {
  return (
    <label className="field">
      {label}
      {multiline ? <textarea rows={4} value={value} onChange={(e) => onChange(e.target.value)} /> : <input value={value} onChange={(e) => onChange(e.target.value)} />}
    </label>
  );
}

function ParametersForm({ app, onSaved }: { app: Application; onSaved: () => void }) {
  const [form, setForm] = useState<SourceForm>(() => toForm(app.spec, app.status?.sourceType));
  const { busy, error, save } = useSave(app, onSaved);
  const set =
    <K extends keyof SourceForm>(key: K) =>
    (value: SourceForm[K]) =>
      setForm({ ...form, [key]: value });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void save(fromForm(app.spec, form));
  };
  return (
    <form className="field" onSubmit={submit}>
      <fieldset>
        <legend>Source</legend>
        <Text label="Repository URL" value={form.repoURL} onChange={set('repoURL')} />
        <div className="grid-2">
          <Text label="Path" value={form.path} onChange={set('path')} />
          <Text label="Target revision" value={form.targetRevision} onChange={set('targetRevision')} />
        </div>
        <label className="check">
          Source type
          <select value={form.kind} onChange={(e) => set('kind')(e.target.value as SourceKind)}>
            <option>Directory</option>
            <option>Helm</option>
            <option>Kustomize</option>
          </select>
        </label>
      </fieldset>
      {form.kind === 'Directory' && (
        <fieldset>
          <legend>Directory</legend>
          <Check label="Recurse" checked={form.recurse} onChange={set('recurse')} />
          <div className="grid-2">
            <Text label="Include" value={form.include} onChange={set('include')} />
            <Text label="Exclude" value={form.exclude} onChange={set('exclude')} />
          </div>
        </fieldset>
      )}
      {form.kind === 'Helm' && (
        <fieldset>
          <legend>Helm</legend>
          <Text label="Value files (one a line)" value={form.valueFiles} onChange={set('valueFiles')} multiline />
          <Text label="Values (YAML)" value={form.values} onChange={set('values')} multiline />
          <Text label="Parameters (name=value, one a line)" value={form.parameters} onChange={set('parameters')} multiline />
        </fieldset>
      )}
      {form.kind === 'Kustomize' && (
        <fieldset>
          <legend>Kustomize</legend>
          <Text label="Images (one a line, e.g. nginx=nginx:1.27)" value={form.images} onChange={set('images')} multiline />
          <div className="grid-2">
            <Text label="Name prefix" value={form.namePrefix} onChange={set('namePrefix')} />
            <Text label="Name suffix" value={form.nameSuffix} onChange={set('nameSuffix')} />
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend>Sync policy</legend>
        <Check label="Automated sync" checked={form.automated} onChange={set('automated')} />
        {form.automated && (
          <div className="grid-2">
            <Check label="Auto-prune" checked={form.autoPrune} onChange={set('autoPrune')} />
            <Check label="Self heal" checked={form.selfHeal} onChange={set('selfHeal')} />
          </div>
        )}
      </fieldset>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

function SpecYaml({ app, onSaved }: { app: Application; onSaved: () => void }) {
  const [text, setText] = useState(() => stringify(app.spec));
  const { busy, error, setError, save } = useSave(app, onSaved);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    let spec: unknown;
    try {
      spec = parse(text);
    } catch (err) {
      setError(`The YAML does not parse: ${(err as Error).message}`);
      return;
    }
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
      setError('The spec must be a YAML mapping');
      return;
    }
    void save(spec as ApplicationSpec);
  };
  return (
    <form className="field" onSubmit={submit}>
      <label className="field">
        Spec (YAML)
        <textarea rows={22} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={() => setText(stringify(app.spec))}>
          Reset
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
