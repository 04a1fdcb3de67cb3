import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JqWasmClient, loadJq, type JqPathStep } from './jq-wasm.client';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { foo: 'bar', app: 'web' } },
  spec: {
    template: {
      spec: {
        initContainers: [{ name: 'injected-init-container', image: 'init:1' }, { name: 'migrate', image: 'app:1' }],
        containers: [
          { name: 'istio-proxy', image: 'proxy:1', env: [{ name: 'ISTIO_META', value: 'x' }] },
          { name: 'web', image: 'web:1', env: [{ name: 'PORT', value: '80' }], resources: { limits: { cpu: '1' } } },
        ],
      },
    },
  },
};
const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', resources: {} }, { name: 'b' }] } };
const webhook = {
  kind: 'MutatingWebhookConfiguration',
  webhooks: [{ name: 'a', clientConfig: { caBundle: 'LS0t' } }, { name: 'b', clientConfig: { url: 'https://b' } }],
};

let jq: JqWasmClient;
beforeAll(async () => {
  jq = await loadJq({ timeoutMs: 500 });
});
afterAll(() => jq.close());

describe('JqWasmClient.paths: the examples of Argo CD’s diffing docs, through real jq', () => {
  it.each<[string, unknown, JqPathStep[][]]>([
    ['.spec.template.spec.initContainers[] | select(.name == "injected-init-container")', deployment, [['spec', 'template', 'spec', 'initContainers', 0]]],
    ['.metadata.labels["foo"]', deployment, [['metadata', 'labels', 'foo']]],
    ['.spec.containers[]?.resources', pod, [['spec', 'containers', 0, 'resources'], ['spec', 'containers', 1, 'resources']]],
    ['.webhooks[]?.clientConfig.caBundle', webhook, [['webhooks', 0, 'clientConfig', 'caBundle'], ['webhooks', 1, 'clientConfig', 'caBundle']]],
    ['.webhooks[]?.clientConfig.caBundle', { kind: 'MutatingWebhookConfiguration' }, []],
    // Beyond the old hand-written subset: a function call inside select, then a field of the result.
    ['.spec.template.spec.containers[] | select(.name | startswith("istio")) | .env', deployment, [['spec', 'template', 'spec', 'containers', 0, 'env']]],
    ['.spec.template.spec.containers[].env[] | select(.name | test("^ISTIO_"))', deployment, [['spec', 'template', 'spec', 'containers', 0, 'env', 0]]],
    ['.spec.template.spec.initContainers[-1]', deployment, [['spec', 'template', 'spec', 'initContainers', -1]]],
    ['.spec.template.spec.initContainers[1:]', deployment, [['spec', 'template', 'spec', 'initContainers', { start: 1, end: null }]]],
  ])('%s', (expression, doc, expected) => {
    expect(jq.paths(doc, expression)).toEqual({ ok: true, paths: expected });
  });
});

describe('JqWasmClient.paths: what goes wrong', () => {
  it('says why jq rejects an expression, without echoing the wrapper it runs', () => {
    expect(jq.paths(deployment, '.spec |||')).toEqual({ ok: false, kind: 'compile', message: "syntax error, unexpected '|'" });
    expect(jq.paths(deployment, '.spec | nosuchfunction')).toEqual({ ok: false, kind: 'compile', message: 'nosuchfunction/0 is not defined' });
  });

  it('tells an expression that computes values from one that selects fields, without showing the values', () => {
    const secret = { kind: 'Secret', data: { token: 'c2VjcmV0LXRva2Vu' } };
    const got = jq.paths(secret, '.data | to_entries');
    expect(got).toMatchObject({ ok: false, kind: 'path' });
    expect(JSON.stringify(got)).not.toContain('c2VjcmV0');
  });

  it('reports a failure on one document as runtime, e.g. iterating over a list it lacks', () => {
    expect(jq.paths({ spec: {} }, '.spec.template.spec.initContainers[] | select(.name == "x")')).toEqual({
      ok: false,
      kind: 'runtime',
      message: 'Cannot iterate over null (null)',
    });
  });

  it('gives up on an expression past the time limit, remembers that, and keeps working', () => {
    const started = Date.now();
    expect(jq.paths(deployment, 'def loop: loop; loop')).toMatchObject({ ok: false, kind: 'timeout', message: 'jq did not finish within 500 ms' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    const again = Date.now();
    expect(jq.paths(deployment, 'def loop: loop; loop')).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - again).toBeLessThan(100);
    expect(jq.paths(deployment, '.metadata.name')).toEqual({ ok: true, paths: [['metadata', 'name']] });
  });

  it('keeps answering call after call (jq-wasm runs out of stack after a few hundred on one instance)', () => {
    for (let i = 0; i < 800; i++) {
      const got = jq.paths({ ...pod, metadata: { name: `p${i}` } }, '.spec.containers[] | select(.name == "b")');
      if (!got.ok) throw new Error(`call ${i}: ${got.kind}: ${got.message}`);
      expect(got.paths).toEqual([['spec', 'containers', 1]]);
    }
  });
});

describe('a lazy jq client', () => {
  it('answers unavailable when jq cannot load, and does not try again on every expression', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jq-broken-'));
    const broken = join(dir, 'jq.js');
    writeFileSync(broken, "throw new Error('this jq build is broken');\n");
    const lazy = JqWasmClient.lazy({ modulePath: broken });
    try {
      expect(lazy.paths({ a: 1 }, '.a')).toEqual({ ok: false, kind: 'unavailable', message: expect.stringContaining('this jq build is broken') });
      expect(lazy.started).toBe(false);
      // Within the back-off no worker is started: the answer comes at once, for any document.
      const start = Date.now();
      expect(lazy.paths({ b: 2 }, '.b')).toMatchObject({ ok: false, kind: 'unavailable' });
      expect(Date.now() - start).toBeLessThan(50);
      expect(lazy.started).toBe(false);
    } finally {
      void lazy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });


  it('starts no worker until the first expression, then answers, and after a timeout starts afresh', () => {
    const lazy = JqWasmClient.lazy({ timeoutMs: 500 });
    try {
      expect(lazy.started).toBe(false);
      expect(lazy.paths({ spec: { replicas: 3 } }, '.spec.replicas')).toEqual({ ok: true, paths: [['spec', 'replicas']] });
      expect(lazy.started).toBe(true);
      expect(lazy.paths({ a: 1 }, 'def f: f; f')).toMatchObject({ ok: false, kind: 'timeout' });
      expect(lazy.started).toBe(false);
      // The next worker loads jq before the expression's own time limit starts.
      expect(lazy.paths({ metadata: { labels: { a: 'b' } } }, '.metadata.labels.a')).toEqual({ ok: true, paths: [['metadata', 'labels', 'a']] });
    } finally {
      void lazy.close();
    }
  });
});
