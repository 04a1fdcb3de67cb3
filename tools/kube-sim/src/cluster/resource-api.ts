import { AdmissionContext, AdmissionTable, admissionKey } from '../admission/admission';
import { validateObjectMeta } from '../admission/object-meta.validation';
import { errors, StatusCause, StatusError } from '../api/status-error';
import { applyJsonMergePatch } from '../patch/json-merge-patch';
import { applyJsonPatch } from '../patch/json-patch';
import { apiVersionOf, qualifiedResource, resourceKey, ResourceType } from '../registry/resource-type';
import { applyStructuralDefaults } from '../schema/structural-defaults';
import { clone, KubeObject } from '../store/kube-object';
import { ListOptions, ListResult, ObjectStore } from '../store/object.store';
import { Deletion } from './deletion';
import { FieldTracking } from './field-tracking';
import { nextGeneration, stampGeneration } from './generation';
import { generatedName, keepServerMetadata, sameObject, stampCreate } from './object-meta';
import { DeleteOptions, PatchType, WriteOptions } from './request-options';
import { SchemaChecks } from './schema-checks';
import { fromScale, toScale } from './scale-subresource';


export interface ResourceApiDeps {
  store: ObjectStore;
  admission: AdmissionTable;
  admissionContext: () => AdmissionContext;
  fields: FieldTracking;
  schema: SchemaChecks;
  now: () => Date;
}

export interface PatchOptions extends WriteOptions {
  force?: boolean;
}

const NAMESPACES = { group: '', plural: 'namespaces' };

/**
 * The verbs of one simulated cluster with kube-apiserver's semantics: admission, optimistic
 * concurrency, generation, status and scale subresources, managedFields, finalizers.
 * The HTTP edge and the in-process controllers both go through it.
 */
export class ResourceApi {
  readonly deletion: Deletion;

  constructor(private readonly d: ResourceApiDeps) {
    this.deletion = new Deletion(d.store, d.now, (t, ns, name, obj) => this.finishUpdate(t, ns, name, obj));
  }

  get(t: ResourceType, ns: string, name: string, subresource?: string): KubeObject {
    const obj = this.d.store.getObject(resourceKey(t), ns, name);
    if (!obj) throw errors.notFound(t, name);
    if (subresource === 'scale') return toScale(t, obj);
    this.defaults(t, obj);
    return asVersion(obj, t);
  }

  find(t: ResourceType, ns: string, name: string): KubeObject | undefined {
    return this.d.store.getObject(resourceKey(t), ns, name);
  }

  list(t: ResourceType, opts: ListOptions): ListResult {
    return this.d.store.list(resourceKey(t), opts);
  }

  create(t: ResourceType, ns: string, body: KubeObject, opts: WriteOptions = {}): KubeObject {
    this.d.schema.decodable(t, body, opts);
    const obj = this.decode(t, ns, body);
    // NamespaceLifecycle admission runs before the name is generated, so it names generateName.
    const admittedName = obj.metadata.name || obj.metadata.generateName;
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = generatedName(obj.metadata.generateName);
    if (obj.metadata.resourceVersion) throw errors.badRequest('resourceVersion should not be set on objects to be created');
    this.checkNamespaceOpen(t, ns, admittedName);
    stampCreate(obj, this.d.now());
    stampGeneration(t, obj);
    if (t.subresources.includes('status') && t.kind !== 'Namespace') delete obj.status;
    this.defaults(t, obj);
    this.d.schema.check(t, obj, opts);
    this.admit(t, obj, undefined);
    if (this.d.store.get(resourceKey(t), ns, obj.metadata.name!)) throw errors.alreadyExists(t, obj.metadata.name!);
    this.d.fields.update(t, undefined, obj, opts.fieldManager ?? 'unknown');
    if (opts.dryRun) return obj;
    return asVersion(JSON.parse(this.d.store.put(resourceKey(t), obj).json) as KubeObject, t);
  }

