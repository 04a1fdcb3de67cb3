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

  async list(ctx: CallContext, project?: string): Promise<Repository[]> {
    return (await this.store.all())
      .map((s) => s.repo)
      .filter((r) => (!project || r.project === project) && ctx.can('repositories', 'get', rbacObject(r)))
      .map(sanitizeRepository);
  }

  async get(ctx: CallContext, url: string, project?: string): Promise<Repository> {
    if (!url) throw invalidArgument('repo (the repository URL) is required');
    const found = await this.store.byUrl(url, project);
    if (!found) {
      if (!ctx.can('repositories', 'get', url)) throw permissionDenied();
      throw notFound(`repo '${url}' not found`);
    }
    ctx.authorize('repositories', 'get', rbacObject(found.repo));
    return sanitizeRepository(found.repo);
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

  async delete(ctx: CallContext, url: string, project?: string): Promise<void> {
    const found = await this.store.byUrl(url, project);
    if (!found) {
      if (!ctx.can('repositories', 'delete', url)) throw permissionDenied();
      throw notFound(`repo '${url}' not found`);
    }
    ctx.authorize('repositories', 'delete', rbacObject(found.repo));
    await this.store.delete(found.secret.metadata.name);
  }

  /** Git repositories are listed through repo-server, which proves the URL and credentials work. */
  private async testConnection(repo: Repository): Promise<void> {
    if (repo.type === 'helm') return;
    try {
      await this.repoServer.listRefs(repo);
    } catch (err) {
      throw invalidArgument(`unable to connect to repository ${repo.repo}: ${(err as Error).message}`);
    }
  }
}
