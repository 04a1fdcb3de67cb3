import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ClusterSchemas } from '../cluster/cluster-schemas';
import { ResourceRegistry } from '../registry/resource.registry';
import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';
import { apiGroupList, apiGroupOf, apiResourceList, apiVersions } from './discovery';
import { sendError, sendJson } from './http-io';
import { OpenApiEndpoints } from './openapi.endpoints';

const run = promisify(execFile);

const widgetCrd: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', description: 'What the widget should be.', properties: { size: { type: 'integer', description: 'How big the widget is.' } } } } } } }],
  },
};
const widgetType: ResourceType = { group: 'example.com', version: 'v1', kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', singular: 'widget', namespaced: true, shortNames: [], categories: [], verbs: ['create', 'get', 'list'], subresources: [], custom: true };

/** The OpenAPI endpoints plus just enough discovery for kubectl to resolve kinds. */
function startServer(registry: ResourceRegistry, openapi: OpenApiEndpoints): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://kube-sim').pathname;
    const parts = path.split('/').filter(Boolean);
    try {
      if (path.startsWith('/openapi/')) return openapi.serve(req, res, path);
      let body: object | undefined;
      if (parts[0] === 'api') body = parts.length === 1 ? apiVersions('127.0.0.1') : apiResourceList(registry, '', parts[1]);
      else if (parts[0] === 'apis' && parts.length === 1) body = apiGroupList(registry);
      else if (parts[0] === 'apis' && parts.length === 2) body = apiGroupOf(registry, parts[1]);
      else if (parts[0] === 'apis' && parts.length === 3) body = apiResourceList(registry, parts[1], parts[2]);
      if (!body) throw new Error(`no route ${path}`);
      sendJson(res, 200, body);
    } catch (e) {
      sendError(res, e);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('OpenAPI endpoints', () => {
  let registry: ResourceRegistry;
  let schemas: ClusterSchemas;
  let server: Server;
  let base: string;
  let home: string;

  beforeAll(async () => {
    registry = new ResourceRegistry();
    schemas = new ClusterSchemas();
    server = await startServer(registry, new OpenApiEndpoints(schemas, registry));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    home = mkdtempSync(join(tmpdir(), 'kube-sim-openapi-'));
  });
  afterAll(() => {
    server.close();
    rmSync(home, { recursive: true, force: true });
  });

  // A fresh HOME keeps kubectl's discovery and OpenAPI caches out of the way between runs.
  const kubectl = async (...args: string[]): Promise<string> => {
    const { stdout } = await run('/usr/bin/kubectl', ['--server', base, ...args], { env: { PATH: process.env.PATH ?? '', HOME: home, KUBECONFIG: '/dev/null' } });
    return stdout;
  };

  it('lets kubectl explain a Deployment spec with types, required marks and descriptions', async () => {
    const out = await kubectl('explain', 'deployment.spec');
    expect(out).toContain('GROUP:      apps');
    expect(out).toContain('FIELDS:');
    expect(out).toMatch(/^ {2}replicas\t<integer>$/m);
    expect(out).toMatch(/^ {2}selector\t<LabelSelector> -required-$/m);
    expect(out).toMatch(/^ {2}strategy\t<DeploymentStrategy>$/m);
    expect(out).toContain('Number of desired pods.');
  }, 20000);

  it('lets kubectl explain nested pod template containers', async () => {
    const out = await kubectl('explain', 'deployment.spec.template.spec.containers');
    expect(out).toContain('FIELD: containers <[]Container>');
    expect(out).toMatch(/^ {2}name\t<string> -required-$/m);
    expect(out).toMatch(/^ {2}ports\t<\[\]ContainerPort>$/m);
    expect(out).toMatch(/^ {2}resources\t<ResourceRequirements>$/m);
  }, 20000);

  it('lists a CRD group in the v3 index once registered, and kubectl explains its kind', async () => {
    const index = async () => ((await (await fetch(`${base}/openapi/v3`)).json()) as { paths: Record<string, { serverRelativeURL: string }> }).paths;
    expect(await index()).not.toHaveProperty(['apis/example.com/v1']);
    schemas.register(widgetCrd);
    registry.add(widgetType);
    try {
      const paths = await index();
      expect(paths['apis/example.com/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/example\.com\/v1\?hash=[0-9A-F]{128}$/);
      const doc = (await (await fetch(base + paths['apis/example.com/v1'].serverRelativeURL)).json()) as { components: { schemas: Record<string, { 'x-kubernetes-group-version-kind': unknown }> } };
      expect(doc.components.schemas['com.example.v1.Widget']['x-kubernetes-group-version-kind']).toEqual([{ group: 'example.com', version: 'v1', kind: 'Widget' }]);
      const out = await kubectl('explain', 'widgets.spec');
      expect(out).toMatch(/^ {2}size\t<integer>$/m);
      expect(out).toContain('How big the widget is.');
    } finally {
      schemas.unregister(widgetCrd);
      registry.remove('example.com', 'widgets');
    }
    expect(await index()).not.toHaveProperty(['apis/example.com/v1']);
  }, 20000);

  it('serves v3 documents by hash as immutable and answers a matching ETag with 304', async () => {
    const paths = ((await (await fetch(`${base}/openapi/v3`)).json()) as { paths: Record<string, { serverRelativeURL: string }> }).paths;
    const first = await fetch(base + paths['apis/apps/v1'].serverRelativeURL);
    expect(first.headers.get('cache-control')).toBe('public, immutable');
    await first.arrayBuffer();
    const again = await fetch(`${base}/openapi/v3/apis/apps/v1`, { headers: { 'If-None-Match': first.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('serves /openapi/v2 as JSON with kinds, paths and fieldValidation, as gnostic protobuf when asked, and 406 otherwise', async () => {
    const proto = await fetch(`${base}/openapi/v2`, { headers: { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    expect(proto.status).toBe(200);
    // gnostic Document: field 1 (swagger) comes first, as a length-delimited "2.0".
    expect(Buffer.from(await proto.arrayBuffer()).subarray(0, 5)).toEqual(Buffer.from([0x0a, 0x03, 0x32, 0x2e, 0x30]));
    const xml = await fetch(`${base}/openapi/v2`, { headers: { Accept: 'application/xml' } });
    expect(xml.status).toBe(406);
    await xml.arrayBuffer();
    const doc = (await (await fetch(`${base}/openapi/v2`, { headers: { Accept: 'application/json' } })).json()) as {
      swagger: string;
      definitions: Record<string, { 'x-kubernetes-group-version-kind'?: unknown; properties?: Record<string, Record<string, unknown>> }>;
      paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>>;
    };
    expect(doc.swagger).toBe('2.0');
    expect(doc.definitions['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(doc.definitions['io.k8s.api.core.v1.PodSpec'].properties!.containers['x-kubernetes-patch-merge-key']).toBe('name');
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['fieldValidation', 'dryRun', 'fieldManager', 'force']));
  });
});
