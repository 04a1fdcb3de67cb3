// GnuPG public keys (Argo CD's server/gpgkey): argocd-gpg-keys-cm, one entry per long key ID holding
// that key, ASCII-armored. repo-server imports them into its keyring as the ConfigMap changes.
import { longKeyId } from '@flotilla/api-types';
import type { GnuPGPublicKey } from '@flotilla/contracts';
import { isKubeAlreadyExists, retryOnConflict } from '../hub/kube-errors';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { invalidArgument, notFound } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import type { ConfigMap } from '../settings/argo-settings.store';
import { GpgPublicKeyClient, InvalidPublicKeyError, type PublicKeyInfo } from './gpg-public-key.client';

export const ARGOCD_GPG_KEYS_CM = 'argocd-gpg-keys-cm';

/** Argo CD lists imported keys as trusted by its simple model; nothing else is known here. */
const TRUST = 'unknown';

export class GpgKeyService {
  constructor(
    private readonly configMaps: KubeResourceStore<ConfigMap>,
    private readonly gpg = new GpgPublicKeyClient(),
  ) {}

  async list(ctx: CallContext): Promise<GnuPGPublicKey[]> {
    ctx.authorize('gpgkeys', 'get', '');
    const data = (await this.configMaps.get(ARGOCD_GPG_KEYS_CM))?.data ?? {};
    const keys: GnuPGPublicKey[] = [];
    for (const [id, armored] of Object.entries(data).sort(([a], [b]) => a.localeCompare(b))) keys.push(await this.describe(id, armored));
    return keys;
  }

  async get(ctx: CallContext, keyID: string): Promise<GnuPGPublicKey> {
    ctx.authorize('gpgkeys', 'get', '');
    const id = keyIdOf(keyID);
    const armored = (await this.configMaps.get(ARGOCD_GPG_KEYS_CM))?.data?.[id];
    if (armored === undefined) throw notFound(`no GnuPG public key with ID ${id} in ${ARGOCD_GPG_KEYS_CM}`);
    return this.describe(id, armored);
  }

  /** Adds every key in keyData; a key already configured is skipped unless upsert. */
  async create(ctx: CallContext, keyData: string, upsert: boolean): Promise<{ created: GnuPGPublicKey[]; skipped: string[] }> {
    ctx.authorize('gpgkeys', 'create', '');
    if (!keyData.trim()) throw invalidArgument('publicKey.keyData is required: an ASCII-armored public key (gpg --armor --export KEYID)');
    const keys = await this.read(keyData);
    return retryOnRace(async () => {
      const cm = await this.configMaps.get(ARGOCD_GPG_KEYS_CM);
      const data = { ...(cm?.data ?? {}) };
      const created: GnuPGPublicKey[] = [];
      const skipped: string[] = [];
      for (const key of keys) {
        if (data[key.keyID] !== undefined && !upsert) skipped.push(key.keyID);
        else {
          data[key.keyID] = key.keyData;
          created.push(toMessage(key));
        }
      }
      if (created.length) await this.write(cm, data);
      return { created, skipped };
    });
  }

  async delete(ctx: CallContext, keyID: string): Promise<void> {
    ctx.authorize('gpgkeys', 'delete', '');
    const id = keyIdOf(keyID);
    await retryOnRace(async () => {
      const cm = await this.configMaps.get(ARGOCD_GPG_KEYS_CM);
      if (cm?.data?.[id] === undefined) throw notFound(`no GnuPG public key with ID ${id} in ${ARGOCD_GPG_KEYS_CM}`);
      const { [id]: _removed, ...data } = cm.data;
      await this.write(cm, data);
    });
  }

  private async write(cm: ConfigMap | undefined, data: Record<string, string>): Promise<void> {
    if (cm) {
      await this.configMaps.replace({ ...cm, data });
      return;
    }
    await this.configMaps.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: ARGOCD_GPG_KEYS_CM,
        labels: { 'app.kubernetes.io/name': ARGOCD_GPG_KEYS_CM, 'app.kubernetes.io/part-of': 'argocd' },
      },
      data,
    });
  }

  private async read(keyData: string): Promise<PublicKeyInfo[]> {
    try {
      return await this.gpg.read(keyData);
    } catch (err) {
      if (err instanceof InvalidPublicKeyError) throw invalidArgument(err.message);
      throw err;
    }
  }

  /** A ConfigMap entry as Argo's GnuPGPublicKey; an entry gpg cannot read is listed with what is known. */
  private async describe(id: string, armored: string): Promise<GnuPGPublicKey> {
    const keys = await this.gpg.read(armored).catch(() => []);
    const key = keys.find((k) => k.keyID === longKeyId(id)) ?? keys[0];
    return key
      ? { ...toMessage(key), keyData: armored }
      : { keyID: id, owner: '', fingerprint: '', subType: '', trust: 'invalid', keyData: armored };
  }
}

/** Read-modify-write again when another writer changed (409 Conflict) or created (AlreadyExists) the ConfigMap meanwhile. */
async function retryOnRace<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await retryOnConflict(attempt);
    } catch (err) {
      if (!isKubeAlreadyExists(err) || i >= 3) throw err;
    }
  }
}

function keyIdOf(keyID: string): string {
  const id = longKeyId(keyID ?? '');
  if (!id) throw invalidArgument(`"${keyID ?? ''}" is not a GnuPG key ID: give the long key ID (16 hex digits) or the fingerprint`);
  return id;
}

const toMessage = (key: PublicKeyInfo): GnuPGPublicKey => ({
  keyID: key.keyID,
  fingerprint: key.fingerprint,
  owner: key.owner,
  subType: key.subType,
  trust: TRUST,
  keyData: key.keyData,
});
