// ignoreDifferences.jqPathExpressions as the controller runs them: the engine's comparison with the
// real jq the module loads at start-up. The expressions are the examples of Argo CD's diffing docs.
import type { KubeObject, ResourceIgnoreDifferences } from '@flotilla/api-types';
import { compareAppState, planSync } from '@flotilla/engine';
import { loadJq, type JqWasmClient } from '@flotilla/platform';
import { parse } from 'yaml';

const yaml = (text: string): KubeObject => parse(text) as KubeObject;

const deployment = (initContainers: string, containers: string): KubeObject =>
  yaml(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop, labels: { app: web, foo: from-git } }
spec:
  replicas: 1
  template:
    spec:
      initContainers: ${initContainers}
      containers: ${containers}
`);
const containers = (webPort: string, mesh: string): string =>
  `[{ name: web, image: "web:1", env: [{ name: PORT, value: "${webPort}" }] }, { name: istio-proxy, image: "proxy:1", env: [{ name: MESH, value: ${mesh} }] }]`;
const initContainers = (injected: string): string => `[{ name: migrate, image: "app:1" }, { name: injected-init-container, image: "${injected}" }]`;
const gitDeployment = deployment(initContainers('vault:1'), containers('80', 'a'));
/** Live as a mutating webhook or a person left it. */
const liveDeployment = (over: { foo?: string; webPort?: string; mesh?: string; injected?: string } = {}): KubeObject => {
  const live = deployment(initContainers(over.injected ?? 'vault:1'), containers(over.webPort ?? '80', over.mesh ?? 'a'));
  live.metadata!.labels!.foo = over.foo ?? 'from-git';
  return live;
};
const pod = (cpu: string): KubeObject => yaml(`{ apiVersion: v1, kind: Pod, metadata: { name: p, namespace: shop }, spec: { containers: [{ name: a, image: "a:1", resources: { limits: { cpu: "${cpu}" } } }] } }`);
const webhook = (caBundle: string): KubeObject =>
  yaml(`{ apiVersion: admissionregistration.k8s.io/v1, kind: MutatingWebhookConfiguration, metadata: { name: hooks }, webhooks: [{ name: m.example.com, clientConfig: { caBundle: "${caBundle}", service: { name: s, namespace: shop } } }] }`);

const apps = (jqPathExpressions: string[]): ResourceIgnoreDifferences[] => [{ group: 'apps', kind: 'Deployment', jqPathExpressions }];

let jq: JqWasmClient;
beforeAll(async () => {
  jq = await loadJq();
});
afterAll(() => jq.close());

const compare = (desired: KubeObject, live: KubeObject, ignoreDifferences: ResourceIgnoreDifferences[]) =>
  compareAppState({ appName: 'shop', desired: [desired], live: [live], namespace: 'shop', ignoreDifferences, jq });

describe('jqPathExpressions through real jq', () => {
  it.each<[string, KubeObject, KubeObject, ResourceIgnoreDifferences[], 'Synced' | 'OutOfSync']>([
    ['an init container a webhook rewrites is ignored', gitDeployment, liveDeployment({ injected: 'vault:2' }), apps(['.spec.template.spec.initContainers[] | select(.name == "injected-init-container")']), 'Synced'],
    ['…and shows without the rule', gitDeployment, liveDeployment({ injected: 'vault:2' }), [], 'OutOfSync'],
    ['a label by bracket key', gitDeployment, liveDeployment({ foo: 'changed' }), apps(['.metadata.labels["foo"]']), 'Synced'],
    ['resources of every container, when there are any', pod('1'), pod('2'), [{ kind: 'Pod', jqPathExpressions: ['.spec.containers[]?.resources'] }], 'Synced'],
    ['an injected caBundle of every webhook', webhook(''), webhook('LS0tLS1CRUdJTg=='), [{ group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration', jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'] }], 'Synced'],
    // Beyond the old hand-written subset: a function inside select, then a field of what it kept.
    ['env of the sidecars named istio*', gitDeployment, liveDeployment({ mesh: 'b' }), apps(['.spec.template.spec.containers[] | select(.name | startswith("istio")) | .env']), 'Synced'],
    ['…but not of the app container', gitDeployment, liveDeployment({ webPort: '8080' }), apps(['.spec.template.spec.containers[] | select(.name | startswith("istio")) | .env']), 'OutOfSync'],
  ])('%s', (_name, desired, live, rules, status) => {
    const got = compare(desired, live, rules);
    expect(got.conditions).toEqual([]);
    expect(got.syncStatus).toBe(status);
  });

  it.each([
    ['.spec |||', "ignoreDifferences jqPathExpression \".spec |||\" is not valid jq: syntax error, unexpected '|'"],
    ['.spec.template | to_entries', 'ignoreDifferences jqPathExpression ".spec.template | to_entries" does not select paths: Invalid path expression'],
  ])('reports %s as a condition naming it, and compares the fields it meant to hide', (expression, message) => {
    const got = compare(gitDeployment, liveDeployment({ injected: 'vault:2' }), apps([expression]));
    expect(got.syncStatus).toBe('OutOfSync');
    expect(got.conditions).toEqual([{ type: 'InvalidSpecError', message: expect.stringContaining(message) }]);
  });
});

describe('RespectIgnoreDifferences=true with jqPathExpressions through real jq', () => {
  type Container = { name: string; image: string; env?: { name: string; value: string }[] };
  const applied = (desired: KubeObject, live: KubeObject, jqPathExpressions: string[]): KubeObject | undefined =>
    planSync({ appName: 'shop', namespace: 'shop', desired: [desired], live: [live], options: { syncOptions: ['RespectIgnoreDifferences=true'], ignoreDifferences: apps(jqPathExpressions), jq } }).steps[0]?.tasks[0]
      ?.desired;
  const spec = (obj: KubeObject | undefined) => (obj as { spec: { template: { spec: { initContainers: Container[]; containers: Container[] } } } } | undefined)?.spec.template.spec;

  it("keeps the live version of a selected list element in its place, and applies git's other changes", () => {
    const desired = deployment(initContainers('vault:1'), containers('81', 'a'));
    const got = spec(applied(desired, liveDeployment({ injected: 'vault:2' }), ['.spec.template.spec.initContainers[] | select(.name == "injected-init-container")']));
    expect(got?.initContainers.map((c) => `${c.name}=${c.image}`)).toEqual(['migrate=app:1', 'injected-init-container=vault:2']);
    expect(got?.containers[0].env).toEqual([{ name: 'PORT', value: '81' }]);
  });

  it('keeps a sidecar that only the live object has, where the live object has it', () => {
    const desired = yaml(`{ apiVersion: apps/v1, kind: Deployment, metadata: { name: web, namespace: shop }, spec: { template: { spec: { containers: [{ name: web, image: "web:2" }, { name: log, image: "log:1" }] } } } }`);
    const live = yaml(`{ apiVersion: apps/v1, kind: Deployment, metadata: { name: web, namespace: shop }, spec: { template: { spec: { containers: [{ name: web, image: "web:1" }, { name: istio-proxy, image: "proxy:1" }, { name: log, image: "log:1" }] } } } }`);
    const got = spec(applied(desired, live, ['.spec.template.spec.containers[] | select(.name | startswith("istio"))']));
    expect(got?.containers.map((c) => `${c.name}=${c.image}`)).toEqual(['web=web:2', 'istio-proxy=proxy:1', 'log=log:1']);
  });

  it('keeps live fields inside elements, and a field git has but the live object lacks is not applied', () => {
    const got = spec(applied(gitDeployment, liveDeployment({ mesh: 'b' }), ['.spec.template.spec.containers[] | select(.name | startswith("istio")) | .env']));
    expect(got?.containers[1].env).toEqual([{ name: 'MESH', value: 'b' }]);
    const noEnv = liveDeployment();
    delete spec(noEnv)!.containers[1].env;
    expect(spec(applied(gitDeployment, noEnv, ['.spec.template.spec.containers[] | select(.name | startswith("istio")) | .env']))?.containers[1]).toEqual({ name: 'istio-proxy', image: 'proxy:1' });
  });
});
