import type { Application } from '@flotilla/api-types';
import { LabelSelector } from '@flotilla/notifications';
import { applyPatch, JsonPatchError, type Operation } from 'fast-json-patch';
import { BACKGROUND_RESOURCES_FINALIZER, DEFAULT_PROJECT, FOREGROUND_RESOURCES_FINALIZER, RESOURCES_FINALIZER } from '@flotilla/api-types';
import { isKubeAlreadyExists, retryOnConflict } from '../hub/kube-errors';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { sameObjectSpec } from '../hub/object-equality';
import { invalidArgument, notFound, permissionDenied } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import { compareKeys, decodeContinue, keyOf, type ListPage, pageOf, parseLimit } from './application-list.pages';
import type { ApplicationEventsClient } from './application-events.client';
import { ApplicationValidationService } from './application-validation.service';
import type { ApplicationWatchSource } from './application-watch.source';

const CASCADE_FINALIZERS = [RESOURCES_FINALIZER, FOREGROUND_RESOURCES_FINALIZER, BACKGROUND_RESOURCES_FINALIZER];

/** Argo CD's RBAC object for an Application: `<project>/<name>`. */
export const appRbacObject = (app: Application): string => `${app.spec?.project || DEFAULT_PROJECT}/${app.metadata.name}`;
export const appNotFound = (name: string): string => `applications.argoproj.io "${name}" not found`;

export interface ListQuery {
  name?: string;
  projects: string[];
  selector?: string;
  repo?: string;
  /** At most this many apps (0 or absent: all), after the app `continue` names. */
  limit?: string | number;
  continue?: string;
}

export type ApplicationList = ListPage<Application> & { resourceVersion?: string };

/** Applications in the hub (server/application in argo-cd): list, get, create, update, delete. */
export class ApplicationService {
  constructor(
    private readonly apps: KubeResourceStore<Application>,
    private readonly validation: ApplicationValidationService,
    private readonly events?: ApplicationEventsClient,
    /** The shared watch of the hub's apps: lists are answered from it once it has them (and this process's own writes). */
    private readonly watch?: ApplicationWatchSource,
  ) {}

  get namespace(): string {
    return this.apps.namespace;
  }

  /**
   * The apps the caller may see, ordered by (namespace, name); with a limit, one page of them and
   * the token of the next. Only the page is handed on to be serialised, however many apps there are.
   */
  async list(ctx: CallContext, query: ListQuery): Promise<ApplicationList> {
    const limit = parseLimit(query.limit);
    const after = query.continue ? decodeContinue(query.continue) : undefined;
    const list = this.cachedList(query.selector) ?? (await this.apps.list(query.selector || undefined));
    const repo = query.repo?.replace(/\/+$/, '');
    const candidates = list.items
      .filter((a) => !query.name || a.metadata.name === query.name)
      .filter((a) => query.projects.length === 0 || query.projects.includes(a.spec?.project || DEFAULT_PROJECT))
      .filter((a) => !repo || [a.spec?.source, ...(a.spec?.sources ?? [])].some((s) => s?.repoURL?.replace(/\/+$/, '') === repo))
      .sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    const page = pageOf(candidates, keyOf, { limit, after }, (a) => ctx.can('applications', 'get', appRbacObject(a)));
    return { ...page, resourceVersion: list.resourceVersion };
  }

  /** The watch's apps matching the selector, or undefined when the hub must be asked. */
  private cachedList(selector: string | undefined): { items: Application[]; resourceVersion?: string } | undefined {
    const snapshot = this.watch?.snapshot(this.apps.ownWrites);
    if (!snapshot || !selector) return snapshot;
    let matcher: LabelSelector;
    try {
      matcher = LabelSelector.parse(selector);
    } catch (err) {
      throw invalidArgument(`error parsing labels with selectors: ${(err as Error).message}`);
    }
    return { ...snapshot, items: snapshot.items.filter((a) => matcher.matches(a.metadata.labels ?? {})) };
  }

  /**
   * The Application, if the caller may `action` it. Like Argo CD, a caller who could not see it
   * anyway gets PermissionDenied whether or not it exists; `project` (when given) must match.
   */
  async authorized(ctx: CallContext, name: string | undefined, action: string | string[], project?: string): Promise<Application> {
    if (!name) throw invalidArgument('application name is required');
    // Several actions: any one of them will do (Argo's fine-grained update/<group>/<kind>/… for resources).
    const [first, ...others] = typeof action === 'string' ? [action] : action;
    const app = await this.apps.get(name);
    if (!app) {
      if (![first, ...others].some((a) => ctx.can('applications', a, `${project || '*'}/${name}`))) throw permissionDenied();
      throw notFound(appNotFound(name));
    }
    if (!others.some((a) => ctx.can('applications', a, appRbacObject(app)))) ctx.authorize('applications', first, appRbacObject(app));
    if (project && (app.spec?.project || DEFAULT_PROJECT) !== project) throw notFound(appNotFound(name));
    return app;
  }

