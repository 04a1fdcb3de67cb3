// `flotilla account list|get|can-i|generate-token|delete-token` as a user runs them: the real binary
// against the api-server process on a kube-sim hub, with the generated token then used as the
// credentials of later commands (through FLOTILLA_AUTH_TOKEN, never on a command line).
import { CoreV1Api } from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
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
let server: string;
const issued: string[] = [];

const flotilla = (args: string[], extra: Record<string, string> = {}): Promise<CliResult> => runFlotilla(args, { ...env, ...extra });
const ok = async (args: string[], extra: Record<string, string> = {}): Promise<CliResult> => {
  const res = await flotilla(args, extra);
  if (res.code !== 0)
    throw new Error(
      `flotilla ${args.join(' ')} exited ${res.code}\nstdout: ${res.stdout}\nstderr: ${res.stderr}\napi-server: ${api.output().slice(-3000)}`,
    );
  return res;
};
/** Runs as the account a token belongs to, without the saved admin context. */
const asToken = (token: string) => ({ FLOTILLA_AUTH_TOKEN: token, FLOTILLA_SERVER: server, FLOTILLA_CONFIG: join(dir, 'none') });
const plain = (args: string[]) => [...args, '--plaintext'];
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-cli-account-'));
  hub = await startKubeSim({ name: 'hub' });
  await prepareHub(hub, NS);
  core = adminKubeConfig(hub).makeApiClient(CoreV1Api);
  await core.createNamespacedConfigMap({
    namespace: NS,
    body: { metadata: { name: 'argocd-cm' }, data: { 'accounts.ci': 'apiKey', 'accounts.dev': 'login' } },
  });
  writeFileSync(join(dir, 'hub.kubeconfig'), hub.kubeconfig());
  const [port, opsPort] = [await freePort(), await freePort()];
  server = `127.0.0.1:${port}`;
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
      FLOTILLA_LOG_LEVEL: 'info',
    },
    readyzOk(opsPort),
  );
  env = { HOME: dir, FLOTILLA_CONFIG: join(dir, 'flotilla', 'config'), TZ: 'UTC' };
  const secret = await core.readNamespacedSecret({ name: 'argocd-initial-admin-secret', namespace: NS });
  await ok([
    'login',
    server,
    '--plaintext',
    '--username',
    'admin',
    '--password',
    Buffer.from(secret.data!.password, 'base64').toString('utf8'),
  ]);
});

