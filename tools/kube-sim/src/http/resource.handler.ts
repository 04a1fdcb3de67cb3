import { IncomingMessage, ServerResponse } from 'node:http';
import { VirtualCreates } from '../auth/auth';
import { errors } from '../api/status-error';
import { DeleteOptions, PATCH_CONTENT_TYPES, UserInfo, WriteOptions } from '../cluster/request-options';
import { ResourceApi } from '../cluster/resource-api';
import { ResourceRegistry } from '../registry/resource.registry';
import { KubeVersion } from '../registry/kube-versions';
import { apiVersionOf, ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';
import { parseFieldSelector } from '../store/field-selector';
import { parseLabelSelector, SelectorParseError } from '../store/label-selector';
import { ListOptions, StoredObject } from '../store/object.store';
import { CONNECT_SUBRESOURCES, refuseConnect } from './connect.handler';
import { servePodLog } from './pod-log.handler';
import { acceptAs, decodeBody, readBody, sendJson, sendRaw } from './http-io';
import { isTrue, RequestInfo } from './request-info';
import { toTable } from './table/to-table';
import { IncludeObject } from './table/table';
import { goJsonSyntaxError, summarizeBody } from './json-syntax';
import { WatchStreamer } from './watch.handler';

export interface ResourceHandlerDeps {
  registry: ResourceRegistry;
  api: ResourceApi;
  virtualCreates: VirtualCreates;
  watches: WatchStreamer;
  now: () => Date;
  /** The Kubernetes minor this server behaves as, where texts differ by version. */
  kubeVersion?: KubeVersion;
  /** The CRD that serves a custom resource, for printer columns. */
  crdFor(t: ResourceType): KubeObject | undefined;
}

interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  info: RequestInfo;
  query: URLSearchParams;
  user: UserInfo;
  t: ResourceType;
  /** Namespace for storage: empty for cluster-scoped kinds. */
  ns: string;
}

/** Serves the resource verbs of one cluster over HTTP: decode, delegate to ResourceApi, encode. */
export class ResourceHandler {
  constructor(private readonly d: ResourceHandlerDeps) {}

  resolve(info: RequestInfo): ResourceType | undefined {
    return this.d.registry.lookup(info.group, info.version, info.resource);
  }

  async handle(req: IncomingMessage, res: ServerResponse, info: RequestInfo, query: URLSearchParams, user: UserInfo): Promise<void> {
    const t = this.resolve(info);
    if (!t) throw errors.routeNotFound();
    if (t.namespaced === false && info.namespace && info.resource !== 'namespaces') throw errors.routeNotFound();
    const call: Call = { req, res, info, query, user, t, ns: t.namespaced ? info.namespace : '' };
    if (t.virtual || (info.verb === 'create' && info.subresource && this.virtualKey(call))) return this.virtual(call);
    if (!t.verbs.includes(info.verb)) throw errors.methodNotAllowed(`the server does not allow this method on the requested resource`);
    if (info.subresource && !t.subresources.includes(info.subresource)) throw errors.routeNotFound();
    if (t.group === '' && t.plural === 'pods' && info.subresource === 'log') {
      if (info.verb !== 'get') throw errors.methodNotAllowed('the server does not allow this method on the requested resource');
      return servePodLog(this.d.api, t, call.ns, info.name, query, req, res, { now: () => this.d.now().getTime(), namesInOneList: this.d.kubeVersion?.logContainerNamesInOneList ?? false });
    }
    if (CONNECT_SUBRESOURCES.has(`${t.plural}/${info.subresource}`)) refuseConnect(this.d.api, this.d.registry, t, call.ns, info.name, info.subresource, query);
    switch (info.verb) {
      case 'get':
        return this.respondObject(call, this.d.api.get(t, call.ns, info.name, info.subresource || undefined));
      case 'list':
        return this.list(call);
      case 'watch':
        return this.d.watches.stream(call.req, call.res, t, call.ns, this.listOptions(call), query, this.tableOptions(call));
      case 'create':
        return this.create(call);
      case 'update':
        return this.update(call);
      case 'patch':
        return this.patch(call);
      case 'delete':
        return this.delete(call);
      case 'deletecollection':
        return this.deleteCollection(call);
      default:
        throw errors.methodNotAllowed(`the server does not allow this method on the requested resource`);
    }
  }

  private virtualKey(call: Call): string | undefined {
    const key = call.info.subresource ? `${call.t.group}/${call.t.plural}/${call.info.subresource}` : `${call.t.group}/${call.t.plural}`;
    return this.d.virtualCreates[key] ? key : undefined;
  }

