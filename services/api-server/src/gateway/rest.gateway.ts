import * as grpc from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { RpcError } from '../rpc/rpc-error';
import type { UnaryInvoker } from '../rpc/rpc.registry';
import { errorBody, httpStatusOf } from './grpc-http.status';
import { MessageSchemas, messageSchemas } from './message-schema';
import { messageToJson, RestDecodeError } from './rest-message.codec';
import { decodeRestRequest, readJsonBody } from './rest-request.decoder';
import { RestRouteTable, RouteMatch } from './rest-route.table';
import { sessionCookieHeaders, tokenFromCookie } from './session.cookie';

/**
 * Argo CD's REST/JSON API over the same handlers gRPC clients reach: routes come from each
 * method's google.api.http option, JSON is converted by the message types, errors map like grpc-gateway.
 */
export class RestGateway {
  private readonly routes: RestRouteTable;
  private readonly schemas: MessageSchemas;

  constructor(
    definition: PackageDefinition,
    private readonly invoker: UnaryInvoker,
    private readonly logger?: Logger,
  ) {
    this.routes = new RestRouteTable(definition, (path) => invoker.has(path));
    this.schemas = messageSchemas(definition);
  }

  get routeCount(): number {
    return this.routes.size;
  }

  /** A Node request listener; never rejects: every failure becomes a JSON error answer. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.serve(req, res).catch((err: unknown) => {
      this.logger?.error({ err }, `REST ${req.method} ${req.url} failed`);
      if (!res.headersSent) this.sendError(res, grpc.status.INTERNAL, 'internal error');
      else res.destroy();
    });
  };

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    let segments: string[];
    try {
      segments = url.pathname.slice(1).split('/').map(decodeURIComponent);
    } catch {
      return this.sendError(res, grpc.status.INVALID_ARGUMENT, `malformed URL path ${url.pathname}`);
    }
    const match = this.routes.match(req.method ?? 'GET', segments);
    if (!match) {
      if (this.routes.knowsPath(segments)) return this.sendError(res, grpc.status.UNIMPLEMENTED, 'Method Not Allowed', 405);
      return this.sendError(res, grpc.status.NOT_FOUND, 'Not Found');
    }
    let request: unknown;
    try {
      const body = match.route.rule.body ? await readJsonBody(req) : undefined;
      request = this.normalize(match, decodeRestRequest(this.schemas, match, url.searchParams, body));
    } catch (err) {
      if (err instanceof RestDecodeError) return this.sendError(res, grpc.status.INVALID_ARGUMENT, err.message);
      throw err;
    }
    let response: unknown;
    try {
      response = await this.invoker.invoke(match.route.methodPath, request, metadataOf(req));
    } catch (err) {
      if (err instanceof RpcError) return this.sendError(res, err.code, err.message);
      throw err;
    }
    this.sendResponse(res, match, response);
  }

  /** Round-trips through protobuf so handlers see a REST request exactly as they see a gRPC one. */
  private normalize(match: RouteMatch, request: Record<string, unknown>): unknown {
    const { method } = match.route;
    try {
      return method.requestDeserialize(method.requestSerialize(request));
    } catch (err) {
      throw new RestDecodeError(`invalid request: ${(err as Error).message}`);
    }
  }

  private sendResponse(res: ServerResponse, match: RouteMatch, response: unknown): void {
    const { method, responseType, methodPath } = match.route;
    const decoded = method.responseDeserialize(method.responseSerialize(response as object));
    const json = messageToJson(this.schemas, responseType, decoded) ?? {};
    const headers: Record<string, string | string[]> = { 'content-type': 'application/json' };
    Object.assign(headers, sessionCookieHeaders(methodPath, decoded));
    res.writeHead(200, headers).end(JSON.stringify(json));
  }

  private sendError(res: ServerResponse, code: number, message: string, httpStatus = httpStatusOf(code)): void {
    res.writeHead(httpStatus, { 'content-type': 'application/json' }).end(JSON.stringify(errorBody(code, message)));
  }
}

/** Credentials travel as gRPC metadata: the Authorization header, or the UI's `argocd.token` cookie. */
function metadataOf(req: IncomingMessage): grpc.Metadata {
  const metadata = new grpc.Metadata();
  const authorization = req.headers.authorization;
  const cookieToken = tokenFromCookie(req.headers.cookie);
  if (authorization) metadata.set('authorization', authorization);
  else if (cookieToken) metadata.set('authorization', `Bearer ${cookieToken}`);
  const traceparent = req.headers.traceparent;
  if (typeof traceparent === 'string') metadata.set('traceparent', traceparent);
  return metadata;
}