afterAll(async () => {
  await api?.stop();
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("lists the accounts in argocd's table, and as json, yaml and names", async () => {
  expect((await ok(['account', 'list'])).stdout).toBe(
    'NAME   ENABLED  CAPABILITIES\nadmin  true     login\nci     true     apiKey\ndev    true     login\n',
  );
  expect(JSON.parse((await ok(['account', 'list', '-o', 'json'])).stdout)).toEqual([
    { name: 'admin', enabled: true, capabilities: ['login'] },
    { name: 'ci', enabled: true, capabilities: ['apiKey'] },
    { name: 'dev', enabled: true, capabilities: ['login'] },
  ]);
  expect(parseYaml((await ok(['account', 'list', '-o', 'yaml'])).stdout)).toHaveLength(3);
  expect((await ok(['account', 'list', '-o', 'name'])).stdout).toBe('admin\nci\ndev\n');
  const bad = await flotilla(['account', 'list', '-o', 'table']);
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/unknown output format: table/);
});

it('generates tokens that print alone on stdout and that argocd-secret lists', async () => {
  const deploy = (await ok(['account', 'generate-token', '--account', 'ci', '--id', 'deploy', '--expires-in', '1h'])).stdout;
  expect(deploy).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  const token = deploy.trim();
  issued.push(token);
  const claims = claimsOf(token);
  expect(claims).toMatchObject({ iss: 'argocd', sub: 'ci:apiKey', jti: 'deploy' });
  expect((claims.exp as number) - (claims.iat as number)).toBe(3600);

  const forever = (await ok(['account', 'generate-token', '-a', 'ci'])).stdout.trim();
  issued.push(forever);
  expect(claimsOf(forever)).not.toHaveProperty('exp');

  const secret = await core.readNamespacedSecret({ name: 'argocd-secret', namespace: NS });
  const listed = JSON.parse(Buffer.from(secret.data!['accounts.ci.tokens'], 'base64').toString()) as { id: string }[];
  expect(listed.map((t) => t.id)).toEqual(['deploy', claimsOf(forever).jti]);
});

it("shows an account's details and tokens as argocd account get does", async () => {
  const [deploy, forever] = issued.map(claimsOf);
  const iso = (s: unknown) => new Date((s as number) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  const out = (await ok(['account', 'get', '--account', 'ci'])).stdout;
  const lines = out.split('\n');
  expect(lines.slice(0, 5)).toEqual(['Name:               ci', 'Enabled:            true', 'Capabilities:       apiKey', '', 'Tokens:']);
  // Columns aligned, newest first.
  const rows = [
    [forever.jti as string, iso(forever.iat), 'never'],
    ['deploy', iso(deploy.iat), iso(deploy.exp)],
  ];
  const w0 = Math.max(2, ...rows.map((r) => r[0].length)) + 2;
  const line = (r: string[]) => `${r[0].padEnd(w0)}${r[1].padEnd(22)}${r[2]}`;
  expect(lines[5]).toBe(line(['ID', 'ISSUED AT', 'EXPIRING AT']));
  expect(lines.slice(6, 8).sort()).toEqual(rows.map(line).sort());
  if ((forever.iat as number) > (deploy.iat as number)) expect(lines[6]).toBe(line(rows[0]));
  expect(JSON.parse((await ok(['account', 'get', '-a', 'ci', '-o', 'json'])).stdout)).toMatchObject({
    name: 'ci',
    tokens: expect.arrayContaining([{ id: 'deploy', issuedAt: deploy.iat, expiresAt: deploy.exp }]),
  });
  expect((await ok(['account', 'get', '-a', 'dev'])).stdout).toMatch(/\nTokens:\nNONE\n$/);
});

it('uses a generated token as credentials: get and can-i answer for its account', async () => {
  const token = issued[0];
  expect((await ok(plain(['account', 'get']), asToken(token))).stdout).toMatch(/^Name: {15}ci\n/);
  expect((await ok(plain(['account', 'can-i', 'get', 'applications', '*']), asToken(token))).stdout).toBe('no\n');
  expect((await ok(['account', 'can-i', 'sync', 'applications', 'default/guestbook'])).stdout).toBe('yes\n');
  expect((await ok(['account', 'can-i', 'create', 'clusters'])).stdout).toBe('yes\n');
  const wrong = await flotilla(['account', 'can-i', 'fly', 'applications', '*']);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(/InvalidArgument desc = \[get create .*\] does not contain fly/);
});

it('deletes a token, which then no longer authenticates', async () => {
  const res = await ok(['account', 'delete-token', '--account', 'ci', 'deploy']);
  expect(res.stdout).toBe('');
  const refused = await flotilla(plain(['account', 'get']), asToken(issued[0]));
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/Unauthenticated desc = invalid session: account ci does not have token with id deploy/);
  expect((await ok(plain(['account', 'get']), asToken(issued[1]))).stdout).toMatch(/^Name: {15}ci\n/);
  const again = await flotilla(['account', 'delete-token', '-a', 'ci', 'deploy']);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/NotFound desc = token with id 'deploy' does not exist/);
});

it('refuses what argocd refuses, in its words, and never shows a token where it should not be', async () => {
  const noKey = await flotilla(['account', 'generate-token', '-a', 'dev']);
  expect(noKey.code).toBe(1);
  expect(noKey.stderr).toMatch(/Unknown desc = account 'dev' does not have apiKey capability/);
  const badDuration = await flotilla(['account', 'generate-token', '-a', 'ci', '--expires-in', '1h30m']);
  expect(badDuration.code).toBe(1);
  expect(badDuration.stderr).toMatch(/Invalid since format '1h30m'\. Expected format <duration><unit> \(e\.g\. 3h\)/);
  const duplicate = await flotilla(['account', 'generate-token', '-a', 'ci', '--id', claimsOf(issued[1]).jti as string]);
  expect(duplicate.stderr).toMatch(/account already has token with id/);
  for (const token of issued) expect(api.output()).not.toContain(token);
});
