// What `cluster add` sets up in the target cluster, as argocd's clusterauth does: the argocd-manager
// ServiceAccount, full access for it (cluster-wide, or per namespace), and a long-lived token Secret.
import { ApiException, CoreV1Api, RbacAuthorizationV1Api, type KubeConfig, type V1PolicyRule, type RbacV1Subject } from '@kubernetes/client-node';
import { CliError } from '../output/cli.error';

export const MANAGER_SERVICE_ACCOUNT = 'argocd-manager';
export const MANAGER_ROLE = 'argocd-manager-role';
export const MANAGER_ROLE_BINDING = 'argocd-manager-role-binding';
export const MANAGER_TOKEN_SECRET = `${MANAGER_SERVICE_ACCOUNT}-long-lived-token`;

const CLUSTER_RULES: V1PolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  { nonResourceURLs: ['*'], verbs: ['*'] },
];
const NAMESPACE_RULES: V1PolicyRule[] = [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }];

export interface InstallOptions {
  /** Where the ServiceAccount and its token live (argocd: kube-system). */
  systemNamespace: string;
  /** Empty: cluster-wide access; otherwise a Role and RoleBinding in each of these namespaces. */
  namespaces?: string[];
  /** How long to wait for the token controller to fill the Secret. */
  tokenTimeoutMs?: number;
  log: (message: string) => void;
}

const isCode = (err: unknown, code: number): boolean => err instanceof ApiException && err.code === code;

