import { ARGOCD_CM, ARGOCD_RBAC_CM, ARGOCD_SECRET, KubeObject } from '@flotilla/api-types';
import { Account, parseAccounts, passwordKeys } from '../accounts/account.settings';
import { RbacPolicy } from '../accounts/rbac.policy';
import { retryOnConflict } from '../hub/kube-errors';
import { KubeResourceStore } from '../hub/kube-resource.store';
import { decodeSecretData, encodeSecretData, KubeSecret } from '../secrets/kube-secret';

export type ConfigMap = KubeObject & { metadata: { name: string }; data?: Record<string, string> };

/** argocd-secret's key that signs session tokens. */
export const SERVER_SECRET_KEY = 'server.secretkey';

// Settings are read on every authenticated call; a short cache spares the hub, and our own writes clear it.
const CACHE_MS = 1000;

/** Argo CD's settings objects in the hub: argocd-cm, argocd-secret and argocd-rbac-cm. */
export class ArgoSettingsStore {
  private readonly cache = new Map<string, { at: number; value: Promise<Record<string, string>> }>();

  constructor(
    private readonly configMaps: KubeResourceStore<ConfigMap>,
    private readonly secrets: KubeResourceStore<KubeSecret>,
  ) {}

  /** argocd-cm's data; empty when the ConfigMap does not exist. */
  argocdCm(): Promise<Record<string, string>> {
    return this.cached(ARGOCD_CM, async () => (await this.configMaps.get(ARGOCD_CM))?.data ?? {});
  }

  /** argocd-secret's decoded data; empty when the Secret does not exist. */
  argocdSecret(): Promise<Record<string, string>> {
    return this.cached(ARGOCD_SECRET, async () => decodeSecretData(await this.secrets.get(ARGOCD_SECRET)));
  }

  async accounts(): Promise<Map<string, Account>> {
    const [cm, secret] = await Promise.all([this.argocdCm(), this.argocdSecret()]);
    return parseAccounts(cm, secret);
  }

  async account(name: string): Promise<Account | undefined> {
    return (await this.accounts()).get(name);
  }

  async rbac(): Promise<RbacPolicy> {
    const data = await this.cached(ARGOCD_RBAC_CM, async () => (await this.configMaps.get(ARGOCD_RBAC_CM))?.data ?? {});
    return new RbacPolicy(data['policy.csv'] ?? '', data['policy.default'] ?? '');
  }

  /** The HS256 key session tokens are signed with. */
  async serverKey(): Promise<Uint8Array> {
    const secret = await this.secrets.get(ARGOCD_SECRET);
    const encoded = secret?.data?.[SERVER_SECRET_KEY];
    if (!encoded) throw new Error(`${ARGOCD_SECRET} has no ${SERVER_SECRET_KEY}`);
    return Buffer.from(encoded, 'base64');
  }

  /** Stores a new password hash and change time for an account in argocd-secret. */
  async setPassword(name: string, hash: string, mtime: Date): Promise<void> {
    const keys = passwordKeys(name);
    await this.updateSecret(() => ({ [keys.hash]: hash, [keys.mtime]: mtime.toISOString() }));
  }

  /**
   * Read-modify-write of argocd-secret (created when missing). `change` sees the current decoded
   * data and returns the keys to set, or undefined for nothing; it is re-run when another writer won.
   */
  async updateSecret(
    change: (current: Record<string, string>) => Record<string, string> | undefined,
  ): Promise<Record<string, string> | undefined> {
    this.cache.delete(ARGOCD_SECRET);
    try {
      return await retryOnConflict(async () => {
        const secret = await this.secrets.get(ARGOCD_SECRET);
        const values = change(decodeSecretData(secret));
        if (!values) return undefined;
        if (!secret) {
          await this.secrets.create({
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: ARGOCD_SECRET, labels: { 'app.kubernetes.io/part-of': 'argocd' } },
            type: 'Opaque',
            data: encodeSecretData(values),
          });
        } else {
          await this.secrets.replace({ ...secret, data: { ...secret.data, ...encodeSecretData(values) } });
        }
        return values;
      });
    } finally {
      this.cache.delete(ARGOCD_SECRET);
    }
  }

  private cached(key: string, load: () => Promise<Record<string, string>>): Promise<Record<string, string>> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = load();
    this.cache.set(key, { at: Date.now(), value });
    value.catch(() => this.cache.delete(key));
    return value;
  }
}
