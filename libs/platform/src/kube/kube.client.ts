import * as http from 'node:http';
import * as https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { KubeObject } from '@flotilla/api-types';
import { KubeApiError, kubeApiErrorFrom } from './kube-api.error';
import type {
  ApiResource,
  Typed,
  DeleteOptions,
  ListOptions,
  ObjectList,
  ObjectRef,
  PatchOptions,
  PatchType,
  ServerVersion,
  WatchEvent,
  PodLogOptions,
  WatchHandle,
  WatchOptions,
  WriteOptions,
} from './kube.types';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
  apply: 'application/apply-patch+yaml',
};

const REQUEST_TIMEOUT_MS = 30_000;
/** A kind missing from discovery is looked up again at most this often (a CRD may just have been created). */
const DISCOVERY_RETRY_MS = 1_000;

interface RequestSpec {
  method: string;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  /** Words for errors: "get ConfigMap default/x". */
  what: string;
}

interface GroupVersionResources {
  fetchedAt: number;
  byKind: Map<string, ApiResource>;
}

/**
 * One Kubernetes API server, reached through a client-node KubeConfig for authentication (tokens,
 * client certificates, exec plugins) and plain node:http(s) for the calls themselves, so that errors,
 * watches, server-side apply and subresources are all under Flotilla's control.
 */
export class KubeClient {
  private agent?: http.Agent;
  private readonly discovery = new Map<string, Promise<GroupVersionResources>>();

  constructor(
    private readonly config: KubeConfig,
    /** A short label for errors and logs: the cluster's name. */
    readonly name = config.getCurrentCluster()?.name ?? 'cluster',
  ) {
    const current = config.getCurrentCluster();
    if (!current) throw new Error(`kubeconfig for ${name} has no current cluster`);
    // client-node refuses plain-HTTP servers unless TLS verification is "skipped"; there is no TLS to verify.
    if (current.server.startsWith('http:') && !current.skipTLSVerify) {
      config.loadFromOptions({
        clusters: config.clusters.map((c) => (c.name === current.name ? { ...c, skipTLSVerify: true } : c)),
        users: config.users,
        contexts: config.contexts,
        currentContext: config.currentContext,
      });
    }
  }

  /** The API server URL. */
  get server(): string {
    return this.config.getCurrentCluster()!.server.replace(/\/+$/, '');
  }

  async serverVersion(): Promise<ServerVersion> {
    return this.request<ServerVersion>({ method: 'GET', path: '/version', what: `get version of ${this.name}` });
  }

  // ---- discovery ----

  /** Every kind the server serves, all versions, without subresources. */
  async resources(): Promise<ApiResource[]> {
    const groupVersions = ['v1'];
    const groups = await this.request<{ groups: { name: string; versions: { groupVersion: string }[] }[] }>({
      method: 'GET',
      path: '/apis',
      what: `discover API groups of ${this.name}`,
    });
    for (const g of groups.groups ?? []) for (const v of g.versions ?? []) groupVersions.push(v.groupVersion);
    const all = await Promise.all(groupVersions.map((gv) => this.groupVersion(gv, true).catch(() => undefined)));
    return all.flatMap((r) => (r ? [...r.byKind.values()] : []));
  }

  /** The resource for a kind, or a 404 KubeApiError naming the kind when the server does not serve it. */
  async resourceFor(apiVersion: string, kind: string): Promise<ApiResource> {
    let found = (await this.groupVersion(apiVersion, false)).byKind.get(kind);
    if (!found) {
      const gv = await this.groupVersion(apiVersion, true);
      found = gv.byKind.get(kind);
    }
    if (!found) {
      throw new KubeApiError(404, 'NotFound', `${this.name}: the server does not serve kind ${kind} in ${apiVersion}`);
    }
    return found;
  }

  async isNamespaced(apiVersion: string, kind: string): Promise<boolean> {
    return (await this.resourceFor(apiVersion, kind)).namespaced;
  }

  /** Forgets discovery, e.g. after CRDs changed. */
  invalidateDiscovery(): void {
    this.discovery.clear();
  }