/** The API server's own message (a Status body), not the client's HTTP dump. */
function apiMessage(err: unknown): string {
  if (err instanceof ApiException) {
    try {
      const status = JSON.parse(String(err.body)) as { message?: string };
      if (status.message) return status.message;
    } catch {
      // not a Status body; fall through to the generic text
    }
    return `HTTP ${err.code}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export class ClusterManagerInstaller {
  private readonly core: CoreV1Api;
  private readonly rbac: RbacAuthorizationV1Api;

  constructor(kubeConfig: KubeConfig) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  }

  /** Installs everything and returns the ServiceAccount's bearer token. */
  async install(opts: InstallOptions): Promise<string> {
    await this.createServiceAccount(opts);
    const subject: RbacV1Subject = { kind: 'ServiceAccount', name: MANAGER_SERVICE_ACCOUNT, namespace: opts.systemNamespace };
    const roleRef = (kind: 'ClusterRole' | 'Role') => ({ apiGroup: 'rbac.authorization.k8s.io', kind, name: MANAGER_ROLE });
    if (!opts.namespaces?.length) {
      const role = { metadata: { name: MANAGER_ROLE }, rules: CLUSTER_RULES };
      await this.upsert('ClusterRole', MANAGER_ROLE, opts, () => this.rbac.createClusterRole({ body: role }), () => this.rbac.replaceClusterRole({ name: MANAGER_ROLE, body: role }));
      const binding = { metadata: { name: MANAGER_ROLE_BINDING }, roleRef: roleRef('ClusterRole'), subjects: [subject] };
      await this.upsert('ClusterRoleBinding', MANAGER_ROLE_BINDING, opts, () => this.rbac.createClusterRoleBinding({ body: binding }), () =>
        this.rbac.replaceClusterRoleBinding({ name: MANAGER_ROLE_BINDING, body: binding }),
      );
    } else {
      for (const namespace of opts.namespaces) {
        const role = { metadata: { name: MANAGER_ROLE, namespace }, rules: NAMESPACE_RULES };
        await this.upsert('Role', `${namespace}/${MANAGER_ROLE}`, opts, () => this.rbac.createNamespacedRole({ namespace, body: role }), () =>
          this.rbac.replaceNamespacedRole({ name: MANAGER_ROLE, namespace, body: role }),
        );
        const binding = { metadata: { name: MANAGER_ROLE_BINDING, namespace }, roleRef: roleRef('Role'), subjects: [subject] };
        await this.upsert('RoleBinding', `${namespace}/${MANAGER_ROLE_BINDING}`, opts, () => this.rbac.createNamespacedRoleBinding({ namespace, body: binding }), () =>
          this.rbac.replaceNamespacedRoleBinding({ name: MANAGER_ROLE_BINDING, namespace, body: binding }),
        );
      }
    }
    return this.serviceAccountToken(opts);
  }

  /** `cluster rm`: removes what install created cluster-wide (argocd's UninstallClusterManagerRBAC). */
  async uninstall(systemNamespace: string, log: (message: string) => void): Promise<void> {
    const steps: [string, string, () => Promise<unknown>][] = [
      ['ClusterRoleBinding', MANAGER_ROLE_BINDING, () => this.rbac.deleteClusterRoleBinding({ name: MANAGER_ROLE_BINDING })],
      ['ClusterRole', MANAGER_ROLE, () => this.rbac.deleteClusterRole({ name: MANAGER_ROLE })],
      ['ServiceAccount', MANAGER_SERVICE_ACCOUNT, () => this.core.deleteNamespacedServiceAccount({ name: MANAGER_SERVICE_ACCOUNT, namespace: systemNamespace })],
    ];
    for (const [kind, name, remove] of steps) {
      try {
        await remove();
        log(`${kind} "${name}" deleted`);
      } catch (err) {
        if (!isCode(err, 404)) throw new CliError(`failed to delete ${kind}: ${apiMessage(err)}`);
        log(`${kind} "${name}" not found`);
      }
    }
  }

  private async createServiceAccount(opts: InstallOptions): Promise<void> {
    const ns = opts.systemNamespace;
    try {
      await this.core.createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: MANAGER_SERVICE_ACCOUNT, namespace: ns } } });
      opts.log(`ServiceAccount "${MANAGER_SERVICE_ACCOUNT}" created in namespace "${ns}"`);
    } catch (err) {
      if (!isCode(err, 409)) throw new CliError(`failed to create service account "${MANAGER_SERVICE_ACCOUNT}" in namespace "${ns}": ${apiMessage(err)}`);
      opts.log(`ServiceAccount "${MANAGER_SERVICE_ACCOUNT}" already exists in namespace "${ns}"`);
    }
  }

  private async upsert(kind: string, name: string, opts: InstallOptions, create: () => Promise<unknown>, replace: () => Promise<unknown>): Promise<void> {
    try {
      await create();
      opts.log(`${kind} "${name}" created`);
    } catch (err) {
      if (!isCode(err, 409)) throw new CliError(`failed to create ${kind} "${name}": ${apiMessage(err)}`);
      try {
        await replace();
      } catch (updateErr) {
        throw new CliError(`failed to update ${kind} "${name}": ${apiMessage(updateErr)}`);
      }
      opts.log(`${kind} "${name}" updated`);
    }
  }

  /** Creates (or reuses) the token Secret and waits until the token controller has filled it. */
  private async serviceAccountToken(opts: InstallOptions): Promise<string> {
    const namespace = opts.systemNamespace;
    const body = {
      metadata: { name: MANAGER_TOKEN_SECRET, namespace, annotations: { 'kubernetes.io/service-account.name': MANAGER_SERVICE_ACCOUNT } },
      type: 'kubernetes.io/service-account-token',
    };
    try {
      await this.core.createNamespacedSecret({ namespace, body });
      opts.log(`Created bearer token secret "${MANAGER_TOKEN_SECRET}" for ServiceAccount "${MANAGER_SERVICE_ACCOUNT}"`);
    } catch (err) {
      if (!isCode(err, 409)) throw new CliError(`failed to create secret "${MANAGER_TOKEN_SECRET}" for serviceaccount "${MANAGER_SERVICE_ACCOUNT}": ${apiMessage(err)}`);
      opts.log(`Using existing bearer token secret "${MANAGER_TOKEN_SECRET}" for ServiceAccount "${MANAGER_SERVICE_ACCOUNT}"`);
    }
    const deadline = Date.now() + (opts.tokenTimeoutMs ?? 30_000);
    for (;;) {
      let secret;
      try {
        secret = await this.core.readNamespacedSecret({ name: MANAGER_TOKEN_SECRET, namespace });
      } catch (err) {
        throw new CliError(`failed to get secret "${MANAGER_TOKEN_SECRET}" for serviceaccount "${MANAGER_SERVICE_ACCOUNT}": ${apiMessage(err)}`);
      }
      const token = secret.data?.token;
      if (token) return Buffer.from(token, 'base64').toString('utf8');
      if (Date.now() >= deadline) throw new CliError(`failed to get token for serviceaccount "${MANAGER_SERVICE_ACCOUNT}": timed out waiting for the token controller`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
