// Settings › Projects: the AppProjects, each opening its details.
import { Link } from 'react-router-dom';
import { projectsApi } from '../../api/projects.api';
import { SettingsHeader } from './settings-header';
import { LoadState, useLoad } from './use-load';
import './settings.css';

export function ProjectsPage() {
  const projects = useLoad(() => projectsApi.list(), []);
  const items = projects.data?.items ?? [];
  return (
    <main className="page">
      <SettingsHeader title="Projects" onRefresh={projects.reload} />
      <LoadState loaded={projects} what="projects" />
      {projects.data && (
        <table className="table" aria-label="Projects">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col">Sources</th>
              <th scope="col">Destinations</th>
              <th scope="col">Roles</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.metadata.name} data-testid="project-row">
                <td>
                  <Link to={`/settings/projects/${encodeURIComponent(p.metadata.name)}`}>{p.metadata.name}</Link>
                </td>
                <td>{p.spec.description || '—'}</td>
                <td className="wrap">{(p.spec.sourceRepos ?? []).join(', ') || '—'}</td>
                <td className="wrap">
                  {(p.spec.destinations ?? []).map((d) => `${d.name ?? d.server ?? '*'} / ${d.namespace ?? '*'}`).join(', ') || '—'}
                </td>
                <td>{(p.spec.roles ?? []).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
