import { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from '../api/status-error';
import { ClusterSchemas } from '../cluster/cluster-schemas';
import { ResourceRegistry } from '../registry/resource.registry';
import { sendJson } from './http-io';
import { OpenApiV3Document, openApiV3Document } from './openapi-v3.document';

/** Built-in group versions are the same in every sim of the process: build each document once. */
const builtinDocs = new Map<string, OpenApiV3Document>();

/**
 * `/openapi/v3` (what kubectl explain, apply and field validation read) and `/openapi/v2`,
 * which kubectl only asks for as protobuf: refusing it (406) sends kubectl to v3.
 */
export class OpenApiEndpoints {
  private customDocs = new Map<string, OpenApiV3Document>();
  private customVersion = -1;

  constructor(
    private readonly schemas: ClusterSchemas,
    private readonly registry: ResourceRegistry,
  ) {}

  serve(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (path === '/openapi/v2') {
      if ((req.headers.accept ?? '').includes('protobuf')) throw errors.notAcceptable('only application/json is served for /openapi/v2; use /openapi/v3');
      return sendJson(res, 200, { swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths: {}, definitions: {} });
    }
    if (path === '/openapi/v3' || path === '/openapi/v3/') {
      const paths: Record<string, { serverRelativeURL: string }> = {};
      for (const gv of this.groupVersions()) paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${this.document(gv).hash}` };
      return sendJson(res, 200, { paths });
    }
    const gv = path.slice('/openapi/v3/'.length);
    if (!path.startsWith('/openapi/v3/') || !this.groupVersions().includes(gv)) throw errors.routeNotFound();
    const doc = this.document(gv);
    res.writeHead(200, { 'Content-Type': 'application/json', ETag: `"${doc.hash}"`, 'Cache-Control': 'public, immutable', 'Content-Length': Buffer.byteLength(doc.json) });
    res.end(doc.json);
  }

  private groupVersions(): string[] {
    const out: string[] = [];
    for (const [group, versions] of this.registry.groups()) for (const v of versions) out.push(group ? `apis/${group}/${v}` : `api/${v}`);
    return out;
  }

  private document(gv: string): OpenApiV3Document {
    const [group, version] = gv.startsWith('api/') ? ['', gv.slice(4)] : gv.slice(5).split('/');
    const resources = this.registry.inGroupVersion(group, version);
    if (!resources.some((t) => t.custom)) {
      let doc = builtinDocs.get(gv);
      if (!doc) builtinDocs.set(gv, (doc = openApiV3Document(resources, [])));
      return doc;
    }
    if (this.customVersion !== this.schemas.version) {
      this.customDocs = new Map();
      this.customVersion = this.schemas.version;
    }
    let doc = this.customDocs.get(gv);
    if (!doc) this.customDocs.set(gv, (doc = openApiV3Document(resources, this.schemas.customIn(group, version))));
    return doc;
  }
}
