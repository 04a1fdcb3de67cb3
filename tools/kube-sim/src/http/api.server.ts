import { IncomingMessage, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import { Authenticator, Authorizer, Credentials, RequestAttributes } from '../auth/auth';
import { errors, StatusError } from '../api/status-error';
import { impersonatedUser } from '../auth/impersonation';
import { UserInfo } from '../cluster/request-options';
import { FaultSettings } from '../faults/faults';
import { ResourceRegistry } from '../registry/resource.registry';
import { OpenApiEndpoints } from './openapi.endpoints';
import { apiGroupList, apiGroupOf, apiResourceList, apiVersions, versionInfo } from './discovery';
import { sendError, sendJson } from './http-io';
import { parseRequestInfo, RequestInfo } from './request-info';
import { ResourceHandler } from './resource.handler';

export interface ApiServerDeps {
  registry: ResourceRegistry;
  resources: ResourceHandler;
  openapi: OpenApiEndpoints;
  authenticator: Authenticator;
  authorizer: Authorizer;
  forbiddenMessage(user: UserInfo, attrs: RequestAttributes): string;
  faults(): Readonly<FaultSettings>;
  serverAddress(): string;
}

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

/** The request pipeline of one simulated kube-apiserver: faults, authn, authz, routing. */
export class ApiServer {
  constructor(private readonly d: ApiServerDeps) {}

  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    void this.serve(req, res);
  };

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const faults = this.d.faults();
      if (faults.hang) return;
      if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
      if (faults.errorRate > 0 && Math.random() < faults.errorRate) throw injected(faults.errorCode);
      const url = new URL(req.url ?? '/', 'http://kube-sim');
      const info = parseRequestInfo(req.method ?? 'GET', url.pathname, url.searchParams);
      const requestor = this.d.authenticator.authenticate(credentials(req));
      if (!requestor) throw errors.unauthorized();
      const user = impersonatedUser(requestor, req.headers, req.headersDistinct as Record<string, string[]>, this.d.authorizer);
      const attrs = attributes(info);
      const decision = this.d.authorizer.authorize(user, attrs);
      if (!decision.allowed) throw forbidden(this.d, user, attrs, info);
      if (info.resourceRequest && !this.d.registry.lookup(info.group, info.version, info.resource) && !this.servesBuiltin(info.group)) return notFoundText(res);
      if (info.resourceRequest) return await this.d.resources.handle(req, res, info, url.searchParams, user);
      this.nonResource(req, res, info, url.pathname);
    } catch (e) {
      sendError(res, e);
    }
  }

  private nonResource(req: IncomingMessage, res: ServerResponse, info: RequestInfo, path: string): void {
    if (HEALTH.has(path) || path.startsWith('/healthz/') || path.startsWith('/readyz/') || path.startsWith('/livez/')) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('ok');
      return;
    }
    if (path === '/version' || path === '/version/') return sendJson(res, 200, versionInfo(this.d.registry.kubeVersion));
    if (path.startsWith('/openapi/')) return this.d.openapi.serve(req, res, path);
    const parts = info.parts;
    const { registry } = this.d;
    let body: object | undefined;
    if (parts[0] === 'api' && parts.length === 1) body = apiVersions(this.d.serverAddress());
    else if (parts[0] === 'api' && parts.length === 2) body = apiResourceList(registry, '', parts[1]);
    else if (parts[0] === 'apis' && parts.length === 1) body = apiGroupList(registry);
    else if (parts[0] === 'apis' && parts.length === 2) body = apiGroupOf(registry, parts[1]);
    else if (parts[0] === 'apis' && parts.length === 3) body = apiResourceList(registry, parts[1], parts[2]);
    if (!body && (parts[0] !== 'apis' || !this.servesBuiltin(parts[1] ?? '')) && parts[0] !== 'api') return notFoundText(res);
    if (!body) throw errors.routeNotFound();
    sendJson(res, 200, body);
  }

  /** Built-in groups are go-restful web services, whose misses are a Status; CRD and unknown groups fall through to a plain 404. */
  private servesBuiltin(group: string): boolean {
    return this.d.registry.all().some((t) => t.group === group && !t.custom);
  }
}

function credentials(req: IncomingMessage): Credentials {
  const auth = req.headers.authorization ?? '';
  const creds: Credentials = {};
  if (/^bearer /i.test(auth)) creds.bearerToken = auth.slice(7).trim();
  else if (/^basic /i.test(auth)) {
    const [username, ...rest] = Buffer.from(auth.slice(6).trim(), 'base64').toString().split(':');
    creds.basic = { username, password: rest.join(':') };
  }
  if (req.socket instanceof TLSSocket) creds.tlsSocket = req.socket;
  return creds;
}

function attributes(info: RequestInfo): RequestAttributes {
  return {
    verb: info.resourceRequest ? info.verb : (info.verb === 'head' ? 'get' : info.verb),
    resourceRequest: info.resourceRequest,
    apiGroup: info.group,
    apiVersion: info.version,
    resource: info.resource,
    subresource: info.subresource,
    namespace: info.namespace,
    name: info.name,
    path: info.path,
  };
}

function forbidden(d: ApiServerDeps, user: UserInfo, attrs: RequestAttributes, info: RequestInfo): StatusError {
  const t = info.resourceRequest ? d.registry.lookup(info.group, info.version, info.resource) : undefined;
  const e = errors.forbidden(t, info.name || undefined, d.forbiddenMessage(user, attrs));
  if (!t && info.resourceRequest) {
    const resource = info.group ? `${info.resource}.${info.group}` : info.resource;
    const message = `${resource}${info.name ? ` "${info.name}"` : ''} is ${e.message}`;
    return new StatusError(403, 'Forbidden', message, { group: info.group, kind: info.resource, ...(info.name ? { name: info.name } : {}) });
  }
  return e;
}

function injected(code: number): StatusError {
  if (code === 429) return errors.tooManyRequests('the server has received too many requests and has asked us to try again later (injected fault)');
  if (code === 503) return new StatusError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request (injected fault)');
  return errors.internal('injected fault');
}

/** Go's http.NotFound, which kube-apiserver's last handler answers paths nothing serves with. */
function notFoundText(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end('404 page not found\n');
}
