import type { Application } from '@flotilla/api-types';
import { BACKGROUND_RESOURCES_FINALIZER, DEFAULT_PROJECT, FOREGROUND_RESOURCES_FINALIZER, RESOURCES_FINALIZER } from '@flotilla/api-types';
import { isKubeAlreadyExists, retryOnConflict } from '../hub/kube-errors';
import type { KubeResourceStore, ObjectList } from '../hub/kube-resource.store';
import { sameObjectSpec } from '../hub/object-equality';
import { invalidArgument, notFound, permissionDenied } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import { ApplicationValidationService } from './application-validation.service';

const CASCADE_FINALIZERS = [RESOURCES_FINALIZER, FOREGROUND_RESOURCES_FINALIZER, BACKGROUND_RESOURCES_FINALIZER];

/** Argo CD's RBAC object for an Application: `<project>/<name>`. */
export const appRbacObject = (app: Application): string => `${app.spec?.project || DEFAULT_PROJECT}/${app.metadata.name}`;
export const appNotFound = (name: string): string => `applications.argoproj.io "${name}" not found`;

export interface ListQuery {
  name?: string;
  projects: string[];
  selector?: string;
  repo?: string;
}

/** Applications in the hub (server/application in argo-cd): list, get, create, update, delete. */
export class ApplicationService {
  constructor(
    private readonly apps: KubeResourceStore<Application>,
    private readonly validation: ApplicationValidationService,
  ) {}

  get namespace(): string {
    return this.apps.namespace;
  }

  async list(ctx: CallContext, query: ListQuery): Promise<ObjectList<Application>> {
    const list = await this.apps.list(query.selector || undefined);
    const repo = query.repo?.replace(/\/+$/, '');
    const items = list.items
      .filter((a) => !query.name || a.metadata.name === query.name)
      .filter((a) => query.projects.length === 0 || query.projects.includes(a.spec?.project || DEFAULT_PROJECT))
      .filter((a) => !repo || [a.spec?.source, ...(a.spec?.sources ?? [])].some((s) => s?.repoURL?.replace(/\/+$/, '') === repo))
      .filter((a) => ctx.can('applications', 'get', appRbacObject(a)))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    return { items, resourceVersion: list.resourceVersion };
  }

  /**
   * The Application, if the caller may `action` it. Like Argo CD, a caller who could not see it
   * anyway gets PermissionDenied whether or not it exists; `project` (when given) must match.
   */
  async authorized(ctx: CallContext, name: string | undefined, action: string, project?: string): Promise<Application> {
    if (!name) throw invalidArgument('application name is required');
    const app = await this.apps.get(name);
    if (!app) {
      if (!ctx.can('applications', action, `${project || '*'}/${name}`)) throw permissionDenied();
      throw notFound(appNotFound(name));
    }
    ctx.authorize('applications', action, appRbacObject(app));
    if (project && (app.spec?.project || DEFAULT_PROJECT) !== project) throw notFound(appNotFound(name));
    return app;
  }

  /** Creates, or (same spec) returns the existing one, or (upsert) updates it; an `operation` is never taken from the caller. */
  async create(ctx: CallContext, input: Application, opts: { upsert: boolean; validate: boolean }): Promise<Application> {
    const app = await this.validation.validate(input, opts.validate);
    ctx.authorize('applications', 'create', appRbacObject(app));
    const { operation: _ignored, ...wanted } = app;
    try {
      return await this.apps.create(wanted);
    } catch (err) {
      if (!isKubeAlreadyExists(err)) throw err;
    }
    const existing = await this.apps.get(app.metadata.name);
    if (!existing) throw notFound(appNotFound(app.metadata.name));
    if (sameObjectSpec(existing, wanted)) return existing;
    if (!opts.upsert) throw invalidArgument('existing application spec is different, use upsert flag to force update');
    ctx.authorize('applications', 'update', appRbacObject(app));
    return this.writeSpec(app, true);
  }

  async update(ctx: CallContext, input: Application, opts: { validate: boolean; project?: string }): Promise<Application> {
    const current = await this.authorized(ctx, input.metadata?.name, 'update', opts.project);
    const app = await this.validation.validate(input, opts.validate);
    if ((current.spec?.project || DEFAULT_PROJECT) !== app.spec.project) {
      // Moving between projects needs create in the new one besides update in the old (checked above).
      ctx.authorize('applications', 'create', appRbacObject(app));
    }
    return this.writeSpec(app, false);
  }

  /** Deletes, first setting (cascade) or removing (no cascade) the finalizer that makes the controller delete resources. */
  async delete(ctx: CallContext, req: { name?: string; cascade?: boolean; propagationPolicy?: string; project?: string }): Promise<void> {
    const app = await this.authorized(ctx, req.name, 'delete', req.project);
    const cascade = req.cascade ?? true;
    if (!cascade && req.propagationPolicy) throw invalidArgument('cannot set propagation policy when cascading is disabled');
    const finalizers = app.metadata.finalizers ?? [];
    let wanted = finalizers;
    if (cascade) {
      const finalizer = propagationFinalizer(req.propagationPolicy ?? '');
      if (!finalizer) throw invalidArgument(`invalid propagation policy: ${req.propagationPolicy}`);
      // Kubernetes refuses new finalizers on an object already being deleted.
      if (!finalizers.includes(finalizer) && !app.metadata.deletionTimestamp) wanted = [...finalizers, finalizer];
    } else {
      wanted = finalizers.filter((f) => !CASCADE_FINALIZERS.includes(f));
    }
    if (wanted.length !== finalizers.length) await this.apps.mergePatch(app.metadata.name, { metadata: { finalizers: wanted } });
    await this.apps.delete(app.metadata.name);
  }

  /** Writes spec, labels, annotations and finalizers onto the stored Application, retrying on conflicts. */
  private writeSpec(app: Application, mergeMetadata: boolean): Promise<Application> {
    return retryOnConflict(async () => {
      const current = await this.apps.get(app.metadata.name);
      if (!current) throw notFound(appNotFound(app.metadata.name));
      const labels = mergeMetadata ? { ...current.metadata.labels, ...app.metadata.labels } : app.metadata.labels;
      const annotations = mergeMetadata ? { ...current.metadata.annotations, ...app.metadata.annotations } : app.metadata.annotations;
      return this.apps.replace({
        ...current,
        spec: app.spec,
        metadata: { ...current.metadata, labels, annotations, finalizers: app.metadata.finalizers },
      });
    });
  }
}

function propagationFinalizer(policy: string): string | undefined {
  switch (policy.toLowerCase()) {
    case '':
      return RESOURCES_FINALIZER;
    case 'foreground':
      return FOREGROUND_RESOURCES_FINALIZER;
    case 'background':
      return BACKGROUND_RESOURCES_FINALIZER;
    default:
      return undefined;
  }
}