  private groupVersion(apiVersion: string, refresh: boolean): Promise<GroupVersionResources> {
    const cached = this.discovery.get(apiVersion);
    if (cached && !refresh) return cached;
    if (cached && refresh) {
      const stale = cached.then(
        (c) => Date.now() - c.fetchedAt >= DISCOVERY_RETRY_MS,
        () => true,
      );
      const next = stale.then((isStale) => (isStale ? this.fetchGroupVersion(apiVersion) : cached));
      this.discovery.set(apiVersion, next);
      return next;
    }
    const next = this.fetchGroupVersion(apiVersion);
    this.discovery.set(apiVersion, next);
    return next;
  }

  private async fetchGroupVersion(apiVersion: string): Promise<GroupVersionResources> {
    const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    const byKind = new Map<string, ApiResource>();
    try {
      const list = await this.request<{ resources?: { name: string; kind: string; namespaced: boolean; verbs?: string[] }[] }>({
        method: 'GET',
        path,
        what: `discover ${apiVersion} on ${this.name}`,
      });
      for (const r of list.resources ?? []) {
        if (r.name.includes('/')) continue;
        byKind.set(r.kind, { group, version, apiVersion, kind: r.kind, name: r.name, namespaced: r.namespaced, verbs: r.verbs ?? [] });
      }
    } catch (err) {
      if (!(err instanceof KubeApiError && err.code === 404)) {
        this.discovery.delete(apiVersion);
        throw err;
      }
    }
    return { fetchedAt: Date.now(), byKind };
  }

  // ---- objects ----

  async get<T extends Typed = KubeObject>(ref: ObjectRef): Promise<T> {
    const { apiVersion, kind } = typeOf(ref);
    const path = await this.objectPath(ref);
    const obj = await this.request<T>({ method: 'GET', path, what: `get ${describe(ref)}` });
    return withType(obj, apiVersion, kind);
  }

  async list<T extends Typed = KubeObject>(apiVersion: string, kind: string, opts: ListOptions = {}): Promise<ObjectList<T>> {
    const path = await this.collectionPath(apiVersion, kind, opts.namespace);
    const list = await this.request<ObjectList<T>>({
      method: 'GET',
      path,
      query: {
        labelSelector: opts.labelSelector,
        fieldSelector: opts.fieldSelector,
        limit: opts.limit,
        continue: opts.continue,
        resourceVersion: opts.resourceVersion,
      },
      what: `list ${kind}${opts.namespace ? ` in ${opts.namespace}` : ''}`,
    });
    return { items: (list.items ?? []).map((o) => withType(o, apiVersion, kind)), metadata: list.metadata ?? {} };
  }

  /** Lists every page of a collection. */
  async listAll<T extends Typed = KubeObject>(
    apiVersion: string,
    kind: string,
    opts: Omit<ListOptions, 'continue'> = {},
  ): Promise<ObjectList<T>> {
    const items: T[] = [];
    let page = await this.list<T>(apiVersion, kind, { ...opts, limit: opts.limit ?? 500 });
    items.push(...page.items);
    while (page.metadata.continue) {
      page = await this.list<T>(apiVersion, kind, { ...opts, limit: opts.limit ?? 500, continue: page.metadata.continue });
      items.push(...page.items);
    }
    return { items, metadata: { resourceVersion: page.metadata.resourceVersion } };
  }

  async create<T extends Typed = KubeObject>(obj: T, opts: WriteOptions = {}): Promise<T> {
    const { apiVersion, kind } = typeOf(obj);
    const path = await this.collectionPath(apiVersion, kind, obj.metadata?.namespace);
    const created = await this.request<T>({ method: 'POST', path, query: writeQuery(opts), body: obj, what: `create ${describe(obj)}` });
    return withType(created, apiVersion, kind);
  }

  async replace<T extends Typed = KubeObject>(obj: T, opts: WriteOptions & { subresource?: string } = {}): Promise<T> {
    const { apiVersion, kind } = typeOf(obj);
    const path = await this.objectPath(obj, opts.subresource);
    const replaced = await this.request<T>({ method: 'PUT', path, query: writeQuery(opts), body: obj, what: `replace ${describe(obj)}` });
    return withType(replaced, apiVersion, kind);
  }

