import { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from '../api/status-error';
import { ClusterSchemas } from '../cluster/cluster-schemas';
import { ResourceRegistry } from '../registry/resource.registry';
import { openApiV2Document } from '../schema/openapi-v2.document';
import { OpenApiDocument, openApiV3Document } from '../schema/openapi-v3.document';
import { sendJson } from './http-io';

/** Built-in group versions are the same in every sim of the process: each document is built once. */
const builtinDocs = new Map<string, OpenApiDocument>();
let builtinV2: OpenApiDocument | undefined;

/**
 * `/openapi/v3` (what kubectl explain, apply and field validation read) and `/openapi/v2`
 * as JSON. kubectl asks v2 for protobuf only; a 406 sends it to its fallbacks.
 */
export class OpenApiEndpoints {
  private customDocs = new Map<string, OpenApiDocument>();
  private customV2: OpenApiDocument | undefined;
  private customVersion = -1;

  constructor(
    private readonly schemas: ClusterSchemas,
    private readonly registry: ResourceRegistry,
  ) {}

  serve(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (path === '/openapi/v2' || path === '/openapi/v2/') {
      if (!acceptsJson(req.headers.accept)) throw errors.notAcceptable('only application/json is served for /openapi/v2');
      return sendDocument(req, res, this.v2(), false);
    }
    if (path === '/openapi/v3' || path === '/openapi/v3/') {
      const paths: Record<string, { serverRelativeURL: string }> = {};
      for (const gv of this.groupVersions()) paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${this.document(gv).hash}` };
      return sendJson(res, 200, { paths });
    }
    const gv = path.slice('/openapi/v3/'.length).replace(/\/$/, '');
    if (!path.startsWith('/openapi/v3/') || !this.groupVersions().includes(gv)) throw errors.routeNotFound();
    const doc = this.document(gv);
    const asked = new URL(req.url ?? '/', 'http://kube-sim').searchParams.get('hash');
    sendDocument(req, res, doc, asked === doc.hash);
  }

  private groupVersions(): string[] {
    const out: string[] = [];
    for (const [group, versions] of this.registry.groups()) for (const v of versions) out.push(group ? `apis/${group}/${v}` : `api/${v}`);
    return out;
  }

  /** CRD-served documents are rebuilt after a CRD is registered or removed. */
  private freshCustom(): void {
    if (this.customVersion === this.schemas.version) return;
    this.customDocs = new Map();
    this.customV2 = undefined;
    this.customVersion = this.schemas.version;
  }

  private v2(): OpenApiDocument {
    const resources = this.registry.all();
    if (!resources.some((t) => t.custom)) return (builtinV2 ??= openApiV2Document(resources, []));
    this.freshCustom();
    return (this.customV2 ??= openApiV2Document(resources, this.schemas.customAll()));
  }

  private document(gv: string): OpenApiDocument {
    const [group, version] = gv.startsWith('api/') ? ['', gv.slice(4)] : gv.slice(5).split('/');
    const resources = this.registry.inGroupVersion(group, version);
    if (!resources.some((t) => t.custom)) {
      let doc = builtinDocs.get(gv);
      if (!doc) builtinDocs.set(gv, (doc = openApiV3Document(resources, [])));
      return doc;
    }
    this.freshCustom();
    let doc = this.customDocs.get(gv);
    if (!doc) this.customDocs.set(gv, (doc = openApiV3Document(resources, this.schemas.customIn(group, version))));
    return doc;
  }
}

function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => /^\s*(application\/json|\*\/\*|application\/\*)/.test(part));
}

/** Serves a document with its ETag; a hash-addressed v3 document is immutable, as upstream marks it. */
function sendDocument(req: IncomingMessage, res: ServerResponse, doc: OpenApiDocument, immutable: boolean): void {
  const etag = `"${doc.hash}"`;
  const cache = immutable ? 'public, immutable' : 'no-cache, private';
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': cache });
    res.end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag, 'Cache-Control': cache, 'Content-Length': Buffer.byteLength(doc.json) });
  res.end(req.method === 'HEAD' ? undefined : doc.json);
}
