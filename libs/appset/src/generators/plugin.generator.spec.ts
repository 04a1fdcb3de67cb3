import type { ApplicationSet } from '@flotilla/api-types';
import { freePort } from '@flotilla/testing';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { perStringRenderer } from '../template/string.renderer';
import { transformEntry } from './generator-entry.transform';
import { generatorRegistry } from './generator.registry';
import type { GeneratorContext, GeneratorEntry, GeneratorHub } from './generator.types';
import { fakeGeneratorHub } from '../scm/scm-hub.fake';
import type { PluginGeneratorOptions } from './plugin.generator';

const TOKEN = 'strong-password-4711';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  contentType?: string;
  body: unknown;
}

/** A plugin as Argo's docs describe one: checks the bearer token, answers on /api/v1/getparams.execute. */
class PluginServer {
  seen: Seen[] = [];
  answer: (req: IncomingMessage, res: ServerResponse, body: any) => void = (_req, res, body) =>
    json(res, 200, {
      output: {
        parameters: [
          { cluster: 'dev', nested: { replicas: 2, tags: ['a', 'b'] } },
          { cluster: 'prod', input: body.input },
        ],
      },
    });
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const body = text ? JSON.parse(text) : undefined;
        this.seen.push({
          method: req.method,
          url: req.url,
          authorization: req.headers.authorization,
          contentType: req.headers['content-type'],
          body,
        });
        if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(res, 403, { error: 'forbidden' });
        if (req.url !== '/plugins/one/api/v1/getparams.execute') return json(res, 404, { error: `no ${req.url}` });
        this.answer(req, res, body);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/plugins/one`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** The ApplicationSet's namespace as plain data: the reads generators make of it. */
const hubOf = (
  configMaps: Record<string, Record<string, string>>,
  secrets: Record<string, Record<string, string>>,
  labels: Record<string, Record<string, string>> = {},
): GeneratorHub =>
  fakeGeneratorHub(
    () => secrets,
    () => labels,
    () => configMaps,
  );

describe('plugin generator', () => {
  const server = new PluginServer();
  let baseUrl: string;
  let configMaps: Record<string, Record<string, string>>;
  let secrets: Record<string, Record<string, string>>;
  let labels: Record<string, Record<string, string>>;

  beforeAll(async () => {
    baseUrl = await server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.seen = [];
    server.answer = new PluginServer().answer;
    configMaps = { 'my-plugin': { baseUrl, token: '$plugin.myplugin.token' } };
    secrets = { 'argocd-secret': { 'plugin.myplugin.token': TOKEN }, other: { key: `${TOKEN}\n` } };
    labels = { other: { 'app.kubernetes.io/part-of': 'argocd' } };
  });

  const ctx = (goTemplate: boolean, hub: GeneratorHub | undefined = hubOf(configMaps, secrets, labels)): GeneratorContext => {
    const spec = { goTemplate, generators: [], template: {} };
    return {
      appSet: { metadata: { name: 'myplugin', namespace: 'argocd' }, spec } as unknown as ApplicationSet,
      clusterSecrets: [],
      renderString: perStringRenderer(spec),
      repository: (url) => Promise.resolve({ repo: url }),
      hub,
    };
  };
  const run = async (entry: GeneratorEntry, goTemplate = true, opts?: PluginGeneratorOptions, hub?: GeneratorHub) =>
    (await transformEntry(entry, generatorRegistry(undefined, opts), undefined, ctx(goTemplate, hub)))[0].params;
  const plugin = (more: object = {}): GeneratorEntry => ({ plugin: { configMapRef: { name: 'my-plugin' }, ...more } });

  it('POSTs the input with the bearer token and yields the answered sets with generator.input and values (goTemplate)', async () => {
    const input = { parameters: { key1: 'value1', list: ['x'], map: { k: 'v' }, flag: true } };
    const params = await run(plugin({ input, values: { target: '{{.cluster}}-ns' } }));
    expect(server.seen).toEqual([
      {
        method: 'POST',
        url: '/plugins/one/api/v1/getparams.execute',
        authorization: `Bearer ${TOKEN}`,
        contentType: 'application/json',
        body: { applicationSetName: 'myplugin', input },
      },
    ]);
    expect(params).toEqual([
      { cluster: 'dev', nested: { replicas: 2, tags: ['a', 'b'] }, generator: { input }, values: { target: 'dev-ns' } },
      { cluster: 'prod', input, generator: { input }, values: { target: 'prod-ns' } },
    ]);
  });

  it('flattens the answer to strings for fasttemplate and sends an empty input without parameters', async () => {
    const params = await run(plugin({ values: { v: '{{cluster}}!' } }), false);
    expect(server.seen[0].body).toEqual({ applicationSetName: 'myplugin', input: {} });
    expect(params[0]).toEqual({
      cluster: 'dev',
      'nested.replicas': '2',
      'nested.tags.0': 'a',
      'nested.tags.1': 'b',
      generator: { input: { parameters: {} } },
      'values.v': 'dev!',
    });
  });

  it('reads the token from another Secret with $name:key, trimmed', async () => {
    configMaps['my-plugin'].token = '$other:key';
    configMaps['my-plugin'].baseUrl = `${baseUrl}/`;
    expect(await run(plugin())).toHaveLength(2);
    expect(server.seen[0].authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('refuses a token Secret other than argocd-secret unless it is labelled part-of argocd, without calling the plugin', async () => {
    configMaps['my-plugin'].token = '$other:key';
    for (const other of [{}, { 'app.kubernetes.io/part-of': 'someone-else' }] as Record<string, string>[]) {
      labels = { other };
      const failure = run(plugin());
      await expect(failure).rejects.toThrow(
        'error getting plugin from generator: error fetching Secret token: secret argocd/other must have label "app.kubernetes.io/part-of"="argocd"',
      );
      await expect(failure).rejects.not.toThrow(TOKEN);
    }
    expect(server.seen).toEqual([]);
    // argocd-secret itself needs no label, as in Argo.
    configMaps['my-plugin'].token = '$plugin.myplugin.token';
    expect(await run(plugin())).toHaveLength(2);
  });

  it('runs inside a matrix, the plugin input built from the first child’s parameters, its own keys in values left to it', async () => {
    const values = { label: '{{ .cluster }}', on: '{{ .branch }}' };
    const entry = {
      matrix: {
        generators: [{ list: { elements: [{ branch: 'main' }] } }, plugin({ input: { parameters: { branch: '{{.branch}}' } }, values })],
      },
    };
    const params = await run(entry);
    expect(server.seen[0].body).toEqual({ applicationSetName: 'myplugin', input: { parameters: { branch: 'main' } } });
    // The first child's keys are filled in before the plugin runs; the plugin's own are left for it.
    expect(params.map((p) => [p.branch, p.cluster, p.values])).toEqual([
      ['main', 'dev', { label: 'dev', on: 'main' }],
      ['main', 'prod', { label: 'prod', on: 'main' }],
    ]);
  });

  describe('answers it cannot use are errors that never show the token', () => {
    it.each([
      [
        'a non-2xx answer',
        (_q: IncomingMessage, s: ServerResponse) => json(s, 500, { message: `boom, token was ${TOKEN}` }),
        /API error with status code 500: \{"message":"boom, token was \*\*\*\*\*\*"\}/,
      ],
      ['malformed JSON', (_q: IncomingMessage, s: ServerResponse) => s.end('{"output": [nope'), /the answer is not JSON/],
      [
        'no output.parameters',
        (_q: IncomingMessage, s: ServerResponse) => json(s, 200, { output: {} }),
        /the answer has no output.parameters list/,
      ],
      [
        'a parameter set that is not an object',
        (_q: IncomingMessage, s: ServerResponse) => json(s, 200, { output: { parameters: [{ a: 1 }, 'x'] } }),
        /output.parameters\[1\] is "x", not an object/,
      ],
    ])('%s', async (_case, answer, message) => {
      server.answer = answer;
      const err = await run(plugin()).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(/^error listing params: error get api 'myplugin': /);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain(TOKEN);
    });

    it('an answer larger than the limit, whether it declares its length or streams', async () => {
      server.answer = (_q, s) => json(s, 200, { output: { parameters: [{ big: 'x'.repeat(5000) }] } });
      await expect(run(plugin(), true, { maxAnswerBytes: 1000 })).rejects.toThrow('the answer is larger than 1000 bytes');
      server.answer = (_q, s) => {
        s.writeHead(200, { 'Content-Type': 'application/json' });
        for (let i = 0; i < 10; i++) s.write('x'.repeat(500));
        s.end();
      };
      await expect(run(plugin(), true, { maxAnswerBytes: 1000 })).rejects.toThrow('the answer is larger than 1000 bytes');
    });

    it('a plugin slower than requestTimeout', async () => {
      server.answer = (_q, s) => setTimeout(() => json(s, 200, { output: { parameters: [] } }), 3000);
      configMaps['my-plugin'].requestTimeout = '1';
      const started = Date.now();
      await expect(run(plugin())).rejects.toThrow("error listing params: error get api 'myplugin': the plugin did not answer within 1s");
      expect(Date.now() - started).toBeLessThan(2500);
    });

    it('a plugin nobody listens for', async () => {
      configMaps['my-plugin'].baseUrl = `http://127.0.0.1:${await freePort()}`;
      await expect(run(plugin())).rejects.toThrow(/error listing params: error get api 'myplugin': fetch failed: connect ECONNREFUSED/);
    });
  });

  it.each([
    [
      'no ConfigMap',
      () => delete configMaps['my-plugin'],
      'error getting plugin from generator: error fetching ConfigMap: configmaps "my-plugin" not found in namespace argocd',
    ],
    [
      'no baseUrl',
      () => delete configMaps['my-plugin'].baseUrl,
      'error getting plugin from generator: baseUrl not found in ConfigMap my-plugin',
    ],
    ['no token', () => delete configMaps['my-plugin'].token, 'error getting plugin from generator: token not found in ConfigMap my-plugin'],
    ['a literal token', () => (configMaps['my-plugin'].token = TOKEN), "token does not reference a secret key starting with '$'"],
    ['a missing Secret', () => (configMaps['my-plugin'].token = '$gone:key'), 'error fetching Secret token: secret argocd/gone not found'],
    [
      'a missing key',
      () => (configMaps['my-plugin'].token = '$plugin.other'),
      'error fetching Secret token: secret argocd/argocd-secret has no key "plugin.other"',
    ],
    [
      'a bad requestTimeout',
      () => (configMaps['my-plugin'].requestTimeout = '10s'),
      'error set requestTimeout: "10s" in ConfigMap my-plugin is not a whole number of seconds',
    ],
  ])('rejects a configuration with %s', async (_case, change, message) => {
    change();
    const err = (await run(plugin()).catch((e: Error) => e)) as Error;
    expect(err.message).toContain(message);
    expect(err.message).not.toContain(TOKEN);
    expect(server.seen).toEqual([]);
  });

  it('needs the ApplicationSet’s namespace', async () => {
    const params = transformEntry(plugin(), generatorRegistry(), undefined, { ...ctx(true), hub: undefined });
    await expect(params).rejects.toThrow('the plugin generator needs the ApplicationSet’s namespace');
  });
});
