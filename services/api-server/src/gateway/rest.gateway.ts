import * as grpc from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { fromKubeError } from '../hub/kube-errors';
import { peerOf } from '../rpc/call-peer';
import { ConcurrencyLimitError } from '../rpc/concurrency.limiter';
import { RpcError, toStatus } from '../rpc/rpc-error';
import type { CallOrigin, UnaryInvoker } from '../rpc/rpc.registry';
import type { Authenticator } from '../rpc/unary-call';
import { errorBody, httpStatusOf } from './grpc-http.status';
import { projectListFields } from './list-fields.projection';
import { JSON_OBJECT_LIST, MessageSchemas, messageSchemas } from './message-schema';
import { messageToJson, RestDecodeError } from './rest-message.codec';
import { BodyPolicy, defaultBodyLimits, readJsonBody, RequestBodyRejection, RestBodyLimits } from './request-body.reader';
import { decodeRestRequest } from './rest-request.decoder';
import { RestRouteTable, RouteMatch } from './rest-route.table';
import { LogDownloadCall } from './log-download.call';
import { RestStreamCall } from './rest-stream.call';
import { sessionCookieHeaders, tokenFromCookie } from './session.cookie';
import { answerAndCloseUnread } from './unread-body.close';
import { sendBody } from './response.compression';

/** A refusal the gateway answers itself, before or instead of the handler's answer. */
class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly httpStatus = httpStatusOf(code),
  ) {
    super(message);
  }
}

/**
 * Argo CD's REST/JSON API over the same handlers gRPC clients reach: routes come from each
 * method's google.api.http option, JSON is converted by the message types, errors map like grpc-gateway.
 * Methods that need a session are authenticated before a byte of their body is read.
 */
export class RestGateway {
  private readonly routes: RestRouteTable;
  private readonly schemas: MessageSchemas;

  constructor(
    definition: PackageDefinition,
    private readonly invoker: UnaryInvoker,
    private readonly authenticator: Authenticator,
    private readonly limits: RestBodyLimits = defaultBodyLimits(),
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
      if (err instanceof Refusal) return this.refuse(req, res, err);
      this.logger?.error({ err }, `REST ${req.method} ${req.url} failed`);
      if (!res.headersSent) this.refuse(req, res, new Refusal(grpc.status.INTERNAL, 'internal error'));
      else res.destroy();
    });
  };

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const match = this.route(req, url);
    const { methodPath } = match.route;
    const origin: CallOrigin = { metadata: metadataOf(req), peer: peerOf(req.socket) };
    const needsSession = this.invoker.requiresSession(methodPath);
    if (needsSession) origin.caller = await this.authenticator.authenticate(origin.metadata).catch(asRefusal);
    const request = await this.decode(req, url, match, needsSession ? this.limits.session : this.limits.anonymous);
    if (match.route.streaming) return this.serveStream(req, res, match, request, origin);
    const response = await this.invoker.invoke(methodPath, request, origin).catch(asRefusal);
    this.sendResponse(req, res, match, response, url.searchParams.get('fields'));
  }

  private route(req: IncomingMessage, url: URL): RouteMatch {
    let segments: string[];
    try {
      segments = url.pathname.slice(1).split('/').map(decodeURIComponent);
    } catch {
      throw new Refusal(grpc.status.INVALID_ARGUMENT, `malformed URL path ${url.pathname}`);
    }
    const match = this.routes.match(req.method ?? 'GET', segments);
    if (match) return match;
    if (this.routes.knowsPath(segments)) throw new Refusal(grpc.status.UNIMPLEMENTED, 'Method Not Allowed', 405);
    throw new Refusal(grpc.status.NOT_FOUND, 'Not Found');
  }

  /** Reads, parses and converts the request in one of the policy's slots: the costly part of a large body. */
  private async decode(req: IncomingMessage, url: URL, match: RouteMatch, policy: BodyPolicy): Promise<unknown> {
    const work = async (): Promise<unknown> => {
      const body = match.route.rule.body ? await readJsonBody(req, policy, match.route.methodPath) : undefined;
      return this.normalize(match, decodeRestRequest(this.schemas, match, url.searchParams, body));
    };
    try {
      return await (match.route.rule.body ? policy.limiter.run(work) : work());
    } catch (err) {
      if (err instanceof RestDecodeError) throw new Refusal(grpc.status.INVALID_ARGUMENT, err.message);
      if (err instanceof RequestBodyRejection) throw new Refusal(err.code, err.message, err.httpStatus);
      if (err instanceof ConcurrencyLimitError)
        throw new Refusal(
          grpc.status.UNAVAILABLE,
          `too many request bodies are being read (${err.limit} at once and a full queue); retry shortly`,
        );
      throw err;
    }
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

  /** A server-streaming method: each message is one frame as it comes, until the handler ends the stream. */
  private serveStream(req: IncomingMessage, res: ServerResponse, match: RouteMatch, request: unknown, origin: CallOrigin): void {
    const { method, responseType } = match.route;
    const toJson = (message: unknown): unknown => {
      const decoded = method.responseDeserialize(method.responseSerialize(message as object));
      return messageToJson(this.schemas, responseType, decoded) ?? {};
    };
    if (match.route.methodPath === POD_LOGS_METHOD && new URL(req.url ?? '/', 'http://gateway').searchParams.get('download') === 'true') {
      this.invoker.stream(POD_LOGS_METHOD, new LogDownloadCall(req, res, request, origin.metadata, origin.peer, origin.caller));
      return;
    }
    const keyOf = match.route.methodPath === WATCH_METHOD ? watchedAppName : undefined;
    const call = new RestStreamCall(req, res, request, origin.metadata, origin.peer, origin.caller, toJson, keyOf);
    this.invoker.stream(match.route.methodPath, call);
  }

  private sendResponse(req: IncomingMessage, res: ServerResponse, match: RouteMatch, response: unknown, fields: string | null): void {
    const { method, responseType, methodPath } = match.route;
    const decoded = method.responseDeserialize(method.responseSerialize(response as object));
    const answer = messageToJson(this.schemas, responseType, decoded) ?? {};
    const json = responseType === JSON_OBJECT_LIST ? projectListFields(answer, fields) : answer;
    const headers: Record<string, string | string[]> = { 'content-type': 'application/json' };
    Object.assign(headers, sessionCookieHeaders(methodPath, decoded));
    sendBody(req, res, 200, headers, JSON.stringify(json));
  }

  private refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (refusal.httpStatus === 503) headers['retry-after'] = '1';
    const body = JSON.stringify(errorBody(refusal.code, refusal.message));
    // A body left unread is not drained for keep-alive: the connection closes after the answer.
    if (!req.complete) answerAndCloseUnread(req, res, refusal.httpStatus, headers, body);
    else res.writeHead(refusal.httpStatus, headers).end(body);
  }
}

const WATCH_METHOD = '/application.ApplicationService/Watch';
const POD_LOGS_METHOD = '/application.ApplicationService/PodLogs';

/** The app a watch event is about: its frames are sent only when they differ from the last about it. */
const watchedAppName = (frame: { result: unknown }): string | undefined =>
  (frame.result as { application?: { metadata?: { name?: string } } } | undefined)?.application?.metadata?.name;

/** A handler's or the authenticator's error as the answer the client gets; anything unexpected stays a 500. */
function asRefusal(err: unknown): never {
  if (err instanceof RpcError) throw new Refusal(err.code, err.message);
  const status = toStatus(fromKubeError(err));
  if (status.code !== undefined && status.code !== grpc.status.UNKNOWN) throw new Refusal(status.code, status.details ?? '');
  throw err;
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
