import { ARGO_API_VERSION, NOTIFICATIONS_CM, NOTIFICATIONS_SECRET } from '@flotilla/api-types';
import { KubeApiError, kubeClientFromKubeconfig, type KubeClient } from '@flotilla/platform';

// `flotilla admin notifications` reads argocd-notifications-cm straight from the hub through a
// kubeconfig, as `argocd admin notifications` does, not through the API server.

/** The field manager the catalog's keys are applied under, so later applies update only those. */
export const CATALOG_FIELD_MANAGER = 'flotilla-notifications-catalog';

export interface HubAccess {
  readonly kubeconfig: string;
  readonly context?: string;
  readonly namespace: string;
}

export type KeyChange = 'added' | 'updated' | 'unchanged';

/** What one `catalog apply` did to each catalog key. */
export interface CatalogApplyResult {
  readonly created: boolean;
  readonly keys: readonly { key: string; change: KeyChange }[];
}

/** What `trigger run` and `template notify` read: the ConfigMap, its Secret (decoded) and one Application. */
export interface NotificationsTrialInput {
  readonly data: Record<string, string>;
  readonly secretData: Record<string, string>;
  readonly app: Record<string, unknown>;
}

interface ConfigMap {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  metadata: { name: string; namespace: string };
  data?: Record<string, string>;
}

export class NotificationsHubClient {
  private readonly kube: KubeClient;

  constructor(private readonly access: HubAccess) {
    this.kube = kubeClientFromKubeconfig(access.kubeconfig, access.context);
  }

  /** argocd-notifications-cm's data; undefined when the ConfigMap does not exist. */
  async configMapData(): Promise<Record<string, string> | undefined> {
    try {
      const cm = await this.kube.get<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: NOTIFICATIONS_CM, namespace: this.access.namespace } });
      return cm.data ?? {};
    } catch (err) {
      if (err instanceof KubeApiError && err.code === 404) return undefined;
      throw this.explain(err);
    }
  }

  /** argocd-notifications-cm (which must exist), argocd-notifications-secret (if any) and Application `appName`. */
  async trialInput(appName: string): Promise<NotificationsTrialInput> {
    const namespace = this.access.namespace;
    try {
      const [data, secret, app] = await Promise.all([
        this.configMapData(),
        this.kube.get<{ apiVersion: string; kind: string; data?: Record<string, string> }>({ apiVersion: 'v1', kind: 'Secret', metadata: { name: NOTIFICATIONS_SECRET, namespace } }).catch((err: unknown) => {
          if (err instanceof KubeApiError && err.code === 404) return undefined;
          throw err;
        }),
        this.kube.get({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { name: appName, namespace } }),
      ]);
      if (!data) throw new Error(`${NOTIFICATIONS_CM} not found in namespace ${namespace}`);
      const secretData = Object.fromEntries(Object.entries(secret?.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
      return { data, secretData, app: app as unknown as Record<string, unknown> };
    } catch (err) {
      if (err instanceof KubeApiError && err.code === 404) throw new Error(`application ${appName} not found in namespace ${namespace}`);
      throw err;
    }
  }

  /**
   * Server-side applies `entries` as keys of argocd-notifications-cm (created if missing): keys the
   * catalog does not have are left as they are. A key someone else set differently is a conflict,
   * unless `force` takes it over.
   */
  async applyCatalog(entries: Readonly<Record<string, string>>, force: boolean): Promise<CatalogApplyResult> {
    const before = await this.configMapData();
    const desired: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: NOTIFICATIONS_CM, namespace: this.access.namespace }, data: { ...entries } };
    try {
      await this.kube.apply(desired, { fieldManager: CATALOG_FIELD_MANAGER, force });
    } catch (err) {
      if (err instanceof KubeApiError && err.code === 409) {
        throw new Error(`${NOTIFICATIONS_CM} has catalog keys set differently by someone else (${err.message}); rerun with --force-conflicts to replace them with the catalog's`);
      }
      throw this.explain(err);
    }
    const keys = Object.keys(entries)
      .sort()
      .map((key): { key: string; change: KeyChange } => ({ key, change: before?.[key] === undefined ? 'added' : before[key] === entries[key] ? 'unchanged' : 'updated' }));
    return { created: before === undefined, keys };
  }

  private explain(err: unknown): Error {
    const message = err instanceof Error ? err.message : String(err);
    return new Error(`${NOTIFICATIONS_CM} in namespace ${this.access.namespace}: ${message}`);
  }
}
