// Settings › Projects › <name>: what the project permits: sources, destinations, resource kinds, roles, sync windows.
import type { GroupKind } from '@flotilla/api-types';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { projectsApi } from '../../api/projects.api';
import { LoadState, useLoad } from './use-load';
import './settings.css';

interface SyncWindow {
  kind?: string;
  schedule?: string;
  duration?: string;
  applications?: string[];
  namespaces?: string[];
  clusters?: string[];
  manualSync?: boolean;
  timeZone?: string;
}

export function ProjectDetailsPage() {
  const name = useParams().name ?? '';
  const project = useLoad(() => projectsApi.get(name), [name]);
  const spec = project.data?.spec;
  return (
    <main className="page">
      <nav aria-label="Breadcrumb" className="muted">
        <Link to="/settings">Settings</Link> › <Link to="/settings/projects">Projects</Link> › {name}
      </nav>
      <header className="page-header">
        <h1>Project {name}</h1>
        <Link className="header-link" to={`/applications?proj=${encodeURIComponent(name)}`}>
          Its applications
        </Link>
        <button type="button" onClick={project.reload}>
          Refresh
        </button>
      </header>
      <LoadState loaded={project} what="the project" />
      {spec && (
        <>
          {spec.description && <p>{spec.description}</p>}
          <Section title="Source repositories">
            <List items={spec.sourceRepos} empty="No repository is permitted." />
          </Section>
          <Section title="Destinations">
            <Table
              label="Destinations"
              head={['Server', 'Name', 'Namespace']}
              rows={(spec.destinations ?? []).map((d) => [d.server ?? '—', d.name ?? '—', d.namespace ?? '—'])}
              empty="No destination is permitted."
            />
          </Section>
          <Section title="Source namespaces">
            <List items={spec.sourceNamespaces} empty="Only Flotilla's own namespace." />
          </Section>
          <KindsSection
            title="Cluster resource allow list"
            kinds={spec.clusterResourceWhitelist}
            empty="No cluster-scoped kind is allowed."
          />
          <KindsSection title="Cluster resource deny list" kinds={spec.clusterResourceBlacklist} empty="None denied." />
          <KindsSection
            title="Namespace resource allow list"
            kinds={spec.namespaceResourceWhitelist}
            empty="Every namespaced kind is allowed."
          />
          <KindsSection title="Namespace resource deny list" kinds={spec.namespaceResourceBlacklist} empty="None denied." />
          <Section title="Roles">
            <Table
              label="Roles"
              head={['Name', 'Description', 'Policies', 'Groups']}
              rows={(spec.roles ?? []).map((r) => [
                r.name,
                r.description ?? '—',
                <Lines key="p" items={r.policies} />,
                (r.groups ?? []).join(', ') || '—',
              ])}
              empty="No roles."
            />
          </Section>
          <Section title="Sync windows">
            <Table
              label="Sync windows"
              head={['Kind', 'Schedule', 'Duration', 'Applications', 'Namespaces', 'Clusters', 'Manual sync']}
              rows={((spec.syncWindows ?? []) as SyncWindow[]).map((w) => [
                w.kind ?? '—',
                `${w.schedule ?? ''}${w.timeZone ? ` (${w.timeZone})` : ''}`,
                w.duration ?? '—',
                (w.applications ?? []).join(', ') || '—',
                (w.namespaces ?? []).join(', ') || '—',
                (w.clusters ?? []).join(', ') || '—',
                w.manualSync ? 'allowed' : 'denied',
              ])}
              empty="No sync windows: syncs may run at any time."
            />
          </Section>
          {(spec.signatureKeys ?? []).length > 0 && (
            <Section title="Signature keys">
              <List items={(spec.signatureKeys ?? []).map((k) => k.keyID)} empty="" />
            </Section>
          )}
          {spec.orphanedResources && (
            <Section title="Orphaned resources">
              <p>
                {spec.orphanedResources.warn === false
                  ? 'Monitored, without a warning condition.'
                  : 'Monitored, with a warning condition on each app that has some.'}
              </p>
            </Section>
          )}
        </>
      )}
    </main>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function KindsSection({ title, kinds, empty }: { title: string; kinds?: GroupKind[]; empty: string }) {
  return (
    <Section title={title}>
      <Table label={title} head={['Group', 'Kind']} rows={(kinds ?? []).map((k) => [k.group || '(core)', k.kind])} empty={empty} />
    </Section>
  );
}

function List({ items, empty }: { items?: string[]; empty: string }) {
  if (!items?.length) return <p className="muted">{empty}</p>;
  return (
    <ul>
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

function Lines({ items }: { items?: string[] }) {
  if (!items?.length) return <>—</>;
  return (
    <>
      {items.map((i) => (
        <div key={i}>
          <code>{i}</code>
        </div>
      ))}
    </>
  );
}

function Table({ label, head, rows, empty }: { label: string; head: string[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j} className="wrap">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
