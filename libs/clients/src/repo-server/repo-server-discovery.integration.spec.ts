import * as grpc from '@grpc/grpc-js';
import { startGitRepo, startRepoServer, type GitRepo, type RepoServerProcess } from '@flotilla/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RepoServerClient } from './repo-server.client';

// A repo-server replica added while callers run (scale-up, an HPA) gets calls once the connections
// they hold age out: callers resolve the headless Service's name again only when they reconnect, and
// repo-server's FLOTILLA_REPO_SERVER_MAX_CONNECTION_AGE_SECONDS makes them. The name here is a
// resolver whose answer the spec changes, as DNS answers change when a pod becomes ready.
const prefix = `spec-rs-discovery-${process.pid}-${Date.now()}`;
const SCHEME = 'spec-replicas';
let addresses: string[] = [];

// Like grpc-js's DNS resolver it answers at most once per interval: grpc-js asks again whenever a
// connection goes idle (every max age here), and an answer on the next tick for every ask can keep
// the process in process.nextTick, starving timers and I/O until the heap runs out.
const MIN_RESOLUTION_INTERVAL_MS = 200;

class SpecResolver implements grpc.experimental.Resolver {
  private last = 0;
  private pending: NodeJS.Timeout | undefined;

  constructor(
    _target: grpc.experimental.GrpcUri,
    private readonly listener: grpc.experimental.ResolverListener,
  ) {}

  updateResolution(): void {
    if (this.pending) return;
    const wait = Math.max(0, this.last + MIN_RESOLUTION_INTERVAL_MS - Date.now());
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.last = Date.now();
      const endpoints = addresses.map((a) => ({ addresses: [{ host: '127.0.0.1', port: Number(a.split(':')[1]) }] }));
      this.listener(grpc.experimental.statusOrFromValue(endpoints), {}, null, '');
    }, wait);
  }

  destroy(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
  }

  static getDefaultAuthority(target: grpc.experimental.GrpcUri): string {
    return target.path;
  }
}

let dir: string;
let git: GitRepo;
let replicas: RepoServerProcess[];
let client: RepoServerClient;

async function rendered(replica: RepoServerProcess): Promise<number> {
  const text = await (await fetch(`http://${replica.opsAddress}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('grpc_server_handled_total') && l.includes('grpc_method="GenerateManifest"') && l.includes('grpc_code="OK"'));
  return line ? Number(line.split(' ').pop()) : 0;
}

const render = () => client.generateManifest({ repo: { repo: git.url }, source: { repoURL: git.url, path: 'guestbook', targetRevision: 'main' }, noCache: true });

beforeAll(async () => {
  grpc.experimental.registerResolver(SCHEME, SpecResolver);
  dir = mkdtempSync(join(tmpdir(), 'repo-server-discovery-'));
  git = await startGitRepo(dir, 'guestbook');
  git.commit({ 'guestbook/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: guestbook\n' }, 'guestbook');
  const env = { FLOTILLA_REPO_SERVER_MAX_CONNECTION_AGE_SECONDS: '1' };
  replicas = await Promise.all([startRepoServer(dir, prefix, env), startRepoServer(dir, prefix, env)]);
  addresses = [replicas[0].address];
  client = new RepoServerClient(`${SCHEME}:repo-server`, { deadlineMs: 30_000 });
}, 120_000);

afterAll(async () => {
  client?.close();
  await Promise.all((replicas ?? []).map((r) => r.stop()));
  await git?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('sends calls to a replica that appeared after the caller connected, once its connections age out', async () => {
  for (let i = 0; i < 10; i++) await render();
  expect(await Promise.all(replicas.map((r) => rendered(r)))).toEqual([10, 0]);

  addresses = replicas.map((r) => r.address);
  // Max age 1 s (±10 %), then the reconnect's re-resolution finds the second replica.
  const deadline = Date.now() + 10_000;
  while ((await rendered(replicas[1])) === 0 && Date.now() < deadline) {
    await render();
    await new Promise((r) => setTimeout(r, 50));
  }
  for (let i = 0; i < 20; i++) await render();
  const [, added] = await Promise.all(replicas.map((r) => rendered(r)));
  expect(added).toBeGreaterThanOrEqual(8);
}, 60_000);
