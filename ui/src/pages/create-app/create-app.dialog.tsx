// Create application (Argo's "+ New app" panel): a form and a YAML tab over one Application object,
// with projects, repositories, clusters, revisions and paths suggested from the API. Create posts it
// and opens the new app.
import type { Application } from '@flotilla/api-types';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { parse, stringify } from 'yaml';
import { api } from '../../api/api.client';
import { clustersApi } from '../../api/clusters.api';
import { projectsApi } from '../../api/projects.api';
import { repositoriesApi, type RepoApp } from '../../api/repositories.api';
import { useLoad } from '../settings/use-load';
import { edited, setAutomated, setSyncOption, SYNC_OPTIONS } from './app-form.model';
import { Combobox } from './combobox';
import { Dialog } from './dialog';
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

function AppForm({ app, onChange }: { app: Application; onChange: (a: Application) => void }) {
  const projects = useLoad(() => projectsApi.list(), []);
  const repos = useLoad(() => repositoriesApi.list(), []);
  const clusters = useLoad(() => clustersApi.list(), []);
  const source = app.spec?.source ?? { repoURL: '' };
  const dest = app.spec?.destination ?? {};
  const project = app.spec?.project ?? '';
  const repoURL = source.repoURL ?? '';
  const revision = source.targetRevision ?? '';
  const [refs, setRefs] = useState<string[]>([]);
  const [found, setFound] = useState<RepoApp[]>([]);
  const paths = useMemo(() => found.map((f) => f.path), [found]);

  // Branches and tags of a connected repository, to pick the revision from.
  useEffect(() => {
    setRefs([]);
    if (!repoURL) return;
    let live = true;
    repositoriesApi.refs(repoURL).then(
      (r) => live && setRefs(['HEAD', ...(r.branches ?? []), ...(r.tags ?? [])]),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [repoURL]);
  // The Helm and Kustomize apps the repository holds at the revision, as path suggestions (Argo's ListApps).
  useEffect(() => {
    setFound([]);
    if (!repoURL || !project) return;
    let live = true;
    const t = setTimeout(() => {
      repositoriesApi.apps(repoURL, revision || 'HEAD', project, app.metadata?.name ?? '').then(
        (r) => live && setFound(r.items ?? []),
        () => undefined,
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [repoURL, revision, project, app.metadata?.name]);

  const set = (edit: (a: Application) => void): void => onChange(edited(app, edit));
  const repoOptions = useMemo(() => (repos.data?.items ?? []).map((r) => r.repo), [repos.data]);
  const automated = !!app.spec?.syncPolicy?.automated;
  const options = app.spec?.syncPolicy?.syncOptions ?? [];
  const clusterItems = clusters.data?.items ?? [];

  return (
    <>
      <fieldset>
        <legend>General</legend>
        <label>
          Application name
          <input required value={app.metadata?.name ?? ''} onChange={(e) => set((a) => void (a.metadata.name = e.target.value))} />
        </label>
        <label>
          Project
          <select value={project} onChange={(e) => set((a) => void (a.spec.project = e.target.value))}>
            {!(projects.data?.items ?? []).some((p) => p.metadata.name === project) && (
              <option value={project}>{project || '— choose —'}</option>
            )}
            {(projects.data?.items ?? []).map((p) => (
              <option key={p.metadata.name} value={p.metadata.name}>
                {p.metadata.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sync policy
          <select value={automated ? 'automatic' : 'manual'} onChange={(e) => onChange(setAutomated(app, e.target.value === 'automatic'))}>
            <option value="manual">Manual</option>
            <option value="automatic">Automatic</option>
          </select>
        </label>
        {automated && (
          <div className="checks">
            <label className="check">
              <input
                type="checkbox"
                checked={!!app.spec.syncPolicy?.automated?.prune}
                onChange={(e) => set((a) => void (a.spec.syncPolicy!.automated!.prune = e.target.checked))}
              />
              Prune resources
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={!!app.spec.syncPolicy?.automated?.selfHeal}
                onChange={(e) => set((a) => void (a.spec.syncPolicy!.automated!.selfHeal = e.target.checked))}
              />
              Self heal
            </label>
          </div>
        )}
        <fieldset>
          <legend>Sync options</legend>
          <div className="checks">
            {SYNC_OPTIONS.map((o) => (
              <label className="check" key={o.value}>
                <input
                  type="checkbox"
                  checked={options.includes(o.value)}
                  onChange={(e) => onChange(setSyncOption(app, o.value, e.target.checked))}
                />
                {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>Source</legend>
        <Combobox
          label="Repository URL"
          required
          value={repoURL}
          options={repoOptions}
          onChange={(v) => set((a) => void (a.spec.source!.repoURL = v))}
        />
        <div className="form-row">
          <Combobox
            label="Revision"
            value={revision}
            options={refs}
            onChange={(v) => set((a) => void (a.spec.source!.targetRevision = v))}
          />
          <div>
            <Combobox label="Path" value={source.path ?? ''} options={paths} onChange={(v) => set((a) => void (a.spec.source!.path = v))} />
            <span className="hint" data-testid="source-type">
              {found.find((f) => f.path === source.path)?.type ?? ''}
            </span>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Destination</legend>
        <div className="form-row">
          <label>
            Cluster URL
            <select required value={dest.server ?? ''} onChange={(e) => set((a) => void (a.spec.destination.server = e.target.value))}>
              <option value="">— choose a cluster —</option>
              {dest.server && !clusterItems.some((c) => c.server === dest.server) && <option value={dest.server}>{dest.server}</option>}
              {clusterItems.map((c) => (
                <option key={c.server} value={c.server}>
                  {c.name} ({c.server})
                </option>
              ))}
            </select>
          </label>
          <label>
            Namespace
            <input value={dest.namespace ?? ''} onChange={(e) => set((a) => void (a.spec.destination.namespace = e.target.value))} />
          </label>
        </div>
      </fieldset>
    </>
  );
}