  update(t: ResourceType, ns: string, name: string, body: KubeObject, opts: WriteOptions = {}, subresource?: string): KubeObject {
    const old = this.find(t, ns, name);
    if (!old) throw errors.notFound(t, name);
    if (subresource === 'scale') return toScale(t, this.write(t, ns, old, fromScale(t, old, body), opts, 'scale'));
    this.d.schema.decodable(t, body, opts);
    const incoming = this.decode(t, ns, body);
    if (incoming.metadata.name !== name) {
      throw errors.badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`);
    }
    const rv = incoming.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw errors.conflict(t, name);
    const next = this.mergeSubresource(t, old, incoming, subresource);
    this.defaults(t, next);
    this.d.schema.check(t, next, opts);
    return this.write(t, ns, old, next, opts, subresource);
  }

  patch(t: ResourceType, ns: string, name: string, type: PatchType, patch: unknown, opts: PatchOptions = {}, subresource?: string): KubeObject {
    const old = this.find(t, ns, name);
    if (type === 'apply') return this.apply(t, ns, name, old, patch as KubeObject, opts, subresource);
    if (!old) throw errors.notFound(t, name);
    if (subresource === 'scale') {
      const scale = this.patchDocument(t, toScale(t, old), type, patch);
      return toScale(t, this.write(t, ns, old, fromScale(t, old, scale), opts, 'scale'));
    }
    const current = asVersion(clone(old), t);
    const patched = this.patchDocument(t, current, type, patch);
    if (!patched || typeof patched !== 'object' || typeof patched.metadata !== 'object') {
      throw errors.badRequest('the patch produced an object without metadata');
    }
    const rv = patched.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw errors.conflict(t, name);
    patched.metadata.name = name;
    const next = this.mergeSubresource(t, old, this.decode(t, ns, patched), subresource);
    this.defaults(t, next);
    this.d.schema.check(t, next, opts);
    return this.write(t, ns, old, next, opts, subresource);
  }

  delete(t: ResourceType, ns: string, name: string, opts: DeleteOptions = {}): { object: KubeObject; gone: boolean } {
    const old = this.find(t, ns, name);
    if (!old) throw errors.notFound(t, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      throw errors.conflict(t, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw errors.conflict(t, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
    }
    const result = this.deletion.delete(t, old, opts);
    return { object: asVersion(result.object, t), gone: result.gone };
  }

  deleteCollection(t: ResourceType, ns: string, listOpts: ListOptions, opts: DeleteOptions = {}): KubeObject[] {
    const items = this.d.store.list(resourceKey(t), { ...listOpts, namespace: ns || undefined }).items;
    return items.map((s) => this.delete(t, s.namespace, s.name, opts).object);
  }

  /** Writes an object unconditionally from inside the simulator (controllers, finalizers). */
  private finishUpdate(t: ResourceType, ns: string, name: string, next: KubeObject): KubeObject {
    const old = this.find(t, ns, name);
    if (!old) throw errors.notFound(t, name);
    return this.write(t, ns, old, next, { fieldManager: 'kube-controller-manager' });
  }

  private apply(t: ResourceType, ns: string, name: string, old: KubeObject | undefined, body: KubeObject, opts: PatchOptions, subresource?: string): KubeObject {
    if (!opts.fieldManager) throw errors.badRequest('PatchOptions.fieldManager is required for apply requests');
    if (!body || typeof body !== 'object' || !body.metadata) throw errors.badRequest('invalid object: metadata is required');
    const applied = this.decode(t, ns, { ...body, metadata: { ...body.metadata, name: body.metadata.name ?? name } });
    if (applied.metadata.name !== name) {
      throw errors.badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`);
    }
    this.d.schema.check(t, applied, opts);
    if (!old) {
      const created = this.d.fields.apply(t, undefined, applied, opts.fieldManager, !!opts.force, subresource);
      const withManaged = { ...created, metadata: { ...created.metadata } };
      this.defaults(t, withManaged);
      return this.createApplied(t, ns, withManaged, opts);
    }
    const merged = this.d.fields.apply(t, asVersion(clone(old), t), applied, opts.fieldManager, !!opts.force, subresource);
    this.defaults(t, merged);
    return this.write(t, ns, old, this.mergeSubresource(t, old, merged, subresource), { ...opts, applied: true }, subresource);
  }

  private createApplied(t: ResourceType, ns: string, obj: KubeObject, opts: WriteOptions): KubeObject {
    const managed = obj.metadata.managedFields;
    this.checkNamespaceOpen(t, ns, obj.metadata.name);
    stampCreate(obj, this.d.now());
    stampGeneration(t, obj);
    if (t.subresources.includes('status') && t.kind !== 'Namespace') delete obj.status;
    this.admit(t, obj, undefined);
    obj.metadata.managedFields = managed;
    if (opts.dryRun) return obj;
    return asVersion(JSON.parse(this.d.store.put(resourceKey(t), obj).json) as KubeObject, t);
  }

  private write(t: ResourceType, ns: string, old: KubeObject, next: KubeObject, opts: WriteOptions & { applied?: boolean }, subresource?: string): KubeObject {
    keepServerMetadata(next, old);
    this.admit(t, next, old);
    if (!opts.applied) this.d.fields.update(t, old, next, opts.fieldManager ?? 'unknown', subresource);
    const generation = nextGeneration(t, old, next, subresource);
    if (generation === undefined) delete next.metadata.generation;
    else next.metadata.generation = generation;
    if (sameObject(old, next)) return asVersion(old, t);
    if (opts.dryRun) return asVersion(next, t);
    if (next.metadata.deletionTimestamp && !(next.metadata.finalizers ?? []).length && this.deletion.readyToRemove(t, next)) {
      return asVersion(this.deletion.remove(t, next), t);
    }
    return asVersion(JSON.parse(this.d.store.put(resourceKey(t), next).json) as KubeObject, t);
  }

  /** With a status subresource, the main resource ignores status and `/status` ignores the rest. */
  private mergeSubresource(t: ResourceType, old: KubeObject, next: KubeObject, subresource?: string): KubeObject {
    if (t.kind === 'Namespace' && !t.custom) return mergeNamespace(old, next, subresource);
    if (!t.subresources.includes('status')) return next;
    if (subresource === 'status') {
      const out = clone(old);
      if (next.status === undefined) delete out.status;
      else out.status = next.status;
      // Built-in status strategies reset the spec, not annotations (the deployment controller
      // writes its revision this way); a custom resource's /status takes status alone.
      if (!t.custom) keepAnnotations(out, next);
      return out;
    }
    const out = { ...next };
    if (old.status === undefined) delete out.status;
    else out.status = old.status;
    return out;
  }

  private patchDocument(t: ResourceType, doc: KubeObject, type: PatchType, patch: unknown): KubeObject {
    switch (type) {
      case 'json':
        return applyJsonPatch<KubeObject>(doc, patch);
      case 'merge':
        return applyJsonMergePatch(doc, patch) as KubeObject;
      case 'strategic':
        if (t.custom) throw errors.unsupportedMediaType('application/strategic-merge-patch+json');
        return this.d.schema.strategicMerge(t, doc, patch);
      default:
        throw errors.unsupportedMediaType(type);
    }
  }

  private decode(t: ResourceType, ns: string, body: KubeObject): KubeObject {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the body of the request is not a JSON object');
    const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = body;
    const obj: KubeObject = { apiVersion: body.apiVersion, kind: body.kind, metadata: clone(body.metadata), ...clone(rest) };
    const expected = apiVersionOf(t);
    if (obj.apiVersion && obj.apiVersion !== expected && !this.sameGroup(t, obj.apiVersion)) {
      throw errors.badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${expected})`);
    }
    if (obj.kind && obj.kind !== t.kind) {
      throw errors.badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${t.kind})`);
    }
    obj.apiVersion = expected;
    obj.kind = t.kind;
    obj.metadata = obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {};
    if (t.namespaced) {
      if (obj.metadata.namespace && obj.metadata.namespace !== ns) {
        throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      obj.metadata.namespace = ns;
    } else delete obj.metadata.namespace;
    return obj;
  }

  private sameGroup(t: ResourceType, apiVersion: string): boolean {
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    return group === t.group;
  }

  /** NamespaceLifecycle admission (plugin/pkg/admission/namespace/lifecycle), answering as admission.NewForbidden does. */
  private checkNamespaceOpen(t: ResourceType, ns: string, name: string | undefined): void {
    if (!t.namespaced) return;
    const namespace = this.d.store.getObject(resourceKey(NAMESPACES), '', ns);
    if (!namespace) {
      throw new StatusError(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' });
    }
    if (namespace.metadata.deletionTimestamp) {
      const named = name || 'Unknown';
      throw new StatusError(403, 'Forbidden', `${qualifiedResource(t)} "${named}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`, {
        name: named,
        group: t.group,
        kind: t.plural,
        causes: [{ reason: 'NamespaceTerminating', message: `namespace ${ns} is being terminated`, field: 'metadata.namespace' }],
      });
    }
  }

  /** A CRD's structural defaults, on every request and on reads from storage (separate from validation). */
  private defaults(t: ResourceType, obj: KubeObject): void {
    if (t.custom) applyStructuralDefaults(this.d.schema.schemaOf(t), obj);
  }

  private admit(t: ResourceType, obj: KubeObject, old: KubeObject | undefined): void {
    const kind = this.d.admission[admissionKey(t)];
    kind?.defaults?.(obj, this.d.admissionContext(), old);
    const causes: StatusCause[] = [...validateObjectMeta(t, obj), ...(kind?.validate?.(obj, old) ?? [])];
    if (causes.length) throw errors.invalid(t, obj.metadata.name ?? '', causes);
  }
}

/** Namespace spec.finalizers change only through `/finalize`, status only through `/status`. */
function mergeNamespace(old: KubeObject, next: KubeObject, subresource?: string): KubeObject {
  if (subresource === 'finalize') return { ...clone(old), spec: next.spec };
  if (subresource === 'status') return { ...clone(old), status: next.status };
  return { ...next, spec: old.spec, status: old.status };
}

function keepAnnotations(out: KubeObject, next: KubeObject): void {
  if (next.metadata.annotations === undefined) delete out.metadata.annotations;
  else out.metadata.annotations = next.metadata.annotations;
}

/** Objects of a group are stored once; each version is served with its own apiVersion. */
function asVersion(obj: KubeObject, t: ResourceType): KubeObject {
  obj.apiVersion = apiVersionOf(t);
  return obj;
}
