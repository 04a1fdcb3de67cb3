import * as grpc from '@grpc/grpc-js';
import type { Application, ApplicationSource, AppProject } from '@flotilla/api-types';
import { checkRepoUrl, DEFAULT_PROJECT } from '@flotilla/api-types';
import type { RepoServerClient } from '@flotilla/clients';
import type { ClusterStore } from '../clusters/cluster.store';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import type { RepositoryStore } from '../repositories/repository.store';
import { invalidArgument } from '../rpc/rpc-error';
import { destinationPermitted, sourcePermitted } from './project-permissions';

/** Argo CD's vague answer for a missing project, so names cannot be probed. */
export const projectNotAllowed = (project: string): string => `app is not allowed in project "${project}", or the project does not exist`;

/**
 * Checks an Application before it is stored, as Argo CD's server does: its project exists and
 * permits its sources and destination, the destination cluster is known, and (with validate) the
 * sources render through repo-server.
 */
export class ApplicationValidationService {
  constructor(
    private readonly projects: KubeResourceStore<AppProject>,
    private readonly clusters: ClusterStore,
    private readonly repositories: RepositoryStore,
    private readonly repoServer: Pick<RepoServerClient, 'generateManifest'>,
  ) {}

  /** Throws InvalidArgument naming the offending field; returns the app with its project defaulted. */
  async validate(app: Application, validate: boolean): Promise<Application> {
    const name = app.metadata?.name;
    if (!name) throw invalidArgument('resource name may not be empty');
    if (!app.spec) throw invalidArgument(`application spec for ${name} is invalid: spec is required`);
    const normalized: Application = { ...app, spec: { ...app.spec, project: app.spec.project || DEFAULT_PROJECT } };
    const project = await this.projects.get(normalized.spec.project);
    if (!project) throw invalidArgument(projectNotAllowed(normalized.spec.project));
    const destinations = await this.destinationClusters(normalized);
    const sources = sourcesOf(normalized);
    if (sources.length === 0)
      throw invalidArgument(`application spec for ${name} is invalid: InvalidSpecError: spec.source or spec.sources is required`);
    const conditions: string[] = [];
    sources.forEach(({ source, field }) => {
      const verdict = source.repoURL && !source.chart ? checkRepoUrl(source.repoURL) : undefined;
      if (!source.repoURL) conditions.push(`${field}.repoURL is required`);
      // Refused early what the repo-server would refuse anyway (the URL itself is not echoed: it may carry credentials).
      else if (verdict && !verdict.ok) conditions.push(`${field}.repoURL is not a git repository URL the repo-server will fetch: it ${verdict.reason}`);
      else if (!sourcePermitted(project, source.repoURL))
        conditions.push(`application repo ${source.repoURL} is not permitted in project '${project.metadata.name}'`);
    });
    const { namespace = '' } = normalized.spec.destination;
    for (const { server, name: destName } of destinations) {
      if (!destinationPermitted(project, server, destName, namespace)) {
        conditions.push(
          `application destination server '${server}' and namespace '${namespace}' do not match any of the allowed destinations in project '${project.metadata.name}'`,
        );
      }
    }
    if (conditions.length === 0 && validate) {
      for (const { source, field } of sources) {
        const problem = await this.renders(normalized, source, field);
        if (problem) conditions.push(problem);
      }
    }
    if (conditions.length > 0)
      throw invalidArgument(`application spec for ${name} is invalid: ${conditions.map((c) => `InvalidSpecError: ${c}`).join('; ')}`);
    return normalized;
  }

  /**
   * The clusters the app deploys to (server URL, and the name the project check matches): its
   * destination's, or each of `destination.servers` (Flotilla's); throws when one is not known.
   */
  private async destinationClusters(app: Application): Promise<{ server: string; name: string }[]> {
    const { server, name, servers } = app.spec.destination ?? {};
    const invalid = (why: string) => invalidArgument(`application destination spec for ${app.metadata.name} is invalid: ${why}`);
    if (servers !== undefined) return this.listedServers(servers, server, name, invalid);
    if (server && name) throw invalid(`application destination can't have both name and server defined: ${name} ${server}`);
    if (server) {
      if (!(await this.clusters.byServer(server)))
        throw invalid(`unable to find destination server: there are no clusters with this URL: ${server}`);
      return [{ server, name: name ?? '' }];
    }
    if (name) {
      const cluster = await this.clusters.byName(name);
      if (!cluster) throw invalid(`unable to find destination server: there are no clusters with this name: ${name}`);
      return [{ server: cluster.cluster.server, name }];
    }
    throw invalid('spec.destination.server, spec.destination.name or spec.destination.servers is required');
  }

  /** `destination.servers`: at least one, each a known cluster, and neither `server` nor `name` beside them. */
  private async listedServers(servers: unknown, server: string | undefined, name: string | undefined, invalid: (why: string) => Error): Promise<{ server: string; name: string }[]> {
    if (server || name) throw invalid(`application destination can't have servers together with ${server ? `server ${server}` : `name ${name}`}`);
    if (!Array.isArray(servers) || servers.length === 0) throw invalid('spec.destination.servers must list at least one server');
    const known = await this.clusters.all();
    return servers.map((listed: unknown, i) => {
      const url = typeof listed === 'string' ? listed.trim().replace(/\/+$/, '') : '';
      const cluster = url ? known.find((c) => c.cluster.server === url) : undefined;
      if (!cluster) throw invalid(`unable to find destination server: there are no clusters with this URL: ${String(listed)} (spec.destination.servers[${i}])`);
      return { server: cluster.cluster.server, name: cluster.cluster.name };
    });
  }

  /** Renders one source through repo-server; answers what is wrong with it, naming the field, or undefined. */
  private async renders(app: Application, source: ApplicationSource, field: string): Promise<string | undefined> {
    const repo = await this.repositories.forSource(source.repoURL, app.spec.project);
    try {
      await this.repoServer.generateManifest({
        repo,
        source,
        appName: app.metadata.name,
        namespace: app.spec.destination.namespace,
        projectName: app.spec.project,
        noRevisionCache: true,
      });
      return undefined;
    } catch (err) {
      const code = (err as { code?: number }).code;
      const message = (err as Error).message;
      if (code === grpc.status.NOT_FOUND)
        return `${field}.targetRevision ${JSON.stringify(source.targetRevision ?? 'HEAD')} cannot be resolved in ${source.repoURL}: ${message}`;
      if (code === grpc.status.FAILED_PRECONDITION) return `${field}.path ${JSON.stringify(source.path ?? '')}: ${message}`;
      if (code === grpc.status.INVALID_ARGUMENT) return `Unable to generate manifests in ${source.path ?? '.'} (${field}): ${message}`;
      return `${field}.repoURL ${source.repoURL} could not be checked through repo-server: ${message}`;
    }
  }
}

/** The Application's sources with the spec field each came from. */
export function sourcesOf(app: Application): { source: ApplicationSource; field: string }[] {
  if (app.spec.sources?.length) return app.spec.sources.map((source, i) => ({ source, field: `spec.sources[${i}]` }));
  return app.spec.source ? [{ source: app.spec.source, field: 'spec.source' }] : [];
}
