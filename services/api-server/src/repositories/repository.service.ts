import type { Repository } from '@flotilla/api-types';
import type { RepoServerClient } from '@flotilla/clients';
import { invalidArgument, notFound, permissionDenied } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import { repositoryToSecret, sameRepository, sanitizeRepository } from './repository-secret.codec';
import { RepositoryStore } from './repository.store';

/** Argo CD's RBAC object for a repository: `<project>/<url>` for project-scoped ones. */
const rbacObject = (r: Repository): string => (r.project ? `${r.project}/${r.repo}` : r.repo);

/** Git and Helm repositories (server/repository in argo-cd); credentials never leave the hub. */
export class RepositoryService {
  constructor(
    private readonly store: RepositoryStore,
    private readonly repoServer: Pick<RepoServerClient, 'listRefs'>,
  ) {}

  /** Branches and tags of a stored repository, read by repo-server with its stored credentials (repositories/get). */
  async listRefs(ctx: CallContext, url: string, project?: string): Promise<{ branches: string[]; tags: string[] }> {
    const found = await this.find(ctx, url, project, 'get');
    if (found.type === 'helm') throw invalidArgument(`repo '${url}' is a Helm repository and has no branches or tags`);
    return this.repoServer.listRefs(await this.store.withTemplate(found));
  }

  /**
   * Replaces a stored repository's settings and credentials (server/repository UpdateRepository):
   * repositories/update on the repository where it is and where it will be. Argo answers only its URL, type and name.
   */
  async update(ctx: CallContext, repo: Repository): Promise<Repository> {
    if (!repo.repo) throw invalidArgument('repo.repo (the repository URL) is required');
    const found = await this.store.byUrl(repo.repo, repo.project);
    if (!found) {
      if (!ctx.can('repositories', 'update', repo.repo)) throw permissionDenied();
      throw notFound(`repo '${repo.repo}' not found`);
    }
    ctx.authorize('repositories', 'update', rbacObject(found.repo));
    ctx.authorize('repositories', 'update', rbacObject(repo));
    await this.store.replace({ ...found.secret, data: repositoryToSecret(repo, this.store.namespace).data });
    return { repo: repo.repo, type: repo.type ?? 'git', ...(repo.name ? { name: repo.name } : {}) };
  }

  /** Tries a repository with the given credentials without storing anything (repositories/create, as Argo asks). */
  async validateAccess(ctx: CallContext, repo: Repository): Promise<void> {
    if (!repo.repo) throw invalidArgument('repo (the repository URL) is required');
    ctx.authorize('repositories', 'create', rbacObject(repo));
    await this.testConnection(repo);
  }

  async list(ctx: CallContext, project?: string): Promise<Repository[]> {
    const visible = (await this.store.all())
      .map((s) => s.repo)
      .filter((r) => (!project || r.project === project) && ctx.can('repositories', 'get', rbacObject(r)));
    return Promise.all(visible.map(async (r) => sanitizeRepository(await this.store.withTemplate(r))));
  }

  async get(ctx: CallContext, url: string, project?: string): Promise<Repository> {
    if (!url) throw invalidArgument('repo (the repository URL) is required');
    const found = await this.store.byUrl(url, project);
    if (!found) {
      if (!ctx.can('repositories', 'get', url)) throw permissionDenied();
      throw notFound(`repo '${url}' not found`);
    }
    ctx.authorize('repositories', 'get', rbacObject(found.repo));
    return sanitizeRepository(await this.store.withTemplate(found.repo));
  }

  /** Stores a repository once repo-server could reach it with the given credentials. */
  async create(ctx: CallContext, repo: Repository, upsert: boolean): Promise<Repository> {
    if (!repo.repo) throw invalidArgument('repo.repo (the repository URL) is required');
    ctx.authorize('repositories', 'create', rbacObject(repo));
    await this.testConnection(repo);
    const existing = await this.store.byUrl(repo.repo, repo.project);
    if (!existing) {
      await this.store.create(repositoryToSecret(repo, this.store.namespace));
    } else if (!sameRepository(existing.repo, repo)) {
      if (!upsert) throw invalidArgument('existing repository spec is different; use upsert flag to force update');
      ctx.authorize('repositories', 'update', rbacObject(repo));
      await this.store.replace({ ...existing.secret, data: repositoryToSecret(repo, this.store.namespace).data });
    }
    return { ...sanitizeRepository(repo), connectionState: { status: 'Successful', attemptedAt: new Date().toISOString() } };
  }

  /** A stored repository with its credentials; a caller without `action` gets PermissionDenied whether or not it exists. */
  private async find(ctx: CallContext, url: string, project: string | undefined, action: string): Promise<Repository> {
    if (!url) throw invalidArgument('repo (the repository URL) is required');
    const found = await this.store.byUrl(url, project);
    if (!found) {
      if (!ctx.can('repositories', action, url)) throw permissionDenied();
      throw notFound(`repo '${url}' not found`);
    }
    ctx.authorize('repositories', action, rbacObject(found.repo));
    return found.repo;
  }

  async delete(ctx: CallContext, url: string, project?: string): Promise<void> {
    const found = await this.store.byUrl(url, project);
    if (!found) {
      if (!ctx.can('repositories', 'delete', url)) throw permissionDenied();
      throw notFound(`repo '${url}' not found`);
    }
    ctx.authorize('repositories', 'delete', rbacObject(found.repo));
    await this.store.delete(found.secret.metadata.name);
  }

  /**
   * Git repositories are listed through repo-server, which proves the URL and credentials work;
   * a repository given without credentials is tried with its credential template's, as Argo tries it.
   */
  private async testConnection(repo: Repository): Promise<void> {
    if (repo.type === 'helm') return;
    try {
      await this.repoServer.listRefs(await this.store.withTemplate(repo));
    } catch (err) {
      throw invalidArgument(`unable to connect to repository ${repo.repo}: ${(err as Error).message}`);
    }
  }
}
