// One ApplicationSet: its generators and template as YAML, the Applications it generated (those it owns),
// its conditions, and progressive sync's per-app status when a RollingSync strategy runs.
import type { Application } from '@flotilla/api-types';
import { Link, useParams } from 'react-router-dom';
import { stringify } from 'yaml';
import { applicationSetsApi, type ApplicationSetWithProgress } from '../../api/applicationsets.api';
import { HealthStatus, SyncStatus } from '../../components/status-icons';
import { LoadState, useLoad, type Loaded } from '../settings/use-load';
import { appSetHealth, generatorKinds } from './applicationsets.page';
import '../settings/settings.css';

export function ApplicationSetDetailsPage() {
  const { namespace = '', name = '' } = useParams();
  const set = useLoad(() => applicationSetsApi.get(name, namespace), [name, namespace], { pollMs: 5000 });
  const data = set.data;
  const apps = useLoad(async () => (data ? applicationSetsApi.ownedApplications(data) : undefined), [data]);
  return (
    <main className="page">
      <nav aria-label="Breadcrumb" className="muted">
        <Link to="/applicationsets">ApplicationSets</Link> › {name}
      </nav>
      <header className="page-header">
        <h1>ApplicationSet {name}</h1>
        <button type="button" onClick={set.reload}>
          Refresh
        </button>
      </header>
      <LoadState loaded={set} what="the ApplicationSet" />
      {data && (
        <>
          <Summary set={data} />
          <GeneratedApps apps={apps} />
          <ProgressiveSync set={data} />
          <Conditions set={data} />
          <Yaml id="generators" title="Generators" value={data.spec.generators} testId="generators-yaml" />
          <Yaml id="template" title="Template" value={data.spec.template} />
        </>
      )}
    </main>
  );
}

function Summary({ set }: { set: ApplicationSetWithProgress }) {
  const health = appSetHealth(set);
  return (
    <dl className="fields">
      <dt>Namespace</dt>
      <dd>{set.metadata.namespace}</dd>
      <dt>Status</dt>
      <dd>
        <span className={`status status-${health.cls}`}>{health.text}</span>
        {health.message && <span className="muted"> — {health.message}</span>}
      </dd>
      <dt>Generators</dt>
      <dd>{generatorKinds(set.spec.generators).join(', ')}</dd>
      <dt>Go templates</dt>
      <dd>{set.spec.goTemplate ? 'yes' : 'no'}</dd>
      <dt>Sync policy</dt>
      <dd>
        {set.spec.syncPolicy?.applicationsSync ?? 'create-update'}
        {set.spec.syncPolicy?.preserveResourcesOnDeletion ? ', preserves resources on deletion' : ''}
      </dd>
      <dt>Strategy</dt>
      <dd>{(set.spec.strategy as { type?: string } | undefined)?.type ?? 'AllAtOnce'}</dd>
    </dl>
  );
}

function GeneratedApps({ apps }: { apps: Loaded<Application[] | undefined> }) {
  return (
    <section className="section" aria-labelledby="generated-heading">
      <h2 id="generated-heading">Generated applications</h2>
      <LoadState loaded={apps} what="applications" />
      {apps.data && apps.data.length === 0 && <p className="muted">The set has generated no Applications.</p>}
      {apps.data && apps.data.length > 0 && (
        <table className="table" aria-label="Generated applications">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Sync</th>
              <th scope="col">Health</th>
              <th scope="col">Destination</th>
            </tr>
          </thead>
          <tbody>
            {apps.data.map((a) => (
              <tr key={`${a.metadata.namespace}/${a.metadata.name}`} data-testid="generated-app">
                <td>
                  <Link to={`/applications/${encodeURIComponent(a.metadata.namespace ?? 'argocd')}/${encodeURIComponent(a.metadata.name)}`}>
                    {a.metadata.name}
                  </Link>
                </td>
                <td>
                  <SyncStatus status={a.status?.sync?.status} />
                </td>
                <td>
                  <HealthStatus status={a.status?.health?.status} />
                </td>
                <td className="wrap">
                  {a.spec?.destination?.name ?? a.spec?.destination?.server} / {a.spec?.destination?.namespace ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ProgressiveSync({ set }: { set: ApplicationSetWithProgress }) {
  const steps = set.status?.applicationStatus ?? [];
  if (steps.length === 0) return null;
  return (
    <section className="section" aria-labelledby="progressive-heading">
      <h2 id="progressive-heading">Progressive sync</h2>
      <table className="table" aria-label="Progressive sync">
        <thead>
          <tr>
            <th scope="col">Application</th>
            <th scope="col">Step</th>
            <th scope="col">Status</th>
            <th scope="col">Message</th>
            <th scope="col">Last transition</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.application}>
              <td>{s.application}</td>
              <td>{s.step ?? '—'}</td>
              <td>{s.status}</td>
              <td>{s.message ?? ''}</td>
              <td>{s.lastTransitionTime ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Conditions({ set }: { set: ApplicationSetWithProgress }) {
  const conditions = set.status?.conditions ?? [];
  return (
    <section className="section" aria-labelledby="conditions-heading">
      <h2 id="conditions-heading">Conditions</h2>
      {conditions.length === 0 ? (
        <p className="muted">No conditions.</p>
      ) : (
        <table className="table" aria-label="Conditions">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Reason</th>
              <th scope="col">Message</th>
              <th scope="col">Last transition</th>
            </tr>
          </thead>
          <tbody>
            {conditions.map((c) => (
              <tr key={c.type}>
                <td>{c.type}</td>
                <td>{c.status}</td>
                <td>{c.reason}</td>
                <td>{c.message}</td>
                <td>{c.lastTransitionTime ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Yaml({ id, title, value, testId }: { id: string; title: string; value: unknown; testId?: string }) {
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <pre className="yaml" data-testid={testId} tabIndex={0} aria-label={`${title} as YAML`}>
        {stringify(value)}
      </pre>
    </section>
  );
}
