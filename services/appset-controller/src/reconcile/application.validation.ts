// Checks Argo runs on generated Applications before writing them: a name, no duplicate names, an
// existing project and a destination that resolves to exactly one known cluster.
import type { Application, ApplicationSet } from '@flotilla/api-types';

/** A cluster Applications may target: the hub or one described by a cluster Secret. */
export interface KnownCluster {
  name: string;
  server: string;
}

export interface ValidationInputs {
  projects: ReadonlySet<string>;
  clusters: readonly KnownCluster[];
}

/** Errors keyed by Application name; Applications with an error are neither created nor updated. */
export function validateApplications(appSet: ApplicationSet, apps: readonly Application[], inputs: ValidationInputs): Map<string, string> {
  const errors = new Map<string, string>();
  const seen = new Set<string>();
  for (const app of apps) {
    const name = app.metadata.name;
    if (!name) {
      errors.set(
        name,
        `ApplicationSet ${appSet.metadata.name} contains an application with no name; set the template's metadata.name (generateName is not supported)`,
      );
      continue;
    }
    if (seen.has(name)) {
      errors.set(name, `ApplicationSet ${appSet.metadata.name} contains applications with duplicate name: ${name}`);
      continue;
    }
    seen.add(name);
    const project = app.spec?.project ?? '';
    if (!inputs.projects.has(project)) {
      errors.set(name, `application references project ${project} which does not exist`);
      continue;
    }
    const destinationError = destinationProblem(app, inputs.clusters);
    if (destinationError) errors.set(name, `application destination spec is invalid: ${destinationError}`);
  }
  return errors;
}

/** Why the destination does not resolve to one cluster, or undefined when it does. */
export function destinationProblem(app: Application, clusters: readonly KnownCluster[]): string | undefined {
  const { server = '', name = '' } = app.spec?.destination ?? {};
  const servers = (app.spec?.destination as { servers?: string[] } | undefined)?.servers ?? [];
  if (name && server) return `application destination can't have both name and server defined: ${name} ${server}`;
  if (server) return serverProblem(server, clusters);
  if (name) {
    const urls = clusters.filter((c) => c.name === name).map((c) => c.server);
    if (urls.length === 0) return `there are no clusters with this name: ${name}`;
    if (urls.length > 1) return `there are ${urls.length} clusters with the same name: [${urls.join(' ')}]`;
    return undefined;
  }
  // Flotilla's multi-cluster `destination.servers`: each one must be known.
  if (servers.length > 0) return servers.map((s) => serverProblem(s, clusters)).find((p) => p !== undefined);
  return 'Destination server missing from app spec';
}

function serverProblem(server: string, clusters: readonly KnownCluster[]): string | undefined {
  const url = server.replace(/\/+$/, '');
  if (clusters.some((c) => c.server.replace(/\/+$/, '') === url)) return undefined;
  return `error getting cluster by server "${server}": cluster "${url}" not found`;
}

/** Argo keeps only the last message (sorted by app name) and counts the rest. */
export function validationMessage(errors: ReadonlyMap<string, string>): string {
  const names = [...errors.keys()].sort();
  const last = errors.get(names[names.length - 1]) ?? '';
  return names.length > 1 ? `${last} (and ${names.length - 1} more)` : last;
}
