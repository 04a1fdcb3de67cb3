import { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from '../api/status-error';
import { ClusterSchemas } from '../cluster/cluster-schemas';
import { ResourceRegistry } from '../registry/resource.registry';
import { openApiV2Document } from '../schema/openapi-v2.document';
import { OpenApiDocument, openApiV3Document } from '../schema/openapi-v3.document';
import { encodeOpenApiV2 } from '../protobuf/openapi-v2.protobuf';
import { sendJson } from './http-io';

/** Built-in group versions are the same in every sim of the process: each document is built once. */
const builtinDocs = new Map<string, OpenApiDocument>();
let builtinV2: OpenApiDocument | undefined;

/**
 * `/openapi/v3` (what kubectl explain, apply and field validation read) and `/openapi/v2`
 * as JSON or, for kubectl's discovery client, which asks for protobuf only, as gnostic protobuf.
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
      const as = v2MediaType(req.headers.accept);
      if (!as) throw errors.notAcceptable('only application/json and application/com.github.proto-openapi.spec.v2@v1.0+protobuf are served for /openapi/v2');
      return sendDocument(req, res, this.v2(), false, as === 'protobuf');
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

const V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/**
 * kube-openapi's v2 handler (pkg/handler/handler.go) walks the Accept clauses best first and serves
 * JSON for `application/json` (or a wildcard), gnostic protobuf for either spelling of its media type.
 */
function v2MediaType(accept: string | undefined): 'json' | 'protobuf' | undefined {
  if (!accept) return 'json';
  const clauses = accept
    .split(',')
    .map((part, i) => {
      const [type, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1);
      return { type, q: Number.isNaN(q) ? 1 : q, i };
    })
    .filter((c) => c.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { type } of clauses) {
    if (type === 'application/json' || type === 'application/*' || type === '*/*') return 'json';
    if (type === 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' || type === V2_PROTOBUF) return 'protobuf';
  }
  return undefined;
}

const protobufOf = new WeakMap<OpenApiDocument, Buffer>();

/** Serves a document with its ETag; a hash-addressed v3 document is immutable, as upstream marks it. */
function sendDocument(req: IncomingMessage, res: ServerResponse, doc: OpenApiDocument, immutable: boolean, protobuf = false): void {
  const etag = `"${doc.hash}"`;
  const cache = immutable ? 'public, immutable' : 'no-cache, private';
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': cache });
    res.end();
    return;
  }
  let body: string | Buffer = doc.json;
  if (protobuf) {
    body = protobufOf.get(doc) ?? encodeOpenApiV2(JSON.parse(doc.json) as Record<string, unknown>);
    protobufOf.set(doc, body);
  }
  res.writeHead(200, { 'Content-Type': protobuf ? V2_PROTOBUF : 'application/json', ETag: etag, 'Cache-Control': cache, 'Content-Length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