  async patch<T extends Typed = KubeObject>(
    ref: ObjectRef,
    patch: unknown,
    type: PatchType = 'merge',
    opts: PatchOptions = {},
  ): Promise<T> {
    const { apiVersion, kind } = typeOf(ref);
    if (type === 'apply' && !opts.fieldManager) throw new Error(`server-side apply of ${describe(ref)} needs a fieldManager`);
    const path = await this.objectPath(ref, opts.subresource);
    const patched = await this.request<T>({
      method: 'PATCH',
      path,
      query: { ...writeQuery(opts), force: type === 'apply' && opts.force ? true : undefined },
      body: patch,
      contentType: PATCH_CONTENT_TYPES[type],
      what: `patch ${describe(ref)}${opts.subresource ? `/${opts.subresource}` : ''}`,
    });
    return withType(patched, apiVersion, kind);
  }

  /** Server-side apply of a whole object under a field manager. */
  async apply<T extends Typed = KubeObject>(obj: T, opts: PatchOptions & { fieldManager: string }): Promise<T> {
    return this.patch<T>(obj, obj, 'apply', opts);
  }

  /** Deletes an object; resolves with what the server returned (the object, or a Status). */
  async delete(ref: ObjectRef, opts: DeleteOptions = {}): Promise<unknown> {
    const path = await this.objectPath(ref);
    const body =
      opts.propagationPolicy || opts.gracePeriodSeconds !== undefined
        ? {
            apiVersion: 'v1',
            kind: 'DeleteOptions',
            propagationPolicy: opts.propagationPolicy,
            gracePeriodSeconds: opts.gracePeriodSeconds,
          }
        : undefined;
    return this.request({
      method: 'DELETE',
      path,
      query: { dryRun: opts.dryRun ? 'All' : undefined },
      body,
      what: `delete ${describe(ref)}`,
    });
  }

