// The create-app form: general settings and sync policy, source, destination. Each part reads and
// writes the one Application object the YAML tab also edits.
import type { Application } from '@flotilla/api-types';
import { useMemo } from 'react';
import { clustersApi } from '../../api/clusters.api';
import { projectsApi } from '../../api/projects.api';
import { repositoriesApi } from '../../api/repositories.api';
import { useLoad } from '../settings/use-load';
import { SYNC_OPTION_CHOICES } from '../../components/app-ops/sync-options';
import { edited, setAutomated, setSyncOption } from './app-form.model';
import { Combobox } from './combobox';
import { useRefs, useRepoApps } from './repo-suggestions';

interface PartProps {
  app: Application;
  onChange: (a: Application) => void;
}

export function AppForm(props: PartProps) {
  return (
    <>
      <GeneralFields {...props} />
      <SourceFields {...props} />
      <DestinationFields {...props} />
    </>
  );
}

function GeneralFields({ app, onChange }: PartProps) {
  const projects = useLoad(() => projectsApi.list(), []);
  const names = (projects.data?.items ?? []).map((p) => p.metadata.name);
  const project = app.spec?.project ?? '';
  const automated = app.spec?.syncPolicy?.automated;
  const options = app.spec?.syncPolicy?.syncOptions ?? [];
  const set = (edit: (a: Application) => void): void => onChange(edited(app, edit));
  return (
    <fieldset>
      <legend>General</legend>
      <label>
        Application name
        <input required value={app.metadata?.name ?? ''} onChange={(e) => set((a) => void (a.metadata.name = e.target.value))} />
      </label>
      <label>
        Project
        <select value={project} onChange={(e) => set((a) => void (a.spec.project = e.target.value))}>
          {!names.includes(project) && <option value={project}>{project || '— choose —'}</option>}
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
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
              checked={!!automated.prune}
              onChange={(e) => set((a) => void (a.spec.syncPolicy!.automated!.prune = e.target.checked))}
            />
            Prune resources
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={!!automated.selfHeal}
              onChange={(e) => set((a) => void (a.spec.syncPolicy!.automated!.selfHeal = e.target.checked))}
            />
            Self heal
          </label>
        </div>
      )}
      <fieldset>
        <legend>Sync options</legend>
        <div className="checks">
          {SYNC_OPTION_CHOICES.map((o) => (
            <label className="check" key={o.option}>
              <input
                type="checkbox"
                checked={options.includes(o.option)}
                onChange={(e) => onChange(setSyncOption(app, o.option, e.target.checked))}
              />
              {o.label}
            </label>
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}

function SourceFields({ app, onChange }: PartProps) {
  const repos = useLoad(() => repositoriesApi.list(), []);
  const source = app.spec?.source ?? { repoURL: '' };
  const repoURL = source.repoURL ?? '';
  const revision = source.targetRevision ?? '';
  const refs = useRefs(repoURL);
  const found = useRepoApps(repoURL, revision, app.spec?.project ?? '', app.metadata?.name ?? '');
  const paths = useMemo(() => found.map((f) => f.path), [found]);
  const repoOptions = useMemo(() => (repos.data?.items ?? []).map((r) => r.repo), [repos.data]);
  const set = (edit: (a: Application) => void): void => onChange(edited(app, edit));
  return (
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
        <Combobox label="Revision" value={revision} options={refs} onChange={(v) => set((a) => void (a.spec.source!.targetRevision = v))} />
        <div>
          <Combobox label="Path" value={source.path ?? ''} options={paths} onChange={(v) => set((a) => void (a.spec.source!.path = v))} />
          <span className="hint" data-testid="source-type">
            {found.find((f) => f.path === source.path)?.type ?? ''}
          </span>
        </div>
      </div>
    </fieldset>
  );
}

function DestinationFields({ app, onChange }: PartProps) {
  const clusters = useLoad(() => clustersApi.list(), []);
  const items = clusters.data?.items ?? [];
  const dest = app.spec?.destination ?? {};
  const set = (edit: (a: Application) => void): void => onChange(edited(app, edit));
  return (
    <fieldset>
      <legend>Destination</legend>
      <div className="form-row">
        <label>
          Cluster URL
          <select required value={dest.server ?? ''} onChange={(e) => set((a) => void (a.spec.destination.server = e.target.value))}>
            <option value="">— choose a cluster —</option>
            {dest.server && !items.some((c) => c.server === dest.server) && <option value={dest.server}>{dest.server}</option>}
            {items.map((c) => (
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
  );
}
