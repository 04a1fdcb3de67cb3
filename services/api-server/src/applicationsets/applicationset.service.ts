import type { ApplicationSet, AppProject } from '@flotilla/api-types';
import { ARGO_API_VERSION, DEFAULT_PROJECT } from '@flotilla/api-types';
import { GENERATOR_KEYS } from '@flotilla/appset';
import { isKubeAlreadyExists, retryOnConflict } from '../hub/kube-errors';
import type { KubeResourceStore, ObjectList } from '../hub/kube-resource.store';
import { sameObjectSpec } from '../hub/object-equality';
import { invalidArgument, notFound, permissionDenied } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';

/** An entry of ApplicationSet status.resources: one generated Application. */
interface AppSetResourceStatus {
  group?: string;
  version?: string;
  kind?: string;
  name: string;
  health?: { status?: string; message?: string };
}

interface ResourceTreeNode {
  group: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
  parentRefs: Record<string, string | undefined>[];
  health?: { status?: string; message?: string };
}

export const projectOf = (set: ApplicationSet): string => set.spec?.template?.spec?.project || DEFAULT_PROJECT;
/** Argo CD's RBAC object for an ApplicationSet: `<template project>/<name>`. */
export const rbacObject = (set: ApplicationSet): string => `${projectOf(set)}/${set.metadata.name}`;
export const appSetNotFound = (name: string): string => `applicationsets.argoproj.io "${name}" not found`;

/**
 * ApplicationSets (server/applicationset in argo-cd). The appset-controller generates their
 * Applications; the api-server stores and validates them.
 */
export class ApplicationSetService {
  constructor(
    private readonly sets: KubeResourceStore<ApplicationSet>,
    private readonly projects: KubeResourceStore<AppProject>,
  ) {}

  get namespace(): string {
    return this.sets.namespace;
  }

  async list(ctx: CallContext, query: { projects: string[]; selector?: string }): Promise<ObjectList<ApplicationSet>> {
    const list = await this.sets.list(query.selector || undefined);
    const items = list.items
      .filter((s) => query.projects.length === 0 || query.projects.includes(projectOf(s)))
      .filter((s) => ctx.can('applicationsets', 'get', rbacObject(s)))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    return { items, resourceVersion: list.resourceVersion };
  }

  async get(ctx: CallContext, name: string | undefined, action = 'get'): Promise<ApplicationSet> {
    if (!name) throw invalidArgument('applicationset name is required');
    const set = await this.sets.get(name);
    if (!set) {
      if (!ctx.can('applicationsets', action, `*/${name}`)) throw permissionDenied();
      throw notFound(appSetNotFound(name));
    }
    ctx.authorize('applicationsets', action, rbacObject(set));
    return set;
  }

  /**
   * Argo's ApplicationSetTree: a node per Application the set's status lists, its health, and the
   * set as its parent, sorted by group/kind/namespace/name as Argo sorts them (applicationsets/get).
   */
  async resourceTree(ctx: CallContext, name: string | undefined): Promise<{ nodes?: ResourceTreeNode[] }> {
    const set = await this.get(ctx, name);
    const parentRefs = [
      {
        group: 'argoproj.io',
        version: 'v1alpha1',
        kind: 'ApplicationSet',
        namespace: set.metadata.namespace,
        name: set.metadata.name,
        uid: set.metadata.uid,
      },
    ];
    const resources = (set.status as { resources?: AppSetResourceStatus[] } | undefined)?.resources ?? [];
    const nodes = resources.map((r) => ({
      group: r.group ?? 'argoproj.io',
      version: r.version ?? 'v1alpha1',
      kind: r.kind ?? 'Application',
      namespace: set.metadata.namespace,
      name: r.name,
      parentRefs,
      ...(r.health ? { health: r.health } : {}),
    }));
    const fullName = (n: ResourceTreeNode): string => `${n.group}/${n.kind}/${n.namespace ?? ''}/${n.name}`;
    nodes.sort((a, b) => (fullName(a) < fullName(b) ? -1 : fullName(a) > fullName(b) ? 1 : 0));
    return nodes.length ? { nodes } : {};
  }

  /** Creates (or with upsert updates) an ApplicationSet; dryRun validates it through the hub without storing it. */
  async create(ctx: CallContext, input: ApplicationSet, opts: { upsert: boolean; dryRun: boolean }): Promise<ApplicationSet> {
    const set = await this.validate(input);
    ctx.authorize('applicationsets', 'create', rbacObject(set));
    const existing = await this.sets.get(set.metadata.name);
    if (existing && sameObjectSpec(existing, set)) return existing;
    if (existing && !opts.upsert) throw invalidArgument('existing ApplicationSet spec is different, use upsert flag to force update');
    if (existing) ctx.authorize('applicationsets', 'update', rbacObject(set));
    if (opts.dryRun)
      return existing
        ? {
            ...existing,
            spec: set.spec,
            metadata: { ...existing.metadata, labels: set.metadata.labels, annotations: set.metadata.annotations },
          }
        : this.sets.create(set, { dryRun: true });
    if (!existing) {
      try {
        return await this.sets.create(set);
      } catch (err) {
        if (!isKubeAlreadyExists(err) || !opts.upsert) throw err;
      }
    }
    return retryOnConflict(async () => {
      const current = await this.sets.get(set.metadata.name);
      if (!current) throw notFound(appSetNotFound(set.metadata.name));
      return this.sets.replace({
        ...current,
        spec: set.spec,
        metadata: {
          ...current.metadata,
          labels: set.metadata.labels,
          annotations: set.metadata.annotations,
          finalizers: set.metadata.finalizers,
        },
      });
    });
  }

  async delete(ctx: CallContext, name: string | undefined): Promise<void> {
    const set = await this.get(ctx, name, 'delete');
    await this.sets.delete(set.metadata.name);
  }

  /** Argo CD's checks: a name, known generators, and a concrete, existing template project. */
  private async validate(set: ApplicationSet): Promise<ApplicationSet> {
    const checked = this.checkSpec(set);
    await this.checkProject(projectOf(checked));
    return checked;
  }

  /** The checks that need nothing but the ApplicationSet: a name, one known generator an entry, a concrete template project. */
  checkSpec(set: ApplicationSet): ApplicationSet {
    if (!set.metadata?.name) throw invalidArgument('applicationset.metadata.name is required');
    if (!set.spec?.template?.spec) throw invalidArgument('applicationset.spec.template.spec is required');
    const generators = set.spec.generators ?? [];
    if (!Array.isArray(generators)) throw invalidArgument('applicationset.spec.generators must be a list');
    if (generators.length === 0) throw invalidArgument('applicationset.spec.generators must name at least one generator');
    generators.forEach((g, i) => {
      // `selector` filters an entry's parameters; it is not a generator of its own.
      const kinds = typeof g === 'object' && g !== null ? GENERATOR_KEYS.filter((k) => k in g) : [];
      if (kinds.length !== 1)
        throw invalidArgument(`applicationset.spec.generators[${i}] must have exactly one generator (${GENERATOR_KEYS.join(', ')})`);
    });
    if (projectOf(set).includes('{{'))
      throw invalidArgument('the Argo CD API does not currently support creating ApplicationSets with templated `project` fields');
    return { ...set, apiVersion: ARGO_API_VERSION, kind: 'ApplicationSet' };
  }

  async checkProject(project: string): Promise<void> {
    if (!(await this.projects.get(project))) throw invalidArgument(`ApplicationSet references project ${project} which does not exist`);
  }
}
