import { CRD_CLEANUP_FINALIZER } from '../cluster/deletion';
import { ResourceType, resourceKey } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';
import { ControllerContext, ObjectKey, Reconciler } from './controller-runtime';

interface CrdSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: { plural: string; singular?: string; kind: string; listKind?: string; shortNames?: string[]; categories?: string[] };
  versions: Array<{ name: string; served: boolean; storage: boolean; subresources?: { status?: object; scale?: object } }>;
}

/** Where a CRD's schemas go so that patches, pruning and `kubectl explain` see them. */
export interface CrdSchemaSink {
  register(crd: KubeObject): void;
  unregister(crd: KubeObject): void;
}

/**
 * apiextensions-apiserver: an established CRD serves its resources (discovery, CRUD, watch,
 * status/scale subresources); deleting it deletes its objects, then stops serving them.
 */
export class CrdReconciler implements Reconciler {
  readonly name = 'customresourcedefinition';
  readonly primary = { group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions' };
  private readonly served = new Map<string, { group: string; plural: string; crd: KubeObject }>();

  constructor(private readonly schemas: CrdSchemaSink) {}

  /** The CRD behind a served custom resource. */
  crdFor(t: ResourceType): KubeObject | undefined {
    return this.served.get(`${t.plural}.${t.group}`)?.crd;
  }

  reconcile(key: ObjectKey, ctx: ControllerContext): number | void {
    const crdType = ctx.resource(this.primary.group, this.primary.plural);
    const crd = ctx.api.find(crdType, '', key.name);
    if (!crd) return this.stopServing(key.name, ctx);
    const spec = crd.spec as CrdSpec;
    if (crd.metadata.deletionTimestamp) return this.cleanUp(crd, spec, ctx);
    this.serve(crd, spec, ctx);
    this.establish(crd, spec, ctx);
  }

  private serve(crd: KubeObject, spec: CrdSpec, ctx: ControllerContext): void {
    const previous = this.served.get(crd.metadata.name!);
    if (previous) ctx.registry.remove(previous.group, previous.plural);
    for (const v of spec.versions.filter((x) => x.served)) ctx.registry.add(resourceTypeFor(spec, v));
    this.served.set(crd.metadata.name!, { group: spec.group, plural: spec.names.plural, crd });
    this.served.set(`${spec.names.plural}.${spec.group}`, { group: spec.group, plural: spec.names.plural, crd });
    this.schemas.register(crd);
  }

  private establish(crd: KubeObject, spec: CrdSpec, ctx: ControllerContext): void {
    const now = ctx.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const status = (crd.status ?? {}) as { conditions?: Array<{ type: string; status: string }> };
    const established = (status.conditions ?? []).some((c) => c.type === 'Established' && c.status === 'True');
    if (established) return;
    const condition = (type: string, reason: string, message: string) => ({ type, status: 'True', lastTransitionTime: now, reason, message });
    const next = {
      ...crd,
      status: {
        conditions: [
          condition('NamesAccepted', 'NoConflicts', 'no conflicts found'),
          condition('Established', 'InitialNamesAccepted', 'the initial names have been accepted'),
        ],
        acceptedNames: { ...spec.names, listKind: spec.names.listKind ?? `${spec.names.kind}List`, singular: spec.names.singular ?? spec.names.kind.toLowerCase() },
        storedVersions: spec.versions.filter((v) => v.storage).map((v) => v.name),
      },
    };
    ctx.api.update(ctx.resource(this.primary.group, this.primary.plural), '', crd.metadata.name!, next, { fieldManager: 'apiextensions-apiserver' }, 'status');
  }

  private cleanUp(crd: KubeObject, spec: CrdSpec, ctx: ControllerContext): number | void {
    const t = ctx.registry.lookup(spec.group, spec.versions.find((v) => v.storage)?.name ?? spec.versions[0].name, spec.names.plural);
    if (t) {
      const remaining = ctx.store.list(resourceKey(t)).items;
      for (const s of remaining) {
        const o = JSON.parse(s.json) as KubeObject;
        if (!o.metadata.deletionTimestamp) ctx.api.delete(t, s.namespace, s.name, { propagationPolicy: 'Background' });
      }
      if (remaining.length) return 100;
    }
    const finalizers = (crd.metadata.finalizers ?? []).filter((f) => f !== CRD_CLEANUP_FINALIZER);
    ctx.api.update(ctx.resource(this.primary.group, this.primary.plural), '', crd.metadata.name!, { ...crd, metadata: { ...crd.metadata, finalizers } }, { fieldManager: 'apiextensions-apiserver' });
  }

  private stopServing(name: string, ctx: ControllerContext): void {
    const served = this.served.get(name);
    if (!served) return;
    ctx.registry.remove(served.group, served.plural);
    this.served.delete(name);
    this.served.delete(`${served.plural}.${served.group}`);
    this.schemas.unregister(served.crd);
  }
}

function resourceTypeFor(spec: CrdSpec, v: CrdSpec['versions'][number]): ResourceType {
  const subresources = [...(v.subresources?.status ? ['status'] : []), ...(v.subresources?.scale ? ['scale'] : [])];
  return {
    group: spec.group,
    version: v.name,
    kind: spec.names.kind,
    listKind: spec.names.listKind ?? `${spec.names.kind}List`,
    plural: spec.names.plural,
    singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
    namespaced: spec.scope === 'Namespaced',
    shortNames: spec.names.shortNames ?? [],
    categories: spec.names.categories ?? [],
    verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
    subresources,
    custom: true,
  };
}
