// `flotilla gpg add/list/get/rm` as a user runs them: the real binary against the api-server process
// on a kube-sim hub, with keys real gpg made; what lands in argocd-gpg-keys-cm is what repo-server reads.
import { CoreV1Api } from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { createGpgSigner, type GpgSigner } from '@flotilla/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  adminKubeConfig,
  freePort,
  prepareHub,
  readyzOk,
  runFlotilla,
  startServiceProcess,
  type CliResult,
  type ServiceProcess,
} from '../testing/flotilla-cli.harness';

jest.setTimeout(120_000);

const NS = 'argocd';
let hub: KubeSim;
let api: ServiceProcess;
let dir: string;
let env: Record<string, string>;
let core: CoreV1Api;
let alice: GpgSigner;
let bob: GpgSigner;

const flotilla = (...args: string[]): Promise<CliResult> => runFlotilla(args, env);
const ok = async (...args: string[]): Promise<CliResult> => {
  const res = await flotilla(...args);
  if (res.code !== 0)
    throw new Error(
      `flotilla ${args.join(' ')} exited ${res.code}\nstdout: ${res.stdout}\nstderr: ${res.stderr}\napi-server: ${api.output().slice(-3000)}`,
    );
  return res;
};
const keysCm = async (): Promise<Record<string, string>> =>
  (await core.readNamespacedConfigMap({ name: 'argocd-gpg-keys-cm', namespace: NS })).data ?? {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-cli-gpg-'));
  alice = createGpgSigner(dir, 'alice');
  bob = createGpgSigner(dir, 'bob');
  hub = await startKubeSim({ name: 'hub' });
  await prepareHub(hub, NS);
  core = adminKubeConfig(hub).makeApiClient(CoreV1Api);
  writeFileSync(join(dir, 'hub.kubeconfig'), hub.kubeconfig());
  const [port, opsPort] = [await freePort(), await freePort()];
  api = await startServiceProcess(
    'api-server',
    'services/api-server/src/main.ts',
    {
      FLOTILLA_KUBECONFIG: join(dir, 'hub.kubeconfig'),
      FLOTILLA_NAMESPACE: NS,
      FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379',
      FLOTILLA_REPO_SERVER: '127.0.0.1:1',
      FLOTILLA_API_PORT: String(port),
      FLOTILLA_OPS_PORT: String(opsPort),
      FLOTILLA_LOG_LEVEL: 'warn',
    },
    readyzOk(opsPort),
  );
  env = { HOME: dir, FLOTILLA_CONFIG: join(dir, 'flotilla', 'config') };
  const secret = await core.readNamespacedSecret({ name: 'argocd-initial-admin-secret', namespace: NS });
  await ok(
    'login',
    `127.0.0.1:${port}`,
    '--plaintext',
    '--username',
    'admin',
    '--password',
    Buffer.from(secret.data!.password, 'base64').toString('utf8'),
  );
});

afterAll(async () => {
  await api?.stop();
  await hub?.stop();
  alice?.dispose();
  bob?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

it('adds keys from a file, lists and shows them, skips a present one, and removes one', async () => {
  const both = join(dir, 'keys.asc');
  writeFileSync(both, `${alice.publicKey}\n${bob.publicKey}`);
  expect((await ok('gpg', 'add', '--from', both)).stdout).toBe('Created 2 key(s) from input file\n');
  expect(Object.keys(await keysCm()).sort()).toEqual([alice.keyId, bob.keyId].sort());

  const list = (await ok('gpg', 'list')).stdout.trim().split('\n');
  expect(list[0].split(/\s+/)).toEqual(['KEYID', 'TYPE', 'IDENTITY']);
  expect(list.slice(1).sort()).toEqual(
    [`${alice.keyId}  ed25519  alice <alice@signers.test>`, `${bob.keyId}  ed25519  bob <bob@signers.test>`].sort(),
  );
  const get = (await ok('gpg', 'get', alice.keyId.toLowerCase())).stdout;
  expect(get).toContain(`Fingerprint:        ${alice.fingerprint}\n`);
  expect(get).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----');
  expect(JSON.parse((await ok('gpg', 'get', bob.fingerprint, '-o', 'json')).stdout)).toMatchObject({
    keyID: bob.keyId,
    owner: 'bob <bob@signers.test>',
  });

  const alone = join(dir, 'alice.asc');
  writeFileSync(alone, alice.publicKey);
  expect((await ok('gpg', 'add', '--from', alone)).stdout).toBe(
    `Created 0 key(s) from input file\n1 key(s) were skipped because they exist already: ${alice.keyId}\n`,
  );

  expect((await ok('gpg', 'rm', bob.keyId)).stdout).toBe(`Deleted key with key ID ${bob.keyId}\n`);
  expect(Object.keys(await keysCm())).toEqual([alice.keyId]);
  const missing = await flotilla('gpg', 'rm', bob.keyId);
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toMatch(/NotFound.*no GnuPG public key with ID/);
});
