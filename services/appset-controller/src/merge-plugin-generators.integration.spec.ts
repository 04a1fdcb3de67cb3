// The merge and plugin generators end to end: the real appset-controller against a kube-sim hub and
// real Redis, with an HTTP plugin this spec serves, its ConfigMap and token Secret on the hub.
import 'reflect-metadata';
import { Application, ApplicationSet, KubeObject } from '@flotilla/api-types';
import { KubeClient } from '@flotilla/platform';
import { createServer, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppSetControllerStack, NS, polling, startAppSetControllerStack } from './testing/appset-controller.harness';

const TOKEN = 'plugin-token-31337';
const eventually = polling({ everyMs: 150, lastSeenChars: 600 });

const appSetOf = (name: string, spec: Partial<ApplicationSet['spec']>): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name, namespace: NS },
  spec,
});
const clusterSecret = (name: string, server: string, labels: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: `cluster-${name}`, namespace: NS, labels: { 'argocd.argoproj.io/secret-type': 'cluster', ...labels } },
  stringData: { name, server, config: '{}' },
});

describe('merge and plugin generators in the appset-controller', () => {
  let stack: AppSetControllerStack;
  let kube: KubeClient;
  let plugin: Server;
  const requests: unknown[] = [];
  let answer: (res: ServerResponse) => void;
  const reply = (res: ServerResponse, status: number, body: string): void => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(body);
  };
  const answerWith = (names: string[]) => (res: ServerResponse) =>
    reply(res, 200, JSON.stringify({ output: { parameters: names.map((name) => ({ app: name, owner: { team: `team-${name}` } })) } }));

  const appsOf = async (set: string): Promise<Record<string, Application>> =>
    Object.fromEntries(
      (await kube.list<Application>('argoproj.io/v1alpha1', 'Application', { namespace: NS })).items
        .filter((a) => !a.metadata.deletionTimestamp && a.metadata.ownerReferences?.some((r) => r.name === set))
        .map((a) => [a.metadata.name, a]),
    );
  const namesOf = async (set: string): Promise<string> =>
    Object.keys(await appsOf(set))
      .sort()
      .join();
  const appSet = (name: string): Promise<ApplicationSet> =>
    kube.get<ApplicationSet>({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name, namespace: NS } });
  const condition = (set: ApplicationSet, type: string) => set.status?.conditions?.find((c) => c.type === type);

  beforeAll(async () => {
    plugin = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.headers.authorization !== `Bearer ${TOKEN}` || req.url !== '/api/v1/getparams.execute') return reply(res, 403, '{}');
        requests.push(JSON.parse(Buffer.concat(chunks).toString()));
        answer(res);
      });
    });
    await new Promise<void>((resolve) => plugin.listen(0, '127.0.0.1', resolve));
    answer = answerWith(['alpha', 'beta']);
    stack = await startAppSetControllerStack({
      name: 'appset-merge-plugin',
      env: { FLOTILLA_APPSET_RETRY_BASE_MS: '200', FLOTILLA_APPSET_RETRY_MAX_MS: '1000' },
      beforeStart: async ({ kube }) => {
        await kube.create(clusterSecret('staging', 'https://staging.example:6443', { env: 'staging' }));
        await kube.create(clusterSecret('production', 'https://production.example:6443', { env: 'production' }));
        const baseUrl = `http://127.0.0.1:${(plugin.address() as AddressInfo).port}`;
        await kube.create({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'my-plugin', namespace: NS },
          data: { baseUrl, token: '$plugin.my.token' },
        });
        await kube.create({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'argocd-secret', namespace: NS },
          stringData: { 'plugin.my.token': TOKEN },
        });
      },
    });
    kube = stack.kube;
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    plugin?.closeAllConnections();
    await new Promise((resolve) => plugin?.close(resolve));
  });

  it('a merge of clusters and a list overrides the matching cluster’s values', async () => {
    await kube.create(
      appSetOf('web', {
        generators: [
          {
            merge: {
              mergeKeys: ['server'],
              generators: [
                {
                  clusters: {
                    selector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] },
                    values: { namespace: 'web', replicas: '1' },
                  },
                },
                {
                  list: {
                    elements: [
                      { server: 'https://production.example:6443', 'values.replicas': '5' },
                      { server: 'https://nowhere.example', 'values.replicas': '9' },
                    ],
                  },
                },
              ],
            },
          },
        ],
        template: {
          metadata: { name: '{{name}}-web', labels: { replicas: '{{values.replicas}}' } },
          spec: {
            project: 'default',
            source: { repoURL: 'https://git.example/web.git', path: 'web', targetRevision: 'HEAD' },
            destination: { server: '{{server}}', namespace: '{{values.namespace}}' },
          },
        },
      }),
    );
    await eventually(
      () => namesOf('web'),
      (n) => n === 'production-web,staging-web',
      'two Applications',
    );
    const apps = await appsOf('web');
    expect(apps['production-web'].metadata.labels).toEqual({ replicas: '5' });
    expect(apps['staging-web'].metadata.labels).toEqual({ replicas: '1' });
    expect(apps['production-web'].spec.destination).toEqual({ server: 'https://production.example:6443', namespace: 'web' });
  });

  it('a plugin’s answer becomes Applications, its later answers are read again after requeueAfterSeconds, and a broken answer is a condition that leaves them alone', async () => {
    await kube.create(
      appSetOf('plugged', {
        goTemplate: true,
        goTemplateOptions: ['missingkey=error'],
        generators: [
          {
            plugin: {
              configMapRef: { name: 'my-plugin' },
              input: { parameters: { env: 'dev' } },
              values: { suffix: '-{{ .app }}' },
              requeueAfterSeconds: 1,
            },
          },
        ],
        template: {
          metadata: {
            name: 'plugged-{{ .app }}',
            annotations: { team: '{{ .owner.team }}', env: '{{ .generator.input.parameters.env }}{{ .values.suffix }}' },
          },
          spec: {
            project: 'default',
            source: { repoURL: 'https://git.example/apps.git', path: '{{ .app }}', targetRevision: 'HEAD' },
            destination: { server: 'https://kubernetes.default.svc', namespace: '{{ .app }}' },
          },
        },
      }),
    );
    await eventually(
      () => namesOf('plugged'),
      (n) => n === 'plugged-alpha,plugged-beta',
      'the plugin’s two Applications',
    );
    expect((await appsOf('plugged'))['plugged-beta'].metadata.annotations).toEqual({ team: 'team-beta', env: 'dev-beta' });
    expect(requests[0]).toEqual({ applicationSetName: 'plugged', input: { parameters: { env: 'dev' } } });

    // No watch event: only the generator's requeueAfterSeconds brings the new answer in.
    answer = answerWith(['alpha', 'beta', 'gamma']);
    await eventually(
      () => namesOf('plugged'),
      (n) => n === 'plugged-alpha,plugged-beta,plugged-gamma',
      'the third Application',
    );

    answer = (res) => reply(res, 500, JSON.stringify({ error: `database down; token ${TOKEN}` }));
    const broken = await eventually(
      () => appSet('plugged'),
      (s) => condition(s, 'ErrorOccurred')?.status === 'True',
      'an error condition',
    );
    const message = condition(broken, 'ErrorOccurred')?.message ?? '';
    expect(message).toContain("error listing params: error get api 'plugged': API error with status code 500");
    expect(message).not.toContain(TOKEN);
    answer = (res) => reply(res, 200, '{"output": {"params": []}}');
    await eventually(
      () => appSet('plugged'),
      (s) => (condition(s, 'ErrorOccurred')?.message ?? '').includes('the answer has no output.parameters list'),
      'the malformed answer reported',
    );
    expect(await namesOf('plugged')).toBe('plugged-alpha,plugged-beta,plugged-gamma');

    answer = answerWith(['alpha']);
    await eventually(
      () => namesOf('plugged'),
      (n) => n === 'plugged-alpha',
      'the Applications the plugin no longer answers deleted',
    );
    const healed = await eventually(
      () => appSet('plugged'),
      (s) => condition(s, 'ErrorOccurred')?.status === 'False',
      'the error cleared',
    );
    expect(condition(healed, 'ParametersGenerated')).toMatchObject({ status: 'True' });
  }, 60_000);
});
