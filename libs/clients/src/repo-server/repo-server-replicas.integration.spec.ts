import * as grpc from '@grpc/grpc-js';
import { startGitRepo, startRepoServer, type GitRepo, type RepoServerProcess } from '@flotilla/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RepoServerClient, RepoServerError } from './repo-server.client';

// Two repo-server processes behind one target, as callers reach the chart's headless Service: the
// calls spread over both, and when one is killed mid-stream every call still gets its manifests.
// (A DNS name with two local addresses is hard to make here; `ipv4:` lists them the same way.)
const prefix = `spec-rs-replicas-${process.pid}-${Date.now()}`;
let dir: string;
let git: GitRepo;
let replicas: RepoServerProcess[];
let client: RepoServerClient;

/** GenerateManifest calls the process answered with `code`, from its own /metrics. */
async function rendered(replica: RepoServerProcess, code = 'OK'): Promise<number> {
  const text = await (await fetch(`http://${replica.opsAddress}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('grpc_server_handled_total') && l.includes('grpc_method="GenerateManifest"') && l.includes(`grpc_code="${code}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

const render = async (): Promise<string[]> => {
  const source = { repoURL: git.url, path: 'guestbook', targetRevision: 'main' };
  // noCache: each call renders from git on the replica it reaches, so a replica's count is its work.
  const out = await client.generateManifest({ repo: { repo: git.url }, source, noCache: true });
  return out.manifests.map((m) => `${m.kind}/${m.metadata?.name}`);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'repo-server-replicas-'));
  git = await startGitRepo(dir, 'guestbook');
  git.commit({ 'guestbook/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: guestbook\ndata:\n  a: b\n' }, 'guestbook');
  replicas = await Promise.all([startRepoServer(dir, prefix), startRepoServer(dir, prefix)]);
  client = new RepoServerClient(`ipv4:${replicas.map((r) => r.address).join(',')}`, { deadlineMs: 30_000 });
}, 120_000);

afterAll(async () => {
  client?.close();
  await Promise.all((replicas ?? []).map((r) => r.stop()));
  await git?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('RepoServerClient over two repo-server replicas', () => {
  it('spreads the calls round robin over both', async () => {
    for (let i = 0; i < 40; i++) expect(await render()).toEqual(['ConfigMap/guestbook']);
    const counts = await Promise.all(replicas.map((r) => rendered(r)));
    expect(counts[0] + counts[1]).toBe(40);
    // Round robin alternates; a reconnect at start may tilt it by a call or two.
    for (const n of counts) expect(n).toBeGreaterThanOrEqual(15);
  }, 60_000);

  it('does not retry an unreachable repository on the other replica: each would fail alike', async () => {
    const source = { repoURL: 'http://127.0.0.1:1/gone.git', path: '.', targetRevision: 'main' };
    const failure = await client.generateManifest({ repo: { repo: source.repoURL }, source, noCache: true }).catch((e: RepoServerError) => e);
    expect(failure).toBeInstanceOf(RepoServerError);
    expect((failure as RepoServerError).code).toBe(grpc.status.UNAVAILABLE);
    const answered = await Promise.all(replicas.map((r) => rendered(r, 'UNAVAILABLE')));
    expect(answered[0] + answered[1]).toBe(1);
  }, 60_000);

  it('loses no call when one replica is killed while calls are in flight on it', async () => {
    const [survivor, victim] = replicas;
    const before = await Promise.all(replicas.map((r) => rendered(r)));
    const total = 160;
    let issued = 0;
    let done = 0;
    const failures: string[] = [];
    // Eight callers at once, as a controller's status processors are: about four in flight on each replica.
    const worker = async (): Promise<void> => {
      while (issued < total) {
        issued++;
        try {
          expect(await render()).toEqual(['ConfigMap/guestbook']);
        } catch (err) {
          failures.push((err as Error).message);
        }
        done++;
      }
    };
    const stream = Promise.all(Array.from({ length: 8 }, worker));
    while (done < 40) await new Promise((r) => setTimeout(r, 5));
    const victimBeforeKill = await rendered(victim);
    await victim.kill();
    const doneAtKill = done;
    await stream;

    expect(failures).toEqual([]);
    expect(done).toBe(total);
    // The victim did its share before the kill, and every call answered after it came from the survivor.
    expect(victimBeforeKill - before[1]).toBeGreaterThan(5);
    expect((await rendered(survivor)) - before[0]).toBeGreaterThanOrEqual(total - doneAtKill);
  }, 90_000);
});
