// Create application (Argo's "+ New app" panel): a form and a YAML tab over one Application object,
// with projects, repositories, clusters, revisions and paths suggested from the API. Create posts it
// and opens the new app.
import type { Application } from '@flotilla/api-types';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { parse, stringify } from 'yaml';
import { api } from '../../api/api.client';
import { AppForm } from './app-form';
import { Dialog } from '../../components/dialog';
import './create-app.css';

export function CreateAppDialog({ initial, onClose }: { initial: Application; onClose: () => void }) {
  const [app, setApp] = useState<Application>(initial);
  const [tab, setTab] = useState<'form' | 'yaml'>('form');
  const [yamlText, setYamlText] = useState('');
  const [yamlError, setYamlError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();

  const openYaml = (): void => {
    setYamlText(stringify(app));
    setYamlError(undefined);
    setTab('yaml');
  };
  const editYaml = (text: string): void => {
    setYamlText(text);
    try {
      const parsed = parse(text) as Application;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the YAML must be one Application object');
      setApp(parsed);
      setYamlError(undefined);
    } catch (err) {
      setYamlError((err as Error).message);
    }
  };

  const create = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    if (yamlError && tab === 'yaml') return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.post<Application>('/api/v1/applications', app);
      const ns = created.metadata?.namespace ?? 'argocd';
      void navigate(`/applications/${encodeURIComponent(ns)}/${encodeURIComponent(created.metadata?.name ?? app.metadata.name)}`);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <Dialog title="Create application" onClose={onClose} wide>
      <div role="tablist" aria-label="Edit as" className="tabs">
        <button type="button" role="tab" aria-selected={tab === 'form'} onClick={() => setTab('form')}>
          Form
        </button>
        <button type="button" role="tab" aria-selected={tab === 'yaml'} onClick={openYaml}>
          YAML
        </button>
      </div>
      <form className="form" onSubmit={(e) => void create(e)}>
        <div role="tabpanel" aria-label={tab === 'form' ? 'Form' : 'YAML'} className="form">
          {tab === 'form' ? (
            <AppForm app={app} onChange={setApp} />
          ) : (
            <label>
              Application YAML
              <textarea className="yaml-editor" spellCheck={false} value={yamlText} onChange={(e) => editYaml(e.target.value)} />
              {yamlError && (
                <span className="error" role="alert">
                  {yamlError}
                </span>
              )}
            </label>
          )}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || (tab === 'yaml' && !!yamlError)}>
            {busy ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
