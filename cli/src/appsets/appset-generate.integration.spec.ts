// `flotilla appset generate FILE` against the real api-server and repo-server, a kube-sim hub (with
// the spoke's cluster Secret) and a git repository served over HTTP: the Applications the file's
// ApplicationSet would produce, as argocd prints them, and nothing created on the hub.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startAppStack, type AppStack } from '../testing/app-stack.harness';

jest.setTimeout(120_000);

let stack: AppStack;

const appSetFile = (name: string, docs: unknown[]): string => {
  const path = join(stack.dir, `${name}.yaml`);
  writeFileSync(path, docs.map((d) => stringify(d)).join('---\n'));
  return path;
};

const appSet = (generators: unknown[], template: { name: string; project?: string; server?: string }) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name: 'fleet' },
  spec: {
    goTemplate: true,
    generators,
    template: {
      metadata: { name: template.name },
      spec: {
        project: template.project ?? 'default',
        source: { repoURL: stack.repo.url, path: '{{ .path.path }}', targetRevision: 'main' },
        destination: { server: template.server ?? '{{ .server }}', namespace: '{{ .path.basename }}' },
      },
    },
  },
});

const gitDirectories = () => ({ git: { repoURL: stack.repo.url, revision: 'main', directories: [{ path: 'apps/*' }] } });

beforeAll(async () => {
  stack = await startAppStack({
    name: 'appset-generate',
    files: {
      'apps/guestbook/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: guestbook}\n',
      'apps/api/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: api}\n',
    },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('appset generate', () => {
  it('prints the Applications a git × clusters matrix produces as argocd’s wide app table, and creates none', async () => {
    const file = appSetFile('matrix', [appSet([{ matrix: { generators: [gitDirectories(), { clusters: {} }] } }], { name: '{{ .path.basename }}-{{ .name }}' })]);
    const res = await stack.ok(['appset', 'generate', file]);
    const spoke = stack.spoke.access().url;
    const hub = 'https://kubernetes.default.svc';
    const lines = res.stdout.trimEnd().split('\n');
    const header = lines[0];
    expect(header.split(/\s+/)).toEqual(['NAME', 'CLUSTER', 'NAMESPACE', 'PROJECT', 'STATUS', 'HEALTH', 'SYNCPOLICY', 'CONDITIONS', 'REPO', 'PATH', 'TARGET']);
    const rows = lines.slice(1).map((l) => l.split(/\s+/));
    expect(rows).toEqual([
      [`${stack.namespace}/api-spoke`, spoke, 'api', 'default', 'Manual', '<none>', stack.repo.url, 'apps/api', 'main'],
      [`${stack.namespace}/api-in-cluster`, hub, 'api', 'default', 'Manual', '<none>', stack.repo.url, 'apps/api', 'main'],
      [`${stack.namespace}/guestbook-spoke`, spoke, 'guestbook', 'default', 'Manual', '<none>', stack.repo.url, 'apps/guestbook', 'main'],
      [`${stack.namespace}/guestbook-in-cluster`, hub, 'guestbook', 'default', 'Manual', '<none>', stack.repo.url, 'apps/guestbook', 'main'],
    ]);
    // Columns line up: every row's REPO starts where the header's does.
    for (const line of lines.slice(1)) expect(line.indexOf(stack.repo.url)).toBe(header.indexOf('REPO'));
    const apps = await stack.hubObjects.list('argoproj.io/v1alpha1', 'Application', stack.namespace);
    expect(apps.items).toEqual([]);
  });

  it('prints manifests with -o yaml (a list) and -o json (one Application alone), without namespace or status', async () => {
    const file = appSetFile('dirs', [appSet([gitDirectories()], { name: '{{ .path.basename }}', server: 'https://kubernetes.default.svc' })]);
    const yaml = parse((await stack.ok(['appset', 'generate', file, '-o', 'yaml'])).stdout);
    expect(yaml.map((a: any) => a.metadata.name)).toEqual(['api', 'guestbook']);
    expect(yaml[0]).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'api', finalizers: ['resources-finalizer.argocd.argoproj.io'] },
      spec: {
        project: 'default',
        source: { repoURL: stack.repo.url, path: 'apps/api', targetRevision: 'main' },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'api' },
      },
    });
    const one = appSetFile('one', [
      appSet([{ list: { elements: [{ name: 'solo', server: 'https://kubernetes.default.svc', path: { path: 'apps/api', basename: 'api' } }] } }], { name: '{{ .name }}' }),
    ]);
    const json = JSON.parse((await stack.ok(['appset', 'generate', one, '--output', 'json'])).stdout);
    expect(json.metadata).toEqual({ name: 'solo', finalizers: ['resources-finalizer.argocd.argoproj.io'] });
    expect(json.spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'api' });
  });

  it('fails with the server’s reason: a generator that cannot read its repository, a missing project, a foreign namespace', async () => {
    const missing = { git: { repoURL: stack.repo.url.replace(/apps\.git$/, 'nothing.git'), revision: 'main', directories: [{ path: '*' }] } };
    const bad = await stack.flotilla(['appset', 'generate', appSetFile('bad-git', [appSet([missing], { name: 'x' })])]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^FATA\[\d{4}\] rpc error: code = InvalidArgument desc = unable to generate Applications of ApplicationSet: error generating applications: spec\.generators\[0\] \(git\): error generating params from git: /m,
    );
    const noProject = await stack.flotilla(['appset', 'generate', appSetFile('no-project', [appSet([gitDirectories()], { name: 'x', project: 'nope' })])]);
    expect(noProject.code).toBe(1);
    expect(noProject.stderr).toMatch(/rpc error: code = InvalidArgument desc = ApplicationSet references project nope which does not exist$/m);
    const elsewhere = await stack.flotilla(['appset', 'generate', appSetFile('ns', [appSet([gitDirectories()], { name: 'x' })]), '-N', 'elsewhere']);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('ApplicationSet YAML file does not have namespace; using --appset-namespace="elsewhere".');
    expect(elsewhere.stderr).toMatch(/rpc error: code = PermissionDenied desc = namespace 'elsewhere' is not permitted$/m);
  });

  it('needs exactly one named ApplicationSet in the file', async () => {
    const set = appSet([gitDirectories()], { name: 'x' });
    const two = await stack.flotilla(['appset', 'generate', appSetFile('two', [set, { ...set, metadata: { name: 'other' } }])]);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('Input file must contain one ApplicationSet');
    const unnamed = appSetFile('unnamed', [{ ...set, metadata: {} }]);
    const res = await stack.flotilla(['appset', 'generate', unnamed]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`Error generating apps for ApplicationSet in ${unnamed}. ApplicationSet does not have Name field set`);
  });
});
