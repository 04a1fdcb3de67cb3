// The Application's own details under its resources: each source (multi-source apps have several),
// the destination and synced revision(s), and status.conditions, errors and warnings first.
import type { Application, ApplicationCondition, ApplicationSource } from '@flotilla/api-types';
import { clusterOf, sourcesOf } from '../application-filters';

const isError = (c: ApplicationCondition) => /Error$/.test(c.type);
const isWarning = (c: ApplicationCondition) => /Warning$/.test(c.type);

export function AppConditions({ app }: { app: Application }) {
  const conditions = [...(app.status?.conditions ?? [])].sort((a, b) => rank(a) - rank(b));
  if (!conditions.length) return null;
  return (
    <section className="conditions" aria-labelledby="conditions-heading">
      <h2 id="conditions-heading">Conditions</h2>
      <ul>
        {conditions.map((c, i) => (
          <li
            key={`${c.type}-${i}`}
            className={isError(c) ? 'condition-error' : isWarning(c) ? 'condition-warning' : 'condition-info'}
            data-testid="app-condition"
          >
            <strong>{c.type}</strong>: {c.message}
            {c.lastTransitionTime && <span className="muted"> ({c.lastTransitionTime})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

const rank = (c: ApplicationCondition) => (isError(c) ? 0 : isWarning(c) ? 1 : 2);

export function AppSources({ app }: { app: Application }) {
  const sources = sourcesOf(app);
  const revisions = app.status?.sync?.revisions ?? (app.status?.sync?.revision ? [app.status.sync.revision] : []);
  return (
    <section className="app-sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{sources.length > 1 ? `Sources (${sources.length})` : 'Source'}</h2>
      <dl className="fields">
        <dt>Project</dt>
        <dd>{app.spec.project}</dd>
        <dt>Destination</dt>
        <dd>
          {clusterOf(app)} / {app.spec.destination.namespace}
        </dd>
      </dl>
      {sources.map((s, i) => (
        <SourceFields key={i} source={s} index={sources.length > 1 ? i : undefined} revision={revisions[i]} />
      ))}
    </section>
  );
}

function SourceFields({ source, index, revision }: { source: ApplicationSource; index?: number; revision?: string }) {
  const type = source.chart ? 'Helm chart' : source.helm ? 'Helm' : source.kustomize ? 'Kustomize' : source.plugin ? 'Plugin' : 'Directory';
  return (
    <dl className="fields source-fields" data-testid="app-source">
      {index !== undefined && (
        <>
          <dt>Source</dt>
          <dd>
            {index + 1}
            {source.name && ` (${source.name})`}
          </dd>
        </>
      )}
      <dt>Repository</dt>
      <dd>{source.repoURL}</dd>
      <dt>{source.chart ? 'Chart' : 'Path'}</dt>
      <dd>{source.chart ?? source.path ?? '—'}</dd>
      <dt>Type</dt>
      <dd>{type}</dd>
      <dt>Target revision</dt>
      <dd>{source.targetRevision || 'HEAD'}</dd>
      {source.ref && (
        <>
          <dt>Ref</dt>
          <dd>{source.ref}</dd>
        </>
      )}
      <dt>Synced to</dt>
      <dd>{revision ?? '—'}</dd>
    </dl>
  );
}
