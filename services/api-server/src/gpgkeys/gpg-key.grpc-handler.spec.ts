import { createGpgSigner, type GpgSigner } from '@flotilla/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServerHarness, startApiServer } from '../testing/api-server.harness';

// /api/v1/gpgkeys (argocd gpg list/get/add/rm) on the api-server process and a kube-sim hub: keys
// land in argocd-gpg-keys-cm one per long key ID, as repo-server reads them.
describe('GnuPG public keys', () => {
  let api: ApiServerHarness;
  let dir: string;
  let alice: GpgSigner;
  let bob: GpgSigner;
  const cm = async (): Promise<Record<string, string> | undefined> =>
    (await api.kube('GET', `/api/v1/namespaces/${api.namespace}/configmaps/argocd-gpg-keys-cm`)).body?.data;
  const add = (keyData: string, query = '') => api.rest(`/api/v1/gpgkeys${query}`, { method: 'POST', body: JSON.stringify({ keyData }) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'api-gpg-'));
    alice = createGpgSigner(dir, 'alice');
    bob = createGpgSigner(dir, 'bob');
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
    alice?.dispose();
    bob?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a key to argocd-gpg-keys-cm under its long key ID, skips it when present unless upsert, and lists and gets it', async () => {
    const res = await add(alice.publicKey);
    expect(res.status).toBe(200);
    const created = await res.json();
    expect(created.created.items).toEqual([
      expect.objectContaining({
        keyID: alice.keyId,
        fingerprint: alice.fingerprint,
        owner: 'alice <alice@signers.test>',
        subType: 'ed25519',
        trust: 'unknown',
      }),
    ]);
    expect(created.skipped ?? []).toEqual([]);
    expect(Object.keys((await cm()) ?? {})).toEqual([alice.keyId]);
    expect((await cm())?.[alice.keyId]).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----');

    const skipped = await (await add(alice.publicKey)).json();
    expect({ created: skipped.created?.items ?? [], skipped: skipped.skipped }).toEqual({ created: [], skipped: [alice.keyId] });
    expect((await (await add(alice.publicKey, '?upsert=true')).json()).created.items).toHaveLength(1);

    const list = await (await api.rest('/api/v1/gpgkeys')).json();
    expect(list.items.map((k: { keyID: string }) => k.keyID)).toEqual([alice.keyId]);
    // By long key ID or fingerprint, in any case.
    expect((await (await api.rest(`/api/v1/gpgkeys/${alice.fingerprint.toLowerCase()}`)).json()).owner).toBe('alice <alice@signers.test>');
  });

  it('splits several keys into one entry each, and removes one by key ID', async () => {
    await add(`${alice.publicKey}\n${bob.publicKey}`, '?upsert=true');
    const data = (await cm())!;
    expect(Object.keys(data).sort()).toEqual([alice.keyId, bob.keyId].sort());
    expect(data[bob.keyId]).not.toEqual(data[alice.keyId]);
    expect((await (await api.rest(`/api/v1/gpgkeys/${bob.keyId}`)).json()).fingerprint).toBe(bob.fingerprint);

    expect((await api.rest(`/api/v1/gpgkeys?keyID=${bob.keyId}`, { method: 'DELETE' })).status).toBe(200);
    expect(Object.keys((await cm()) ?? {})).toEqual([alice.keyId]);
    const again = await api.rest(`/api/v1/gpgkeys?keyID=${bob.keyId}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect((await again.json()).message).toContain(`no GnuPG public key with ID ${bob.keyId}`);
  });

  it('refuses what is not a public key, a key ID that is not one, and callers without a session', async () => {
    const garbage = await add('not a key');
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).message).toMatch(/no public key found in the key data/);
    const short = await api.rest('/api/v1/gpgkeys/3AFDEB23');
    expect(short.status).toBe(400);
    expect((await short.json()).message).toMatch(/not a GnuPG key ID/);
    expect((await api.rest('/api/v1/gpgkeys', { token: null })).status).toBe(401);
  });
});
