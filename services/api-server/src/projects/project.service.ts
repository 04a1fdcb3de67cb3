import { AppProject, ARGO_API_VERSION, DEFAULT_PROJECT } from '@flotilla/api-types';
import type { Application } from '@flotilla/api-types';
import type { Logger } from 'pino';
import { isKubeAlreadyExists } from '../hub/kube-errors';
import type { KubeResourceStore, ObjectList } from '../hub/kube-resource.store';
import { invalidArgument, notFound, permissionDenied } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import { sameObjectSpec } from '../hub/object-equality';

export const projectNotFound = (name: string): string => `appprojects.argoproj.io "${name}" not found`;

/** AppProjects (server/project in argo-cd), and the `default` project every installation has. */
export class ProjectService {
  constructor(
    private readonly projects: KubeResourceStore<AppProject>,
    private readonly applications: KubeResourceStore<Application>,
    private readonly logger: Logger,
  ) {}

  /** Creates the `default` project, allowing everything, when it is missing (as Argo CD does at start). */
  async ensureDefault(): Promise<void> {
    if (await this.projects.get(DEFAULT_PROJECT)) return;
    try {
      await this.projects.create({
        apiVersion: ARGO_API_VERSION,
        kind: 'AppProject',
        metadata: { name: DEFAULT_PROJECT },
        spec: {
          sourceRepos: ['*'],
          destinations: [{ server: '*', namespace: '*' }],
          clusterResourceWhitelist: [{ group: '*', kind: '*' }],
        },
      });
      this.logger.info(`created the ${DEFAULT_PROJECT} AppProject`);
    } catch (err) {
      if (!isKubeAlreadyExists(err)) throw err;
    }
  }

  async list(ctx: CallContext): Promise<ObjectList<AppProject>> {
    const list = await this.projects.list();
    const items = list.items
      .filter((p) => ctx.can('projects', 'get', p.metadata.name))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    return { items, resourceVersion: list.resourceVersion };
  }

  async get(ctx: CallContext, name: string): Promise<AppProject> {
    if (!name) throw invalidArgument('project name is required');
    ctx.authorize('projects', 'get', name);
    const project = await this.projects.get(name);
    if (!project) throw notFound(projectNotFound(name));
    return project;
  }

  async create(ctx: CallContext, project: AppProject, upsert: boolean): Promise<AppProject> {
    const name = project.metadata?.name;
    if (!name) throw invalidArgument('project.metadata.name is required');
    ctx.authorize('projects', 'create', name);
    const wanted: AppProject = { ...project, apiVersion: ARGO_API_VERSION, kind: 'AppProject', spec: project.spec ?? {} };
    try {
      return await this.projects.create(wanted);
    } catch (err) {
      if (!isKubeAlreadyExists(err)) throw err;
    }
    const existing = await this.projects.get(name);
    if (!existing) throw notFound(projectNotFound(name));
    if (sameObjectSpec(existing, wanted)) return existing;
    if (!upsert) throw invalidArgument('existing project spec is different; use upsert flag to force update');
    ctx.authorize('projects', 'update', name);
    return this.projects.replace({
      ...existing,
      spec: wanted.spec,
      metadata: { ...existing.metadata, labels: wanted.metadata.labels, annotations: wanted.metadata.annotations },
    });
  }

  /** Refuses to delete `default` or a project Applications still use. */
  async delete(ctx: CallContext, name: string): Promise<void> {
    if (!name) throw invalidArgument('project name is required');
    ctx.authorize('projects', 'delete', name);
    if (name === DEFAULT_PROJECT) throw invalidArgument(`name '${name}' is reserved and cannot be deleted`);
    if (!(await this.projects.get(name))) {
      if (!ctx.can('projects', 'get', name)) throw permissionDenied();
      throw notFound(projectNotFound(name));
    }
    const users = (await this.applications.list()).items.filter((a) => (a.spec?.project || DEFAULT_PROJECT) === name);
    if (users.length > 0) throw invalidArgument(`project is referenced by ${users.length} applications`);
    await this.projects.delete(name);
  }
}
