import * as grpc from '@grpc/grpc-js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { RepoServerClient, RepoServerError } from '@flotilla/clients';
import { createGpgSigner, startGitRepo, type GitRepo, type GpgSigner } from '@flotilla/testing';
import { ManifestCacheStore } from '../cache/manifest-cache.store';
import { AppDetailsService } from '../details/app-details.service';
import { GitQueryService } from '../git/git-query.service';
import { RepositoryRegistry } from '../git/repository.registry';
import { RepoServerGrpcHandler } from '../grpc/repo-server.grpc-handler';
import { ManifestGenerationService } from '../manifests/manifest-generation.service';
import { gpgOf, loadRepoServerConfig } from '../repo-server.config';
import { releaseSpecRedis } from '../testing/test-repository';
import { GpgKeyring } from './gpg-keyring.store';
import { SignatureVerificationService } from './signature-verification.service';

// GenerateManifest with verifySignature over real gRPC, against a git repository over HTTP whose
// commits real gpg signs with throwaway keys, and a keyring synced from a directory laid out as
// argocd-gpg-keys-cm is mounted.
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:rs-gpg:${process.pid}:${Date.now()}`;
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {v: "1"}\n';
let root: string;
let keysDir: string;
let repo: GitRepo;
let trusted: GpgSigner;
let stranger: GpgSigner;
let keyring: GpgKeyring;
const servers: grpc.Server[] = [];
const clients: RepoServerClient[] = [];
const warnings: string[] = [];

async function serve(verifies: boolean): Promise<RepoServerClient> {
  const repos = new RepositoryRegistry(join(root, 'cache'), 0);
  const handler = new RepoServerGrpcHandler(
    new ManifestGenerationService(repos, new ManifestCacheStore(redis, 60, prefix)),
    new GitQueryService(repos),
    new AppDetailsService(repos),
    verifies ? new SignatureVerificationService(repos, keyring, 10_000) : undefined,
  );
  const server = new grpc.Server();
  server.addService(handler.definition, handler.implementation());
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  servers.push(server);
  const client = new RepoServerClient(`127.0.0.1:${port}`, { deadlineMs: 20_000 });
  clients.push(client);
  return client;
}

let client: RepoServerClient;
const generate = (revision: string, verifySignature = true) =>
  client.generateManifest({
    repo: { repo: repo.url },
    source: { repoURL: repo.url, path: 'app', targetRevision: revision },
    verifySignature,
    noRevisionCache: true,
  });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'rs-gpg-'));
  keysDir = join(root, 'gpg-source');
  mkdirSync(keysDir);
  repo = await startGitRepo(root);
  trusted = createGpgSigner(root, 'trusted');
  stranger = createGpgSigner(root, 'stranger');
  trusted.publishTo(keysDir);
  keyring = new GpgKeyring({
    sourceDir: keysDir,
    gnupgHome: join(root, 'keyring'),
    timeoutMs: 10_000,
    logger: { info: () => undefined, warn: (m) => warnings.push(m) },
  });
  client = await serve(true);
}, 30_000);

afterAll(async () => {
  for (const c of clients) c.close();
  for (const s of servers) s.forceShutdown();
  trusted?.dispose();
  stranger?.dispose();
  await repo?.stop();
  await releaseSpecRedis(redis, prefix);
  rmSync(root, { recursive: true, force: true });
});

describe('GenerateManifest with verifySignature', () => {
  it('returns the good signature of a commit signed by a key in argocd-gpg-keys-cm', async () => {
    const sha = repo.commit({ 'app/cm.yaml': CM }, 'signed', trusted.signing);
    const out = await generate('main');
    expect(out.revision).toBe(sha);
    expect(out.verifyResult).toMatch(new RegExp(`^\\[GNUPG:\\] GOODSIG ${trusted.keyId} trusted <trusted@signers.test>$`, 'm'));
    expect(out.verifyResult).toMatch(new RegExp(`^\\[GNUPG:\\] VALIDSIG ${trusted.fingerprint} .* ${trusted.fingerprint}$`, 'm'));
    expect(await keyring.installedKeyIds()).toEqual([trusted.keyId]);
    // A cached render is verified again: the answer never comes from the cache.
    expect((await generate('main')).verifyResult).toContain('GOODSIG');
  });

  it('returns nothing for an unsigned commit, and nothing when no verification was asked for', async () => {
    repo.commit({ 'app/cm.yaml': CM.replace('"1"', '"2"') }, 'unsigned');
    expect((await generate('main')).verifyResult).toBe('');
    repo.commit({ 'app/cm.yaml': CM.replace('"1"', '"3"') }, 'signed again', trusted.signing);
    expect((await generate('main', false)).verifyResult).toBe('');
  });

  it('reports the missing public key of a commit signed by a key not in argocd-gpg-keys-cm', async () => {
    repo.commit({ 'app/cm.yaml': CM.replace('"1"', '"4"') }, 'signed by a stranger', stranger.signing);
    const out = await generate('main');
    expect(out.verifyResult).toMatch(new RegExp(`^\\[GNUPG:\\] ERRSIG ${stranger.keyId} .* 9 ${stranger.fingerprint}$`, 'm'));
    expect(out.verifyResult).toContain(`NO_PUBKEY ${stranger.keyId}`);
    expect(out.verifyResult).not.toContain('GOODSIG');
  });

  it('verifies the annotated tag a revision names, and the commit of a lightweight one', async () => {
    const sha = repo.commit({ 'app/cm.yaml': CM.replace('"1"', '"5"') }, 'unsigned, tagged', undefined);
    trusted.tag(repo, 'v1.0.0', sha);
    const tagged = await generate('v1.0.0');
    expect(tagged.revision).toBe(sha);
    expect(tagged.verifyResult).toContain(`GOODSIG ${trusted.keyId}`);
    // The same commit by SHA: the commit itself carries no signature.
    expect((await generate(sha)).verifyResult).toBe('');
  });

  it('follows the ConfigMap: a key added later is used, a key removed is unknown again, a misnamed one is ignored', async () => {
    repo.commit({ 'app/cm.yaml': CM.replace('"1"', '"6"') }, 'stranger again', stranger.signing);
    stranger.publishTo(keysDir);
    expect((await generate('main')).verifyResult).toContain(`GOODSIG ${stranger.keyId}`);
    rmSync(join(keysDir, stranger.keyId));
    const after = await generate('main');
    expect(after.verifyResult).toContain(`NO_PUBKEY ${stranger.keyId}`);
    expect(await keyring.installedKeyIds()).toEqual([trusted.keyId]);
    // Named by another key's ID: not imported, and said so.
    writeFileSync(
      join(
        keysDir,
        trusted.keyId.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
      ),
      stranger.publicKey,
    );
    expect((await generate('main')).verifyResult).toContain(`NO_PUBKEY ${stranger.keyId}`);
    expect(warnings.join('\n')).toContain(`holds key ${stranger.keyId}`);
  });

  it('refuses verification when GnuPG is switched off, naming the setting', async () => {
    const config = loadRepoServerConfig({ ARGOCD_GPG_ENABLED: 'false' });
    expect(gpgOf(config)).toBeUndefined();
    expect(gpgOf(loadRepoServerConfig({ ARGOCD_GPG_DATA_PATH: '/keys' }))?.sourceDir).toBe('/keys');
    expect(gpgOf(loadRepoServerConfig({}))?.sourceDir).toBe('/app/config/gpg/source');
    const repos = new RepositoryRegistry(join(root, 'off'), 0);
    const off = new SignatureVerificationService(repos, undefined, 10_000);
    await expect(off.verify(repo.url, {}, 'a'.repeat(40))).rejects.toThrow(/FLOTILLA_GPG_ENABLED=false/);
    const offClient = await serve(false);
    const err = await offClient
      .generateManifest({ repo: { repo: repo.url }, source: { repoURL: repo.url, path: 'app' }, verifySignature: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RepoServerError);
    expect((err as RepoServerError).code).toBe(grpc.status.FAILED_PRECONDITION);
    expect((err as Error).message).toMatch(/requires signed commits/);
  });
});