  /** Creates, or (same spec) returns the existing one, or (upsert) updates it; an `operation` is never taken from the caller. */
  async create(ctx: CallContext, input: Application, opts: { upsert: boolean; validate: boolean }): Promise<Application> {
    const app = await this.validation.validate(input, opts.validate);
    ctx.authorize('applications', 'create', appRbacObject(app));
    const { operation: _ignored, ...wanted } = app;
    try {
      const created = await this.apps.create(wanted);
      this.events?.record(ctx, created, 'ResourceCreated', 'created application');
      return created;
    } catch (err) {
      if (!isKubeAlreadyExists(err)) throw err;
    }
    const existing = await this.apps.get(app.metadata.name);
    if (!existing) throw notFound(appNotFound(app.metadata.name));
    if (sameObjectSpec(existing, wanted)) return existing;
    if (!opts.upsert) throw invalidArgument('existing application spec is different, use upsert flag to force update');
    ctx.authorize('applications', 'update', appRbacObject(app));
    return this.writeSpec(ctx, app, true);
  }

  async update(ctx: CallContext, input: Application, opts: { validate: boolean; project?: string }): Promise<Application> {
    const current = await this.authorized(ctx, input.metadata?.name, 'update', opts.project);
    const app = await this.validation.validate(input, opts.validate);
    if ((current.spec?.project || DEFAULT_PROJECT) !== app.spec.project) {
      // Moving between projects needs create in the new one besides update in the old (checked above).
      ctx.authorize('applications', 'create', appRbacObject(app));
    }
    return this.writeSpec(ctx, app, false);
  }

  /**
   * Applies a JSON patch (RFC 6902, the default) or a merge patch (RFC 7386) to the Application as
   * JSON, then validates and stores the result as Update does (Argo's Patch).
   */
  async patch(ctx: CallContext, req: { name?: string; patch?: string; patchType?: string; project?: string }): Promise<Application> {
    const current = await this.authorized(ctx, req.name, 'get', req.project);
    ctx.authorize('applications', 'update', appRbacObject(current));
    const patched = applyAppPatch(current, req.patch ?? '', req.patchType ?? '');
    if (patched.metadata?.name !== current.metadata.name) throw invalidArgument('the patch may not change metadata.name');
    return this.update(ctx, patched, { validate: true, project: req.project });
  }

  /** Replaces the spec and answers with the spec stored (Argo's UpdateSpec). */
  async updateSpec(
    ctx: CallContext,
    req: { name?: string; spec?: Application['spec']; validate?: boolean; project?: string },
  ): Promise<Application['spec']> {
    if (!req.spec) throw invalidArgument('error updating application spec: spec is nil in request');
    const current = await this.authorized(ctx, req.name, 'update', req.project);
    const updated = await this.update(ctx, { ...current, spec: req.spec }, { validate: req.validate ?? true, project: req.project });
    return updated.spec;
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
    this.events?.record(ctx, app, 'ResourceDeleted', 'deleted application');
  }

  /** Writes spec, labels, annotations and finalizers onto the stored Application, retrying on conflicts. */
  private async writeSpec(ctx: CallContext, app: Application, mergeMetadata: boolean): Promise<Application> {
    const written = await retryOnConflict(async () => {
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
    this.events?.record(ctx, written, 'ResourceUpdated', 'updated application spec');
    return written;
  }
}

/** The Application with a patch applied; a patch that cannot apply is the caller's error, said plainly. */
function applyAppPatch(app: Application, patchText: string, patchType: string): Application {
  if (patchType !== '' && patchType !== 'json' && patchType !== 'merge')
    throw invalidArgument(`Patch type '${patchType}' is not supported`);
  let patch: unknown;
  try {
    patch = JSON.parse(patchText);
  } catch {
    throw invalidArgument(`error decoding ${patchType === 'merge' ? 'merge' : 'json'} patch: patch is not valid JSON`);
  }
  const doc = JSON.parse(JSON.stringify(app)) as Application;
  if (patchType === 'merge') {
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch))
      throw invalidArgument('error calculating merge patch: a merge patch must be a JSON object');
    return mergePatch(doc, patch) as Application;
  }
  if (!Array.isArray(patch)) throw invalidArgument('error decoding json patch: a json patch must be an array of operations');
  try {
    return applyPatch(doc, patch as Operation[], true, true).newDocument;
  } catch (err) {
    // fast-json-patch's message goes on with the whole document; its first line says what failed.
    const what = err instanceof JsonPatchError ? `${err.message.split('\n')[0]} (operation ${err.index ?? 0})` : (err as Error).message;
    throw invalidArgument(`error applying patch: ${what}`);
  }
}

/** RFC 7386: objects merge key by key, null removes, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
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
