import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, KubectlHarness, startKubectlHarness } from './kubectl.harness';

// The real kubectl against kube-sim: everything here is what a GitOps user or tool does daily.
let k: KubectlHarness;

beforeAll(async () => {
  k = await startKubectlHarness();
});
afterAll(async () => {
  await k.stop();
});

const deployment = (replicas: number, labels: string): string => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  labels: {${labels}}
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports: [{ containerPort: 80 }]
`;

const getJson = async (args: string[]): Promise<any> => JSON.parse(await k.ok([...args, '-o', 'json']));

describe('kubectl against kube-sim', () => {
  it('applies twice, the second time as a three-way patch that removes what the file dropped', async () => {
    const first = await k.ok(['apply', '-f', k.writeFile('web-1.yaml', deployment(2, 'tier: frontend, team: a'))]);
    expect(first.trim()).toBe('deployment.apps/web created');
    const created = await getJson(['get', 'deployment', 'web']);
    expect(created.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain('"team":"a"');
    expect(created.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });

    const second = await k.ok(['apply', '-f', k.writeFile('web-2.yaml', deployment(3, 'tier: frontend'))]);
    expect(second.trim()).toBe('deployment.apps/web configured');
    const updated = await getJson(['get', 'deployment', 'web']);
    expect(updated.spec.replicas).toBe(3);
    expect(updated.metadata.labels).toEqual({ tier: 'frontend' });
    expect(updated.metadata.generation).toBe(2);

    const third = await k.ok(['apply', '-f', k.writeFile('web-3.yaml', deployment(3, 'tier: frontend'))]);
    expect(third.trim()).toBe('deployment.apps/web unchanged');
  });

  it('waits in rollout status until the deployment is available', async () => {
    const out = await k.ok(['rollout', 'status', 'deployment/web', '--timeout=30s'], { timeoutMs: 35_000 });
    expect(out).toContain('deployment "web" successfully rolled out');
    const d = await getJson(['get', 'deployment', 'web']);
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: d.metadata.generation });
  });

  it('prints tables the way kubectl users know them', async () => {
    const out = await k.ok(['get', 'deployments']);
    const [header, row] = out.trim().split('\n');
    expect(header.split(/\s+/)).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    expect(row.split(/\s+/).slice(0, 4)).toEqual(['web', '3/3', '3', '3']);
    const pods = await k.ok(['get', 'pods', '-l', 'app=web', '--no-headers']);
    expect(pods.trim().split('\n')).toHaveLength(3);
    expect(pods).toMatch(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/);
  });

  it('shows an object with get -o yaml', async () => {
    const out = await k.ok(['get', 'deployment', 'web', '-o', 'yaml']);
    expect(out).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    expect(out).toContain('  uid: ');
    expect(out).toContain('  resourceVersion: "');
    expect(out).toContain('    - image: nginx:1.27');
  });

  it('sees changes with get -w', async () => {
    const watch = k.spawn(['get', 'configmaps', '-n', 'default', '-w']);
    try {
      await eventually(() => watch.output().includes('kube-root-ca.crt'), 'the initial list in the watch');
      await k.ok(['create', 'configmap', 'watched', '--from-literal=a=1']);
      await eventually(() => /watched\s+1\s/.test(watch.output()), 'the new configmap in the watch');
      await k.ok(['patch', 'configmap', 'watched', '--type=merge', '-p', '{"data":{"b":"2"}}']);
      await eventually(() => /watched\s+2\s/.test(watch.output()), 'the modified configmap in the watch');
    } finally {
      watch.stop();
    }
  });

  it('diffs a file against the live object with the server computing the result', async () => {
    const same = await k.run(['diff', '-f', join(k.dir, 'web-3.yaml')]);
    expect(same.code).toBe(0);
    const changed = await k.run(['diff', '-f', k.writeFile('web-4.yaml', deployment(5, 'tier: frontend'))]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/^-\s+replicas: 3$/m);
    expect(changed.stdout).toMatch(/^\+\s+replicas: 5$/m);
    expect((await getJson(['get', 'deployment', 'web'])).spec.replicas).toBe(3);
  });

  it('applies server-side, reports a conflict naming the other manager, and takes the field with --force-conflicts', async () => {
    const cm = (value: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: default\ndata:\n  key: "${value}"\n`;
    await k.ok(['apply', '--server-side', '--field-manager=alpha', '-f', k.writeFile('ssa-a.yaml', cm('a'))]);
    const conflict = await k.run(['apply', '--server-side', '--field-manager=beta', '-f', k.writeFile('ssa-b.yaml', cm('b'))]);
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toContain('conflict with "alpha"');
    expect(conflict.stderr).toContain('.data.key');
    await k.ok(['apply', '--server-side', '--field-manager=beta', '--force-conflicts', '-f', join(k.dir, 'ssa-b.yaml')]);
    const live = await getJson(['get', 'configmap', 'ssa', '--show-managed-fields']);
    expect(live.data.key).toBe('b');
    const owners = live.metadata.managedFields.filter((m: any) => JSON.stringify(m.fieldsV1).includes('f:key')).map((m: any) => m.manager);
    expect(owners).toEqual(['beta']);
  });

  it('lists api-resources with kinds, short names and scopes', async () => {
    const out = await k.ok(['api-resources']);
    expect(out.split('\n')[0].split(/\s+/)).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    expect(out).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    expect(out).toMatch(/^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
    expect(out).toMatch(/^customresourcedefinitions\s+crd,crds\s+apiextensions.k8s.io\/v1\s+false\s+CustomResourceDefinition$/m);
  });

  it('explains deployment.spec from the OpenAPI documents', async () => {
    const out = await k.ok(['explain', 'deployment.spec']);
    expect(out).toContain('GROUP:      apps');
    expect(out).toContain('KIND:       Deployment');
    expect(out).toMatch(/replicas\s+<integer>/);
    expect(out).toMatch(/template\s+<PodTemplateSpec> -required-/);
  });

  it('deletes with --cascade=foreground only after the dependents are gone', async () => {
    expect((await k.ok(['get', 'replicasets', '-l', 'app=web', '--no-headers'])).trim()).not.toBe('');
    await k.ok(['delete', 'deployment', 'web', '--cascade=foreground', '--timeout=30s'], { timeoutMs: 35_000 });
    expect((await k.run(['get', 'deployment', 'web'])).stderr).toContain('deployments.apps "web" not found');
    expect((await k.ok(['get', 'replicasets,pods', '-l', 'app=web', '-o', 'name'])).trim()).toBe('');
  });

  it('applies the output of kustomize', async () => {
    const base = join(k.dir, 'kustomize');
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, 'kustomization.yaml'), 'namespace: shop\nnamePrefix: prod-\nresources: [ns.yaml, cm.yaml]\nconfigMapGenerator:\n  - name: settings\n    literals: [mode=live]\n');
    writeFileSync(join(base, 'ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
    writeFileSync(join(base, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  a: "1"\n');
    const rendered = await k.ok(['kustomize', base]);
    const out = await k.ok(['apply', '-f', '-'], { stdin: rendered });
    expect(out).toContain('namespace/shop created');
    expect(out).toContain('configmap/prod-app created');
    expect(out).toMatch(/configmap\/prod-settings-[a-z0-9]+ created/);
    expect(await k.ok(['get', 'configmap', 'prod-app', '-n', 'shop', '-o', 'jsonpath={.data.a}'])).toBe('1');
  });
});

describe('service accounts, tokens and RBAC with kubectl', () => {
  const rbac = `
apiVersion: v1
kind: Namespace
metadata:
  name: argocd-manager
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: argocd-manager
  namespace: argocd-manager
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: argocd-manager-role
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["get", "list", "watch"]
  - apiGroups: [""]
    resources: ["events"]
    verbs: ["create", "patch"]
  - apiGroups: ["", "apps", "batch", "networking.k8s.io"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: argocd-manager-role-binding
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: argocd-manager-role
subjects:
  - kind: ServiceAccount
    name: argocd-manager
    namespace: argocd-manager
`;
  let token = '';

  beforeAll(async () => {
    await k.ok(['apply', '-f', k.writeFile('rbac.yaml', rbac)]);
    token = (await k.ok(['create', 'token', 'argocd-manager', '-n', 'argocd-manager', '--duration=8760h'])).trim();
  });

  it('issues a token with kubectl create token', () => {
    expect(token.split('.')).toHaveLength(3);
  });

  it('answers auth can-i for the admin and for the least-privilege account', async () => {
    expect((await k.ok(['auth', 'can-i', 'create', 'clusterroles'])).trim()).toBe('yes');
    const asSa = (args: string[]): Promise<{ code: number; stdout: string }> => k.run(['--token', token, ...args]);
    expect((await asSa(['auth', 'can-i', 'create', 'deployments', '-n', 'default'])).stdout.trim()).toBe('yes');
    expect((await asSa(['auth', 'can-i', 'list', 'customresourcedefinitions'])).stdout.trim()).toBe('yes');
    const denied = await asSa(['auth', 'can-i', 'create', 'clusterroles']);
    expect(denied.stdout.trim()).toBe('no');
    expect(denied.code).toBe(1);
  });

  it('really limits the least-privilege account with 403 Forbidden', async () => {
    const ok = await k.run(['--token', token, 'create', 'deployment', 'sa-made', '--image=nginx', '-n', 'default']);
    expect(ok.code).toBe(0);
    const denied = await k.run(['--token', token, 'create', 'clusterrole', 'escalate', '--verb=*', '--resource=*']);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain(
      'clusterroles.rbac.authorization.k8s.io is forbidden: User "system:serviceaccount:argocd-manager:argocd-manager" cannot create resource "clusterroles" in API group "rbac.authorization.k8s.io" at the cluster scope',
    );
  });

  it('rejects unknown and revoked tokens with 401', async () => {
    const unknown = await k.run(['--token', 'not-a-token', 'get', 'pods']);
    expect(unknown.stderr).toContain('You must be logged in to the server (Unauthorized)');
    k.sim.faults.revokeToken(token);
    const revoked = await k.run(['--token', token, 'get', 'pods']);
    expect(revoked.stderr).toContain('Unauthorized');
  });
});
