/** A parsed API path, as kube-apiserver's RequestInfoFactory reads it. */
export interface RequestInfo {
  resourceRequest: boolean;
  path: string;
  verb: string;
  apiPrefix?: 'api' | 'apis';
  group: string;
  version: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
  /** Path segments below /api or /apis when not a resource request (discovery). */
  parts: string[];
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const segments = path.split('/').filter((s) => s !== '').map(decodeURIComponent);
  const info: RequestInfo = { resourceRequest: false, path, verb: method.toLowerCase(), group: '', version: '', namespace: '', resource: '', subresource: '', name: '', parts: segments };
  const prefix = segments[0];
  if (prefix !== 'api' && prefix !== 'apis') return info;
  info.apiPrefix = prefix;
  let rest: string[];
  if (prefix === 'api') {
    if (segments.length < 3) return info;
    info.version = segments[1];
    rest = segments.slice(2);
  } else {
    if (segments.length < 4) return info;
    info.group = segments[1];
    info.version = segments[2];
    rest = segments.slice(3);
  }
  info.resourceRequest = true;
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) rest = rest.slice(2);
  }
  info.resource = rest[0] ?? '';
  info.name = rest[1] ?? '';
  info.subresource = rest[2] ?? '';
  info.verb = verbFor(method, !!info.name, watchPath || isTrue(query.get('watch')));
  return info;
}

function verbFor(method: string, named: boolean, watch: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return watch ? 'watch' : named ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

export function isTrue(v: string | null): boolean {
  return v === 'true' || v === '1';
}