  /**
   * Watches a collection from a resourceVersion. Events arrive in order on `onEvent`; an ERROR event
   * (such as 410 Expired) ends the watch with a KubeApiError so the caller can relist.
   */
  async watch<T extends Typed = KubeObject>(
    apiVersion: string,
    kind: string,
    opts: WatchOptions,
    onEvent: (event: WatchEvent<T>) => void,
  ): Promise<WatchHandle> {
    const path = await this.collectionPath(apiVersion, kind, opts.namespace);
    const query = {
      watch: true,
      allowWatchBookmarks: true,
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
      resourceVersion: opts.resourceVersion,
      timeoutSeconds: opts.timeoutSeconds,
    };
    const what = `watch ${kind}${opts.namespace ? ` in ${opts.namespace}` : ''} on ${this.name}`;
    const req = await this.open({ method: 'GET', path, query, what }, 0);
    let stopped = false;
    let settle!: { resolve: () => void; reject: (err: Error) => void };
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    done.catch(() => undefined);

    req.on('response', (res) => {
      if ((res.statusCode ?? 0) >= 300) {
        readBody(res).then(
          (body) => settle.reject(kubeApiErrorFrom(res.statusCode ?? 0, body, what)),
          (err: Error) => settle.reject(transportError(err, what)),
        );
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let nl = buffer.indexOf('\n');
        while (nl >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          nl = buffer.indexOf('\n');
          if (!line || stopped) continue;
          let event: WatchEvent<T>;
          try {
            event = JSON.parse(line) as WatchEvent<T>;
          } catch {
            stopped = true;
            req.destroy();
            settle.reject(new KubeApiError(0, 'BadResponse', `${what}: the server sent a line that is not JSON`));
            return;
          }
          if (event.type === 'ERROR') {
            const status = event.object as unknown as { code?: number; reason?: string; message?: string };
            stopped = true;
            req.destroy();
            settle.reject(
              new KubeApiError(status.code ?? 500, status.reason ?? 'InternalError', `${what}: ${status.message ?? 'watch error'}`),
            );
            return;
          }
          onEvent({ type: event.type, object: event.type === 'BOOKMARK' ? event.object : withType(event.object, apiVersion, kind) });
        }
      });
      res.on('end', () => settle.resolve());
      res.on('error', (err) => (stopped ? settle.resolve() : settle.reject(transportError(err, what))));
      res.on('close', () => settle.resolve());
    });
    req.on('error', (err) => (stopped ? settle.resolve() : settle.reject(transportError(err, what))));
    req.end();
    return {
      done,
      stop: () => {
        stopped = true;
        req.destroy();
        settle.resolve();
      },
    };
  }

  // ---- paths ----

  /**
   * Reads a pod's log (GET pods/{name}/log) line by line as the server writes it: with `follow`, until
   * the container stops or `stop()` is called. A refusal (404, 400 for a bad container) rejects the call.
   */
  async podLogs(namespace: string, name: string, opts: PodLogOptions, onLine: (line: string) => void): Promise<WatchHandle> {
    const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/log`;
    const what = `logs of pod ${namespace}/${name} on ${this.name}`;
    const req = await this.open({ method: 'GET', path, query: { ...opts }, what }, 0);
    let stopped = false;
    let settle!: { resolve: () => void; reject: (err: Error) => void };
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    done.catch(() => undefined);
    const opened = new Promise<void>((resolve, reject) => {
      req.on('response', (res) => {
        if ((res.statusCode ?? 0) >= 300) {
          readBody(res).then(
            (body) => reject(kubeApiErrorFrom(res.statusCode ?? 0, body, what)),
            (err: Error) => reject(transportError(err, what)),
          );
          return;
        }
        resolve();
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let nl = buffer.indexOf('\n');
          while (nl >= 0 && !stopped) {
            onLine(buffer.slice(0, nl));
            buffer = buffer.slice(nl + 1);
            nl = buffer.indexOf('\n');
          }
        });
        const end = (): void => {
          if (buffer && !stopped) onLine(buffer);
          buffer = '';
          settle.resolve();
        };
        res.on('end', end);
        res.on('error', (err) => (stopped ? settle.resolve() : settle.reject(transportError(err, what))));
        res.on('close', end);
      });
      req.on('error', (err) => {
        reject(transportError(err, what));
        if (stopped) settle.resolve();
        else settle.reject(transportError(err, what));
      });
    });
    req.end();
    const handle: WatchHandle = {
      done,
      stop: () => {
        stopped = true;
        req.destroy();
        settle.resolve();
      },
    };
    try {
      await opened;
    } catch (err) {
      handle.stop();
      throw err;
    }
    return handle;
  }

  private async collectionPath(apiVersion: string, kind: string, namespace: string | undefined): Promise<string> {
    const resource = await this.resourceFor(apiVersion, kind);
    const base = resource.group ? `/apis/${resource.group}/${resource.version}` : `/api/${resource.version}`;
    if (resource.namespaced && namespace) return `${base}/namespaces/${encodeURIComponent(namespace)}/${resource.name}`;
    return `${base}/${resource.name}`;
  }

  private async objectPath(ref: ObjectRef, subresource?: string): Promise<string> {
    const { apiVersion, kind } = typeOf(ref);
    const name = ref.metadata?.name;
    if (!name) throw new Error(`${kind} without metadata.name`);
    const resource = await this.resourceFor(apiVersion, kind);
    const namespace = ref.metadata?.namespace;
    if (resource.namespaced && !namespace)
      throw new KubeApiError(400, 'BadRequest', `${kind} ${name} is namespaced but no namespace was given`);
    const base = resource.group ? `/apis/${resource.group}/${resource.version}` : `/api/${resource.version}`;
    const ns = resource.namespaced ? `/namespaces/${encodeURIComponent(namespace!)}` : '';
    return `${base}${ns}/${resource.name}/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ''}`;
  }

  // ---- transport ----

  /** One JSON request; API errors become KubeApiError with the server's reason. */
  async request<T>(spec: RequestSpec, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
    // A CLIENT span per API call, under whatever span is active (a queue job's, a gRPC call's):
    // method, path without the query string (no selectors or tokens), cluster and status.
    const attributes = { 'http.request.method': spec.method, 'url.path': spec.path, 'server.address': this.name };
    return kubeTracer().startActiveSpan(`kube ${spec.method}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      try {
        return await this.send<T>(spec, timeoutMs, (code) => span.setAttribute('http.response.status_code', code));
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'number' ? `HTTP ${code}` : (err as Error).message });
        throw err;
      } finally {
        span.end();
      }
    });
  }

  private async send<T>(spec: RequestSpec, timeoutMs: number, onStatus: (code: number) => void): Promise<T> {
    const req = await this.open(spec, timeoutMs);
    return new Promise<T>((resolve, reject) => {
      req.on('response', (res) => {
        onStatus(res.statusCode ?? 0);
        readBody(res).then(
          (body) => {
            const code = res.statusCode ?? 0;
            if (code >= 300) return reject(kubeApiErrorFrom(code, body, spec.what));
            if (!body) return resolve(undefined as T);
            try {
              resolve(JSON.parse(body) as T);
            } catch {
              reject(new KubeApiError(code, 'BadResponse', `${spec.what}: the server answered with something that is not JSON`));
            }
          },
          (err: Error) => reject(transportError(err, spec.what)),
        );
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', (err) => reject(transportError(err, spec.what)));
      const payload = bodyOf(spec);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  private async open(spec: RequestSpec, timeoutMs: number): Promise<http.ClientRequest> {
    const url = new URL(this.server + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    const auth: https.RequestOptions = { headers: {} };
    try {
      await this.config.applyToHTTPSOptions(auth);
    } catch (err) {
      throw new KubeApiError(401, 'Unauthorized', `${spec.what}: could not get credentials for ${this.name}: ${(err as Error).message}`);
    }
    const headers: http.OutgoingHttpHeaders = { Accept: 'application/json', ...(auth.headers as http.OutgoingHttpHeaders) };
    const payload = bodyOf(spec);
    if (payload !== undefined) {
      // An explicit length: a chunked DELETE body is dropped or refused by some API servers.
      headers['Content-Type'] = spec.contentType ?? 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    }
    const options: https.RequestOptions = {
      method: spec.method,
      headers,
      auth: auth.auth,
      agent: this.agentFor(url, auth),
      timeout: timeoutMs || undefined,
    };
    return (url.protocol === 'https:' ? https : http).request(url, options);
  }

  private agentFor(url: URL, tls: https.RequestOptions): http.Agent {
    if (!this.agent) {
      this.agent =
        url.protocol === 'https:'
          ? new https.Agent({
              keepAlive: true,
              maxSockets: 32,
              ca: tls.ca,
              cert: tls.cert,
              key: tls.key,
              rejectUnauthorized: tls.rejectUnauthorized,
              servername: tls.servername,
            })
          : new http.Agent({ keepAlive: true, maxSockets: 32 });
    }
    return this.agent;
  }

  /** Closes idle connections; call when the client is no longer needed. */
  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }
}

const kubeTracer = () => trace.getTracer('flotilla-kube');

function bodyOf(spec: RequestSpec): string | undefined {
  if (spec.body === undefined) return undefined;
  return typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body);
}

function typeOf(ref: ObjectRef): { apiVersion: string; kind: string } {
  if (!ref.apiVersion || !ref.kind) throw new Error(`object ${ref.metadata?.name ?? '(unnamed)'} has no apiVersion or kind`);
  return { apiVersion: ref.apiVersion, kind: ref.kind };
}

function describe(ref: ObjectRef): string {
  const ns = ref.metadata?.namespace;
  return `${ref.kind ?? 'object'} ${ns ? `${ns}/` : ''}${ref.metadata?.name ?? ''}`.trim();
}

/** List items and watch objects come without apiVersion/kind; callers always get them. */
function withType<T extends Typed>(obj: T, apiVersion: string, kind: string): T {
  if (obj && typeof obj === 'object' && (!obj.apiVersion || !obj.kind))
    return { ...obj, apiVersion: obj.apiVersion || apiVersion, kind: obj.kind || kind };
  return obj;
}

function writeQuery(opts: WriteOptions): Record<string, string | undefined> {
  return { dryRun: opts.dryRun ? 'All' : undefined, fieldManager: opts.fieldManager, fieldValidation: opts.fieldValidation };
}

function readBody(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });
}

function transportError(err: Error & { code?: string }, what: string): KubeApiError {
  return new KubeApiError(0, err.code ?? 'Unreachable', `${what}: ${err.message}`);
}
