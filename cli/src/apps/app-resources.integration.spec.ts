// `flotilla app manifests|resources|patch-resource|delete-resource` against the real api-server,
// repo-server and app-controller, an app synced to a kube-sim spoke: what the user sees, and the
// live objects on the spoke afterwards.
import type { KubernetesObject } from '@kubernetes/client-node';
import { eventually } from '@flotilla/testing';
import { startAppStack, type AppStack } from '../testing/app-stack.harness';

jest.setTimeout(120_000);

const configMap = (name: string, greeting: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {greeting: ${greeting}}\n`;
const files = {
  'guestbook/settings.yaml': configMap('settings', 'hello'),
  'guestbook/extra.yaml': configMap('extra', 'bye'),
  'guestbook/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: guestbook}',
    'spec:',
    '  replicas: 1',
    '  selector: {matchLabels: {app: guestbook}}',
    '  template:',
    '    metadata: {labels: {app: guestbook}}',
    '    spec: {containers: [{name: guestbook, image: "nginx:1.27"}]}',
    '',
  ].join('\n'),
};

let stack: AppStack;
const live = (kind: string, name: string, apiVersion = 'v1'): Promise<KubernetesObject & { data?: Record<string, string>; spec?: { replicas?: number } }> =>
  stack.spokeObjects.read({ apiVersion, kind, metadata: { name, namespace: 'demo' } });

beforeAll(async () => {
  stack = await startAppStack({ name: 'app-res', files, controller: true });
  await stack.ok(['app', 'create', 'guestbook', '--repo', stack.repo.url, '--path', 'guestbook', '--dest-server', stack.spoke.access().url, '--dest-namespace', 'demo', '--sync-option', 'CreateNamespace=true']);
  await stack.ok(['app', 'sync', 'guestbook', '--timeout', '60']);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('app manifests', () => {
  it('prints the target manifests from git as YAML documents', async () => {
    const res = await stack.ok(['app', 'manifests', 'guestbook']);
    const docs = res.stdout.split(/^---\n/m).slice(1);
    expect(docs).toHaveLength(3);
    expect(res.stdout).toContain('---\napiVersion: v1\ndata:\n  greeting: hello\nkind: ConfigMap\nmetadata:\n');
    expect(res.stdout).toContain('  name: settings\n');
    expect(res.stdout).toContain('image: nginx:1.27');
  });

  it('--source live prints the objects on the cluster, with what the cluster added', async () => {
    const cm = await live('ConfigMap', 'settings');
    const res = await eventually(async () => {
      const out = await stack.ok(['app', 'manifests', 'guestbook', '--source', 'live']);
      expect(out.stdout).toContain(`uid: ${cm.metadata!.uid}`);
      return out;
    });
    expect(res.stdout.split(/^---\n/m).slice(1)).toHaveLength(3);
    expect(res.stdout).toContain('  namespace: demo\n');
  });

  it('refuses a source other than git or live', async () => {
    const res = await stack.flotilla(['app', 'manifests', 'guestbook', '--source', 'local']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("Unknown source type 'local' (one of: live|git)");
  });
});

describe('app resources', () => {
  it('lists the top-level resources in argocd columns, in the order of the tree the controller recorded', async () => {
    const res = await stack.ok(['app', 'resources', 'guestbook']);
    expect(res.stdout).toBe(
      [
        'GROUP  KIND        NAMESPACE  NAME       ORPHANED',
        '       ConfigMap   demo       extra      No',
        '       ConfigMap   demo       settings   No',
        'apps   Deployment  demo       guestbook  No',
        '',
      ].join('\n'),
    );
  });

  it('--output tree shows the ReplicaSet and Pod the Deployment owns under it', async () => {
    const res = await eventually(async () => {
      const out = await stack.ok(['app', 'resources', 'guestbook', '--output', 'tree']);
      expect(out.stdout).toMatch(/^ {2}└─\s+Pod\s+demo\s+guestbook-\S+\s+No$/m);
      return out;
    }, 30_000);
    const lines = res.stdout.split('\n');
    const deployment = lines.findIndex((l) => /^apps\s+Deployment\s+demo\s+guestbook\s+No$/.test(l));
    expect(lines[deployment + 1]).toMatch(/^└─apps\s+ReplicaSet\s+demo\s+guestbook-\S+\s+No$/);
    expect(lines[deployment + 2]).toMatch(/^ {2}└─\s+Pod\s+demo\s+guestbook-\S+\s+No$/);
  });

  it('--output tree=detailed adds the age and the health the controller assessed', async () => {
    const res = await eventually(async () => {
      const out = await stack.ok(['app', 'resources', 'guestbook', '--output', 'tree=detailed']);
      expect(out.stdout).toMatch(/^apps\s+Deployment\s+demo\s+guestbook\s+No\s+\d[\dms]*\s+Healthy\s*$/m);
      return out;
    }, 30_000);
    expect(res.stdout.split('\n')[0]).toMatch(/^GROUP\s+KIND\s+NAMESPACE\s+NAME\s+ORPHANED\s+AGE\s+HEALTH\s+REASON$/);
    const bad = await stack.flotilla(['app', 'resources', 'guestbook', '--output', 'wide']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown output format: wide (one of: tree|tree=detailed)');
  });

  it('--orphaned lists only orphaned resources: none here', async () => {
    expect((await stack.ok(['app', 'resources', 'guestbook', '--orphaned'])).stdout).toBe('GROUP  KIND  NAMESPACE  NAME  ORPHANED\n');
  });
});

describe('app patch-resource', () => {
  it('merge-patches the one resource named, on the cluster', async () => {
    const res = await stack.ok(['app', 'patch-resource', 'guestbook', '--kind', 'ConfigMap', '--resource-name', 'settings', '--patch', '{"data": {"greeting": "patched"}}']);
    expect(res.stderr).toMatch(/^INFO\[\d{4}\] Resource 'settings' patched$/m);
    expect((await live('ConfigMap', 'settings')).data).toEqual({ greeting: 'patched' });
  });

  it('takes a JSON patch with --patch-type', async () => {
    await stack.ok([
      'app', 'patch-resource', 'guestbook', '--kind', 'Deployment', '--group', 'apps', '--resource-name', 'guestbook',
      '--patch-type', 'application/json-patch+json', '--patch', '[{"op": "replace", "path": "/spec/replicas", "value": 2}]',
    ]); // prettier-ignore
    expect((await live('Deployment', 'guestbook', 'apps/v1')).spec?.replicas).toBe(2);
  });

  it('refuses to patch several resources without --all, and patches each with it', async () => {
    const several = await stack.flotilla(['app', 'patch-resource', 'guestbook', '--kind', 'ConfigMap', '--patch', '{"data": {"greeting": "both"}}']);
    expect(several.code).toBe(1);
    expect(several.stderr).toMatch(/^FATA\[\d{4}\] multiple resources match inputs, use the --all flag to patch multiple resources$/m);
    expect((await live('ConfigMap', 'extra')).data).toEqual({ greeting: 'bye' });
    const all = await stack.ok(['app', 'patch-resource', 'guestbook', '--kind', 'ConfigMap', '--all', '--patch', '{"data": {"greeting": "both"}}']);
    expect(all.stderr).toMatch(/Resource 'extra' patched[^]*Resource 'settings' patched/);
    expect((await live('ConfigMap', 'extra')).data).toEqual({ greeting: 'both' });
    expect((await live('ConfigMap', 'settings')).data).toEqual({ greeting: 'both' });
  });

  it('needs --kind and --patch, as argocd', async () => {
    const res = await stack.flotilla(['app', 'patch-resource', 'guestbook', '--patch', '{}']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("required option '--kind <kind>' not specified");
  });
});

describe('app delete-resource', () => {
  it('says when nothing matches', async () => {
    const res = await stack.flotilla(['app', 'delete-resource', 'guestbook', '--kind', 'Secret']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^FATA\[\d{4}\] no matching resource found$/m);
  });

  it('deletes the resource named from the cluster', async () => {
    const res = await stack.ok(['app', 'delete-resource', 'guestbook', '--kind', 'ConfigMap', '--resource-name', 'extra', '--force']);
    expect(res.stderr).toMatch(/^INFO\[\d{4}\] Resource 'extra' deleted$/m);
    await eventually(async () => {
      const err = await live('ConfigMap', 'extra').then(
        () => undefined,
        (e: unknown) => e as { code?: number },
      );
      expect(err?.code).toBe(404);
    });
    expect((await live('ConfigMap', 'settings')).data).toEqual({ greeting: 'both' });
  });
});
