import { CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterManagerInstaller, MANAGER_ROLE, MANAGER_ROLE_BINDING, MANAGER_SERVICE_ACCOUNT, MANAGER_TOKEN_SECRET } from './cluster-manager.installer';
import { loadKubeConfig, readKubeContext } from './kubeconfig.reader';

describe('ClusterManagerInstaller against kube-sim', () => {
  let sim: KubeSim;
  let dir: string;
  let kubeconfigPath: string;

  beforeAll(async () => {
    sim = await startKubeSim({ name: 'spoke-a' });
    dir = mkdtempSync(join(tmpdir(), 'flotilla-cli-install-'));
    kubeconfigPath = join(dir, 'kubeconfig');
    writeFileSync(kubeconfigPath, sim.kubeconfig());
  });

  afterAll(async () => {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the context from the kubeconfig', () => {
    const access = readKubeContext(loadKubeConfig(kubeconfigPath), 'spoke-a');
    expect(access).toMatchObject({ context: 'spoke-a', server: sim.url, caData: sim.caData, insecure: false });
    expect(() => readKubeContext(loadKubeConfig(kubeconfigPath), 'nope')).toThrow('context nope does not exist in kubeconfig');
  });

  it('creates the argocd-manager ServiceAccount, ClusterRole, binding and token, and the token works', async () => {
    const access = readKubeContext(loadKubeConfig(kubeconfigPath), 'spoke-a');
    const log: string[] = [];
    const token = await new ClusterManagerInstaller(access.kubeConfig).install({ systemNamespace: 'kube-system', log: (m) => log.push(m) });
    expect(log).toEqual([
      'ServiceAccount "argocd-manager" created in namespace "kube-system"',
      'ClusterRole "argocd-manager-role" created',
      'ClusterRoleBinding "argocd-manager-role-binding" created',
      'Created bearer token secret "argocd-manager-long-lived-token" for ServiceAccount "argocd-manager"',
    ]);

    const core = access.kubeConfig.makeApiClient(CoreV1Api);
    const rbac = access.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
    await expect(core.readNamespacedServiceAccount({ name: MANAGER_SERVICE_ACCOUNT, namespace: 'kube-system' })).resolves.toBeDefined();
    const role = await rbac.readClusterRole({ name: MANAGER_ROLE });
    expect(role.rules).toEqual([
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]);
    const binding = await rbac.readClusterRoleBinding({ name: MANAGER_ROLE_BINDING });
    expect(binding.roleRef).toMatchObject({ kind: 'ClusterRole', name: MANAGER_ROLE });
    expect(binding.subjects).toEqual([expect.objectContaining({ kind: 'ServiceAccount', name: MANAGER_SERVICE_ACCOUNT, namespace: 'kube-system' })]);
    const secret = await core.readNamespacedSecret({ name: MANAGER_TOKEN_SECRET, namespace: 'kube-system' });
    expect(secret.type).toBe('kubernetes.io/service-account-token');
    expect(Buffer.from(secret.data!.token, 'base64').toString()).toBe(token);

    // The token authenticates as the ServiceAccount, which may now do anything in the cluster.
    const asManager = new KubeConfig();
    asManager.loadFromOptions({
      clusters: [{ name: 'c', server: sim.url, caData: sim.caData }],
      users: [{ name: 'u', token }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    const managerCore = asManager.makeApiClient(CoreV1Api);
    await managerCore.createNamespace({ body: { metadata: { name: 'made-by-manager' } } });
    await expect(managerCore.readNamespace({ name: 'made-by-manager' })).resolves.toBeDefined();
  });

  it('is idempotent: a second run updates the RBAC and reuses the token Secret', async () => {
    const access = readKubeContext(loadKubeConfig(kubeconfigPath), 'spoke-a');
    const log: string[] = [];
    const token = await new ClusterManagerInstaller(access.kubeConfig).install({ systemNamespace: 'kube-system', log: (m) => log.push(m) });
    expect(log).toEqual([
      'ServiceAccount "argocd-manager" already exists in namespace "kube-system"',
      'ClusterRole "argocd-manager-role" updated',
      'ClusterRoleBinding "argocd-manager-role-binding" updated',
      'Using existing bearer token secret "argocd-manager-long-lived-token" for ServiceAccount "argocd-manager"',
    ]);
    expect(token.length).toBeGreaterThan(20);
  });

  it('grants per-namespace Roles when namespaces are given, and uninstall removes the cluster-wide RBAC', async () => {
    const access = readKubeContext(loadKubeConfig(kubeconfigPath), 'spoke-a');
    const core = access.kubeConfig.makeApiClient(CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: 'team-a' } } });
    const log: string[] = [];
    await new ClusterManagerInstaller(access.kubeConfig).install({ systemNamespace: 'kube-system', namespaces: ['team-a'], log: (m) => log.push(m) });
    expect(log).toContain('Role "team-a/argocd-manager-role" created');
    expect(log).toContain('RoleBinding "team-a/argocd-manager-role-binding" created');
    const rbac = access.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
    await expect(rbac.readNamespacedRole({ name: MANAGER_ROLE, namespace: 'team-a' })).resolves.toBeDefined();

    const removed: string[] = [];
    await new ClusterManagerInstaller(access.kubeConfig).uninstall('kube-system', (m) => removed.push(m));
    expect(removed).toEqual(['ClusterRoleBinding "argocd-manager-role-binding" deleted', 'ClusterRole "argocd-manager-role" deleted', 'ServiceAccount "argocd-manager" deleted']);
    await expect(rbac.readClusterRole({ name: MANAGER_ROLE })).rejects.toMatchObject({ code: 404 });
  });
});