  private async virtual(call: Call): Promise<void> {
    const key = this.virtualKey(call);
    if (!key || call.info.verb !== 'create') throw errors.methodNotAllowed('the server does not allow this method on the requested resource');
    const body = await this.body(call);
    const out = await this.d.virtualCreates[key]({ t: call.t, namespace: call.info.namespace, name: call.info.name || undefined, body, user: call.user });
    sendJson(call.res, 201, out);
  }

  private list(call: Call): void {
    const opts = this.listOptions(call);
    const result = this.d.api.list(call.t, opts);
    const meta = {
      resourceVersion: String(result.resourceVersion),
      ...(result.continueToken ? { continue: result.continueToken } : {}),
      ...(result.remainingItemCount !== undefined ? { remainingItemCount: result.remainingItemCount } : {}),
    };
    const as = acceptAs(call.req.headers.accept);
    if (as === 'Table') {
      const objects = result.items.map((s) => this.versioned(call.t, s));
      return sendJson(call.res, 200, { ...toTable(call.t, objects, this.tableOptions(call)), metadata: meta });
    }
    if (as === 'PartialObjectMetadataList') {
      const items = result.items.map((s) => ({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: (JSON.parse(s.json) as KubeObject).metadata }));
      return sendJson(call.res, 200, { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: meta, items });
    }
    sendRaw(call.res, 200, listJson(call.t, result.items, meta));
  }

  private async create(call: Call): Promise<void> {
    const opts = this.writeOptions(call);
    const body = await this.body(call, opts);
    const created = this.d.api.create(call.t, call.ns, body, opts);
    this.respondObject(call, created, 201, opts.warnings);
  }

  private async update(call: Call): Promise<void> {
    const opts = this.writeOptions(call);
    const body = await this.body(call, opts);
    const updated = this.d.api.update(call.t, call.ns, call.info.name, body, opts, call.info.subresource || undefined);
    this.respondObject(call, updated, 200, opts.warnings);
  }

  private async patch(call: Call): Promise<void> {
    const contentType = (call.req.headers['content-type'] ?? '').split(';')[0].trim();
    const type = PATCH_CONTENT_TYPES[contentType];
    if (!type) throw errors.unsupportedMediaType(contentType);
    const raw = await readBody(call.req);
    const patch = decodeBody(raw, type === 'apply' ? 'yaml' : 'json');
    const opts = { ...this.writeOptions(call), force: isTrue(call.query.get('force')) };
    if (type !== 'apply' && opts.force) throw errors.badRequest('force is only allowed on apply patches');
    // An apply that creates its object answers 201 Created, as kube-apiserver's patch handler does (wasCreated).
    const creates = type === 'apply' && !call.info.subresource && !this.d.api.find(call.t, call.ns, call.info.name);
    const out = this.d.api.patch(call.t, call.ns, call.info.name, type, patch, opts, call.info.subresource || undefined);
    this.respondObject(call, out, creates ? 201 : 200, opts.warnings);
  }

