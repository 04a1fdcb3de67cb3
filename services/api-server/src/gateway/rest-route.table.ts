import type { MethodDefinition, PackageDefinition } from '@grpc/proto-loader';
import { HttpRule, httpRulesOf, matchTemplate } from './http-rule';
import { messageTypeNames } from './message-schema';

/** One REST route: an HTTP rule bound to the gRPC method it calls. */
export interface RestRoute {
  rule: HttpRule;
  /** `/application.ApplicationService/Get`: the key the gRPC side is registered under too. */
  methodPath: string;
  method: MethodDefinition<object, object>;
  requestType: string;
  responseType: string;
  literalCount: number;
  /** A server-streaming method: answered as a stream of `{"result": …}` frames. */
  streaming: boolean;
}

export interface RouteMatch {
  route: RestRoute;
  pathParams: Map<string[], string>;
}

/** Every REST route the contracts declare, built once at start-up from their google.api.http options. */
export class RestRouteTable {
  private readonly routes: RestRoute[];

  constructor(definition: PackageDefinition, include: (methodPath: string) => boolean = () => true) {
    const typeNames = messageTypeNames(definition);
    this.routes = [];
    for (const entry of Object.values(definition)) {
      if ((entry as { format?: string }).format) continue;
      for (const method of Object.values(entry as Record<string, MethodDefinition<object, object>>)) {
        if (method.requestStream || !include(method.path)) continue;
        for (const rule of httpRulesOf(method.options))
          this.routes.push({
            rule,
            methodPath: method.path,
            method,
            requestType: typeNameOf(typeNames, method.requestType, method.path),
            responseType: typeNameOf(typeNames, method.responseType, method.path),
            literalCount: rule.segments.filter((s) => 'literal' in s).length,
            streaming: method.responseStream,
          });
      }
    }
    // Most specific first, so `/api/v1/session/userinfo` wins over a `{name}` variable in the same place.
    this.routes.sort((a, b) => b.literalCount - a.literalCount);
  }

  get size(): number {
    return this.routes.length;
  }

  /** Every route, most specific first: what the API conformance spec holds against Argo CD's definition. */
  get all(): readonly RestRoute[] {
    return this.routes;
  }

  /** The route for a request; `pathSegments` are the URL's path split on `/` and percent-decoded. */
  match(verb: string, pathSegments: string[]): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.rule.verb !== verb) continue;
      const pathParams = matchTemplate(route.rule.segments, pathSegments);
      if (pathParams) return { route, pathParams };
    }
    return undefined;
  }

  /** Whether any verb serves this path: tells 405 from 404. */
  knowsPath(pathSegments: string[]): boolean {
    return this.routes.some((r) => matchTemplate(r.rule.segments, pathSegments) !== undefined);
  }
}

function typeNameOf(names: (type: unknown) => string | undefined, type: unknown, path: string): string {
  const name = names(type);
  if (!name) throw new Error(`${path}: message type not found in the contracts`);
  return name;
}
