import { ADMIN_ACCOUNT, passwordKeys } from './account.settings';
import { INITIAL_ADMIN_SECRET } from '@flotilla/api-types';
import bcrypt from 'bcryptjs';
import { randomBytes, randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import { retryOnConflict } from '../hub/kube-errors';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { ArgoSettingsStore, SERVER_SECRET_KEY } from '../settings/argo-settings.store';
import { encodeSecretData, KubeSecret } from '../secrets/kube-secret';

const PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BCRYPT_COST = 10;

/**
 * First start, as Argo CD does it: a token signing key, and for admin a random password whose
 * bcrypt hash goes to argocd-secret and whose plain text goes to argocd-initial-admin-secret.
 */
export class InitialAdminService {
  constructor(
    private readonly settings: ArgoSettingsStore,
    private readonly secrets: KubeResourceStore<KubeSecret>,
    private readonly logger: Logger,
  ) {}

  async ensure(): Promise<void> {
    let password: string | undefined;
    const keys = passwordKeys(ADMIN_ACCOUNT);
    const written = await this.settings.updateSecret((current) => {
      const values: Record<string, string> = {};
      if (!current[SERVER_SECRET_KEY]) values[SERVER_SECRET_KEY] = randomBytes(32).toString('base64');
      if (!current[keys.hash]) {
        password ??= randomPassword(16);
        values[keys.hash] = bcrypt.hashSync(password, BCRYPT_COST);
        values[keys.mtime] = new Date().toISOString();
      }
      return Object.keys(values).length > 0 ? values : undefined;
    });
    if (password && written?.[keys.hash]) {
      await this.storeInitialPassword(password);
      this.logger.info(`generated the initial admin password into Secret ${this.secrets.namespace}/${INITIAL_ADMIN_SECRET}`);
    }
  }

  private async storeInitialPassword(password: string): Promise<void> {
    const data = encodeSecretData({ password });
    await retryOnConflict(async () => {
      const existing = await this.secrets.get(INITIAL_ADMIN_SECRET);
      if (existing) await this.secrets.replace({ ...existing, data });
      else await this.secrets.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: INITIAL_ADMIN_SECRET }, type: 'Opaque', data });
    });
  }
}

function randomPassword(length: number): string {
  return Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
}