  private async delete(call: Call): Promise<void> {
    const opts = await this.deleteOptions(call);
    const { object, gone } = this.d.api.delete(call.t, call.ns, call.info.name, opts);
    if (!gone) return this.respondObject(call, object, 200);
    sendJson(call.res, 200, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: call.info.name, group: call.t.group, kind: call.t.plural, uid: object.metadata.uid },
    });
  }

  private async deleteCollection(call: Call): Promise<void> {
    const opts = await this.deleteOptions(call);
    const deleted = this.d.api.deleteCollection(call.t, call.ns, this.listOptions(call), opts);
    sendJson(call.res, 200, { kind: call.t.listKind, apiVersion: apiVersionOf(call.t), metadata: {}, items: deleted });
  }

  private respondObject(call: Call, obj: KubeObject, code = 200, warnings: string[] = []): void {
    if (acceptAs(call.req.headers.accept) === 'Table' && !call.info.subresource) {
      return sendJson(call.res, code, { ...toTable(call.t, [obj], this.tableOptions(call)), metadata: {} }, warnings);
    }
    sendJson(call.res, code, obj, warnings);
  }

  private tableOptions(call: Call): { now: Date; includeObject: IncludeObject; crd?: KubeObject } {
    const include = (call.query.get('includeObject') as IncludeObject | null) ?? 'Metadata';
    return { now: this.d.now(), includeObject: include, crd: call.t.custom ? this.d.crdFor(call.t) : undefined };
  }

  private versioned(t: ResourceType, s: StoredObject): KubeObject {
    const obj = JSON.parse(s.json) as KubeObject;
    obj.apiVersion = apiVersionOf(t);
    return obj;
  }

  private async body(call: Call, opts?: WriteOptions): Promise<KubeObject> {
    const raw = await readBody(call.req);
    const contentType = call.req.headers['content-type'] ?? 'application/json';
    if (opts && contentType.startsWith('application/json')) {
      // A create or update body that is not JSON fails while reading its apiVersion and kind.
      const syntax = goJsonSyntaxError(raw.toString('utf8'));
      if (syntax) throw errors.badRequest(`the object provided is unrecognized (must be of type ${call.t.kind}): couldn't get version/kind; json parse error: ${syntax} (${summarizeBody(raw)})`);
    }
    const body = decodeBody(raw, contentType);
    // Decode errors quote the JSON as sent; YAML reaches the decoder re-marshalled (goJson).
    if (opts && contentType.startsWith('application/json')) opts.rawBody = raw.toString('utf8');
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the body of the request must be a JSON object');
    return body as KubeObject;
  }

  private writeOptions(call: Call): WriteOptions {
    const q = call.query;
    const dryRun = q.getAll('dryRun');
    if (dryRun.some((d) => d !== 'All')) throw errors.badRequest(`Invalid dryRun value: ${dryRun.join(',')}`);
    const validation = q.get('fieldValidation');
    if (validation && !['Strict', 'Warn', 'Ignore'].includes(validation)) {
      throw errors.badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${validation}"`);
    }
    return {
      dryRun: dryRun.length > 0,
      fieldManager: q.get('fieldManager') ?? managerFromUserAgent(call.req.headers['user-agent']),
      fieldValidation: (validation as WriteOptions['fieldValidation']) ?? undefined,
      user: call.user,
      warnings: [],
    };
  }

  private async deleteOptions(call: Call): Promise<DeleteOptions> {
    const raw = await readBody(call.req);
    // helm sends DeleteOptions as protobuf when it deletes its release Secrets.
    const body = (raw.length && raw.toString().trim() ? decodeBody(raw, call.req.headers['content-type'] ?? 'application/json') : {}) as Record<string, unknown>;
    const q = call.query;
    const orphan = (body.orphanDependents ?? (q.has('orphanDependents') ? isTrue(q.get('orphanDependents')) : undefined)) as boolean | undefined;
    const policy = (body.propagationPolicy ?? q.get('propagationPolicy') ?? (orphan ? 'Orphan' : undefined)) as DeleteOptions['propagationPolicy'];
    if (policy && !['Foreground', 'Background', 'Orphan'].includes(policy)) {
      throw errors.badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
    }
    const dryRun = ((body.dryRun as string[] | undefined) ?? q.getAll('dryRun')).length > 0;
    return { ...this.writeOptions(call), dryRun, propagationPolicy: policy, preconditions: body.preconditions as DeleteOptions['preconditions'] };
  }

  listOptions(call: Pick<Call, 'query' | 'ns'>): ListOptions {
    const q = call.query;
    try {
      return {
        namespace: call.ns || undefined,
        labels: parseLabelSelector(q.get('labelSelector') ?? undefined),
        fields: parseFieldSelector(q.get('fieldSelector') ?? undefined),
        limit: q.has('limit') ? Number(q.get('limit')) : undefined,
        continueToken: q.get('continue') ?? undefined,
      };
    } catch (e) {
      if (e instanceof SelectorParseError) throw errors.badRequest(e.message);
      throw e;
    }
  }
}

/** The default field manager: the user agent up to its first `/`, as kube-apiserver derives it. */
function managerFromUserAgent(ua: string | undefined): string {
  return (ua ?? 'unknown').split('/')[0].slice(0, 128) || 'unknown';
}

/** Builds a list body from stored JSON without re-encoding each item. */
function listJson(t: ResourceType, items: StoredObject[], meta: Record<string, unknown>): string {
  const apiVersion = apiVersionOf(t);
  const head = `{"kind":${JSON.stringify(t.listKind)},"apiVersion":${JSON.stringify(apiVersion)},"metadata":${JSON.stringify(meta)},"items":[`;
  const body = items.map((s) => withApiVersion(s.json, apiVersion)).join(',');
  return `${head}${body}]}`;
}

/** Stored JSON begins with its apiVersion; a group's other versions rewrite it in place. */
function withApiVersion(json: string, apiVersion: string): string {
  const prefix = `{"apiVersion":${JSON.stringify(apiVersion)},`;
  if (json.startsWith(prefix)) return json;
  const obj = JSON.parse(json) as KubeObject;
  return JSON.stringify({ ...obj, apiVersion });
}
