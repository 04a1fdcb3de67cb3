import { ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import { createGpgSigner, type GpgSigner } from '@flotilla/testing';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// AppProject signatureKeys through the whole pipeline: commits signed by real gpg with throwaway
// keys, pushed to a git repository over HTTP; repo-server as its own process, its keyring synced from
// a directory laid out as the mounted argocd-gpg-keys-cm; the controller in this process, a kube-sim
// hub and spoke, Redis. Only a commit signed by one of the project's keys is compared and synced.
const id = randomUUID().slice(0, 8);
const NS = `gpg-${id}`;
const PREFIX = `spec-gpg-${id}`;
const cm = (v: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: signed}\ndata: {v: "${v}"}\n`;

describe('signatureKeys: syncing only commits signed by the project’s keys', () => {
  let keysRoot: string;
  let keysDir: string;
  let trusted: GpgSigner;
  let stranger: GpgSigner;
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const ref = (name: string): KubeObject => ({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>(ref(name));
  const comparisonError = async (name: string): Promise<string | undefined> =>
    (await app(name)).status?.conditions?.find((c) => c.type === 'ComparisonError')?.message;
  const sync = (name: string): Promise<unknown> =>
    clusters.hubKube.patch(
      ref(name),
      { operation: { sync: { syncOptions: ['CreateNamespace=true'] }, initiatedBy: { username: 'admin' } } },
      'merge',
    );
  const liveValue = async (namespace: string): Promise<string | undefined> =>
    (
      await clusters.spokeKube
        .get<KubeObject & { data?: Record<string, string> }>({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { namespace, name: 'signed' },
        })
        .catch(() => undefined)
    )?.data?.v;
  /** Waits for the comparison of `sha` to end with the given ComparisonError (none: undefined). */
  const compared = (name: string, sha: string, error: RegExp | undefined) =>
    eventually(async () => {
      const a = await app(name);
      const message = a.status?.conditions?.find((c) => c.type === 'ComparisonError')?.message;
      if (error) expect(message).toMatch(error);
      else expect({ revision: a.status?.sync?.revision, message }).toEqual({ revision: sha, message: undefined });
      if (error) expect(message).toContain(sha);
    });
  /** A sync that must finish; answers its phase and message. */
  const syncResult = async (name: string): Promise<{ phase?: string; message?: string }> => {
    const before = (await app(name)).status?.operationState?.startedAt;
    await sync(name);
    return eventually(async () => {
      const state = (await app(name)).status?.operationState;
      expect(state?.startedAt).not.toBe(before);
      expect(['Succeeded', 'Failed', 'Error']).toContain(state?.phase);
      return { phase: state?.phase, message: state?.message };
    });
  };

  beforeAll(async () => {
    keysRoot = mkdtempSync(join(tmpdir(), 'gpg-spec-'));
    keysDir = join(keysRoot, 'source');
    mkdirSync(keysDir);
    trusted = createGpgSigner(keysRoot, 'trusted');
    stranger = createGpgSigner(keysRoot, 'stranger');
    // Both keys are known to repo-server; only trusted is one of the project's signatureKeys.
    trusted.publishTo(keysDir);
    stranger.publishTo(keysDir);
    stack = await startControllerStack({
      name: 'gpg',
      namespace: NS,
      prefix: PREFIX,
      repoServerEnv: { ARGOCD_GPG_DATA_PATH: keysDir, FLOTILLA_GNUPGHOME: join(keysRoot, 'keyring') },
    });
    ({ clusters, git } = stack);
    await clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'AppProject',
      metadata: { namespace: NS, name: 'signed' },
      spec: {
        sourceRepos: ['*'],
        destinations: [{ server: '*', namespace: '*' }],
        signatureKeys: [{ keyID: trusted.keyId.toLowerCase() }],
      },
    });
    await clusters.hubKube.create({
      apiVersion: ARGO_API_VERSION,
      kind: 'AppProject',
      metadata: { namespace: NS, name: 'default' },
      spec: { sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }] },
    });
  }, 90_000);

  afterAll(async () => {
    await stack?.stop();
    trusted?.dispose();
    stranger?.dispose();
    rmSync(keysRoot, { recursive: true, force: true });
  }, 30_000);

  it('syncs a commit signed by a listed key; refuses an unsigned one, one signed by an unlisted key and one whose key left argocd-gpg-keys-cm', async () => {
    const signed = git.commit({ 'app/cm.yaml': cm('signed') }, 'signed by trusted', trusted.signing);
    for (const [name, project] of [
      ['guarded', 'signed'],
      ['open', 'default'],
    ]) {
      await clusters.hubKube.create({
        ...ref(name),
        spec: {
          project,
          source: { repoURL: git.url, path: 'app', targetRevision: 'main' },
          destination: { server: clusters.spoke.url, namespace: name },
        },
      });
    }
    await compared('guarded', signed, undefined);
    expect(await syncResult('guarded')).toMatchObject({ phase: 'Succeeded' });
    expect(await liveValue('guarded')).toBe('signed');

    // Unsigned: a condition, and a sync fails with it; the cluster keeps the signed content.
    const unsigned = git.commit({ 'app/cm.yaml': cm('unsigned') }, 'unsigned');
    await compared('guarded', unsigned, /is not signed, but project signed requires a GnuPG signature by one of its signatureKeys/);
    const refused = await syncResult('guarded');
    expect(refused.phase).toBe('Error');
    expect(refused.message).toMatch(new RegExp(`revision ${unsigned} is not signed`));
    expect(await liveValue('guarded')).toBe('signed');
    // A project without signatureKeys verifies nothing.
    await compared('open', unsigned, undefined);
    expect(await syncResult('open')).toMatchObject({ phase: 'Succeeded' });
    expect(await liveValue('open')).toBe('unsigned');

    // A good signature, by a key repo-server knows, that the project does not list.
    const byStranger = git.commit({ 'app/cm.yaml': cm('stranger') }, 'signed by stranger', stranger.signing);
    await compared(
      'guarded',
      byStranger,
      new RegExp(
        `signed by stranger <stranger@signers.test> with key ${stranger.keyId}, which is not in the signatureKeys of project signed`,
      ),
    );
    expect((await syncResult('guarded')).message).toMatch(/not in the signatureKeys/);
    expect(await liveValue('guarded')).toBe('signed');

    // Signed by the listed key again: compared and synced.
    const again = git.commit({ 'app/cm.yaml': cm('signed again') }, 'signed by trusted again', trusted.signing);
    await compared('guarded', again, undefined);
    expect(await syncResult('guarded')).toMatchObject({ phase: 'Succeeded' });
    expect(await liveValue('guarded')).toBe('signed again');

    // Its key removed from argocd-gpg-keys-cm: the same commit is signed by an unknown key now.
    rmSync(join(keysDir, trusted.keyId));
    await compared('guarded', again, new RegExp(`signed with key ${trusted.keyId}, which repo-server does not know`));
    expect((await syncResult('guarded')).message).toMatch(/does not know/);
    expect(await comparisonError('open')).toBeUndefined();
  }, 120_000);
});
