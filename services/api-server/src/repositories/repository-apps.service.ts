import type { Application, ApplicationSource, AppProject, Repository } from '@flotilla/api-types';
import { normalizeRepoUrl } from '@flotilla/api-types';
import type { RepoServerClient } from '@flotilla/clients';
import { sourcePermitted } from '../applications/project-permissions';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { invalidArgument, notFound, permissionDenied } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import { sourceInHistory } from './source-history';
import { RepositoryStore } from './repository.store';

/** Argo CD's RBAC object for a repository: `<project>/<url>` for project-scoped ones. */
const rbacObject = (r: Repository): string => (r.project ? `${r.project}/${r.repo}` : r.repo);

export interface AppInfo {
  type: string;
  path: string;
}

/** Argo's RepoAppDetailsResponse: the type, and the details of that type (a Directory has none). */
export interface RepoAppDetails {
  type: string;
  helm?: Record<string, unknown>;
  kustomize?: Record<string, unknown>;
  directory?: Record<string, unknown>;
  plugin?: Record<string, unknown>;
}

/**
 * What the UI's create-app dialog asks of a repository (server/repository ListApps and
 * GetAppDetails in argo-cd): the apps it holds, and what one source path offers. Both make
 * repo-server fetch and read the repository, so, as in Argo, the caller must be able to create
 * (or already read) the app it asks for, and the project must permit the repository.
 */
export class RepositoryAppsService {
  constructor(
    private readonly store: RepositoryStore,
    private readonly projects: Pick<KubeResourceStore<AppProject>, 'get'>,
    private readonly apps: Pick<KubeResourceStore<Application>, 'get'>,
    private readonly repoServer: Pick<RepoServerClient, 'listApps' | 'appDetails'>,
  ) {}

  /** The Helm and Kustomize directories at a revision: repositories/get, and applications create or update on the app. */
  async listApps(ctx: CallContext, q: { repo: string; revision: string; appName: string; appProject: string }): Promise<AppInfo[]> {
    if (!q.repo) throw invalidArgument('repo (the repository URL) is required');
    const repo = await this.store.forSource(q.repo, q.appProject);
    ctx.authorize('repositories', 'get', rbacObject(repo));
    const app = `${q.appProject}/${q.appName}`;
    if (!ctx.can('applications', 'create', app) && !ctx.can('applications', 'update', app)) throw permissionDenied();
    await this.assertRepoPermitted(q.repo, q.appProject);
    const apps = await this.repoServer.listApps(repo, q.revision);
    return Object.entries(apps)
      .map(([path, type]) => ({ type, path }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * What a source offers (Helm values and parameters, a kustomization's images). For an app that
   * exists, only a source it has or had (its history) may be described, so that reading the app
   * does not let a caller read arbitrary paths; for a new one the caller must be able to create it.
   */
  async appDetails(ctx: CallContext, q: { source?: ApplicationSource; appName: string; appProject: string; sourceIndex: number; versionId: number }): Promise<RepoAppDetails> {
    const { source } = q;
    if (!source) throw invalidArgument('missing payload in request');
    if (!source.repoURL) throw invalidArgument('source.repoURL (the repository URL) is required');
    const repo = await this.store.forSource(source.repoURL, q.appProject);
    ctx.authorize('repositories', 'get', rbacObject(repo));
    // A qualified name (namespace/name) names an app only in Flotilla's own namespace, where it keeps them.
    const name = q.appName.includes('/') ? q.appName.slice(q.appName.indexOf('/') + 1) : q.appName;
    const existing = name && (!q.appName.includes('/') || q.appName.startsWith(`${this.namespace()}/`)) ? await this.apps.get(name) : undefined;
    const object = `${q.appProject}/${q.appName}`;
    ctx.authorize('applications', 'get', object);
    if (!existing) ctx.authorize('applications', 'create', object);
    else if (q.appProject !== existing.spec.project || !sourceInHistory(existing, source, q.sourceIndex, q.versionId)) throw permissionDenied();
    await this.assertRepoPermitted(source.repoURL, q.appProject);
    const { type, details } = await this.repoServer.appDetails(repo, source);
    const pick = (key: string): Record<string, unknown> | undefined => {
      const v = details[key];
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    };
    return { type, helm: pick('helm'), kustomize: pick('kustomize'), directory: pick('directory'), plugin: pick('plugin') };
  }

  /** Argo's isRepoPermittedInProject: the project exists, and its sourceRepos (or its own repositories) take the URL. */
  private async assertRepoPermitted(url: string, projectName: string): Promise<void> {
    const project = projectName ? await this.projects.get(projectName) : undefined;
    if (!project) throw notFound(`error getting app project "${projectName}": appproject.argoproj.io "${projectName}" not found`);
    if (sourcePermitted(project, url)) return;
    const scoped = (await this.store.all()).some((s) => s.repo.project === projectName && normalizeRepoUrl(s.repo.repo) === normalizeRepoUrl(url));
    if (!scoped) throw permissionDenied(`repository '${url}' not permitted in project '${projectName}'`);
  }

  private namespace(): string {
    return this.store.namespace;
  }
}
