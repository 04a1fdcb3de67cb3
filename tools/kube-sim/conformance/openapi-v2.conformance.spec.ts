import { call } from './http.harness';
import { KubectlHarness, startKubectlHarness } from './kubectl.harness';

// kubectl 1.32 asks /openapi/v3 for `application/json, */*` and each group version for
// `application/json`, but /openapi/v2 for `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`
// only (client-go discovery OpenAPISchema, then proto.Unmarshal into gnostic's openapi_v2.Document);
// kube-openapi's handler serves it, so a real server's v2 validation fallback works.
let k: KubectlHarness;

beforeAll(async () => {
  k = await startKubectlHarness();
});
afterAll(async () => {
  await k.stop();
});

const widget = `
apiVersion: example.com/v1
kind: Widget
metadata: { name: w1, namespace: default }
`;

describe('/openapi/v2 in the formats kubectl asks for', () => {
  it('lets kubectl apply of an unknown kind print the real server\'s mapping error', async () => {
    const r = await k.run(['apply', '-f', k.writeFile('widget.yaml', widget)]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe(
      `error: resource mapping not found for name: "w1" namespace: "default" from "${k.dir}/widget.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first\n`,
    );
  });

  it('serves gnostic protobuf that kubectl explain reads (openapiv2 output)', async () => {
    const out = await k.ok(['explain', '--output=plaintext-openapiv2', 'deployments.spec.replicas']);
    expect(out).toContain('KIND:     Deployment');
    expect(out).toContain('FIELD:    replicas <integer>');
    const r = await call(k.sim, 'GET', '/openapi/v2', { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
  });

  it('serves JSON to JSON and wildcard clients, and 406 to anything else', async () => {
    expect((await call(k.sim, 'GET', '/openapi/v2', { accept: 'application/json' })).json().swagger).toBe('2.0');
    expect((await call(k.sim, 'GET', '/openapi/v2', { accept: '*/*' })).headers['content-type']).toBe('application/json');
    expect((await call(k.sim, 'GET', '/openapi/v2', { accept: 'application/xml' })).status).toBe(406);
  });
});
