import * as grpc from '@grpc/grpc-js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Redis from 'ioredis';
import { RepoServerClient, RepoServerError } from '@flotilla/clients';
import { ManifestCacheStore } from '../cache/manifest-cache.store';
import { AppDetailsService } from '../details/app-details.service';
import { GitQueryService } from '../git/git-query.service';
import { RepositoryRegistry } from '../git/repository.registry';
import { ManifestGenerationService } from '../manifests/manifest-generation.service';
import { LOCAL_REPOSITORIES, releaseSpecRedis } from '../testing/test-repository';
import { RepoServerGrpcHandler } from './repo-server.grpc-handler';

// The internal API over a real gRPC connection, a real git repository and the real Redis.
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:rs-grpc:${process.pid}:${Date.now()}`;
let root: string;
let origin: string;
let server: grpc.Server;
let client: RepoServerClient;

const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: origin, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } })
    .toString()
    .trim();
const write = (path: string, content: string): void => {
  mkdirSync(dirname(join(origin, path)), { recursive: true });
  writeFileSync(join(origin, path), content);
};
const commit = (): string => {
  git('add', '-A');
  git('commit', '-q', '-m', 'change');
  return git('rev-parse', 'HEAD');
};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'repo-server-grpc-'));
  origin = join(root, 'origin');
  mkdirSync(origin);
  git('init', '-q', '-b', 'main');
  const repos = new RepositoryRegistry(join(root, 'cache'), 60_000, Date.now, LOCAL_REPOSITORIES);
  const handler = new RepoServerGrpcHandler(new ManifestGenerationService(repos, new ManifestCacheStore(redis, 60, prefix)), new GitQueryService(repos), new AppDetailsService(repos));
  server = new grpc.Server();
  server.addService(handler.definition, handler.implementation());
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  client = new RepoServerClient(`127.0.0.1:${port}`, { deadlineMs: 20_000 });
});
afterAll(async () => {
  client.close();
  server.forceShutdown();
  await releaseSpecRedis(redis, prefix);
  rmSync(root, { recursive: true, force: true });
});

describe('RepoServerService over gRPC', () => {
  it('renders manifests, resolves revisions, lists refs, files and directories', async () => {
    write('guestbook/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n');
    write('guestbook/svc.json', '{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"}}');
    write('charts/demo/Chart.yaml', 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
    write('charts/demo/values.yaml', 'a: 1\n');
    write('config/dev/config.json', '{"env":"dev"}');
    write('config/prod/config.json', '{"env":"prod"}');
    write('.github/workflows/ci.yaml', 'on: push\n');
    const sha = commit();
    git('tag', 'v1.0.0');
    const repo = { repo: `file://${origin}` };

    const source = { repoURL: repo.repo, path: 'guestbook', targetRevision: 'main' };
    const out = await client.generateManifest({ repo, source, appName: 'guestbook', namespace: 'web' });
    expect(out).toMatchObject({ revision: sha, sourceType: 'Directory', fromCache: false });
    expect(out.manifests.map((m) => `${m.kind}/${m.metadata?.name}`)).toEqual(['Deployment/web', 'Service/web']);
    expect((await client.generateManifest({ repo, source })).fromCache).toBe(true);

    expect(await client.resolveRevision(repo, 'v1.0.0')).toBe(sha);
    expect(await client.listRefs(repo)).toEqual({ branches: ['main'], tags: ['v1.0.0'] });
    const files = await client.gitFiles(repo, 'HEAD', 'config/*/config.json');
    expect([...files.keys()].sort()).toEqual(['config/dev/config.json', 'config/prod/config.json']);
    expect(JSON.parse(files.get('config/prod/config.json')!.toString())).toEqual({ env: 'prod' });
    expect(await client.gitDirectories(repo, 'HEAD')).toEqual(['charts', 'charts/demo', 'config', 'config/dev', 'config/prod', 'guestbook']);
    expect(await client.appDetails(repo, { repoURL: repo.repo, path: 'charts/demo' })).toEqual({ type: 'Helm', details: { revision: sha, helm: { valueFiles: ['values.yaml'], values: 'a: 1\n', parameters: [{ name: 'a', value: '1' }] } } });
    expect((await client.appDetails(repo, { repoURL: repo.repo, path: 'guestbook' })).type).toBe('Directory');
  });

  it('answers bad input and missing revisions with codes and messages a caller can act on', async () => {
    write('broken/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: [\n');
    commit();
    const repo = { repo: `file://${origin}` };
    const failure = (p: Promise<unknown>): Promise<RepoServerError> => p.then(() => Promise.reject(new Error('expected a failure')), (e: RepoServerError) => e);

    // A fresh look: the repo-server fetched this repository moments ago and would not fetch again yet.
    const malformed = await failure(client.generateManifest({ repo, source: { repoURL: repo.repo, path: 'broken' }, noRevisionCache: true }));
    expect(malformed.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(malformed.message).toMatch(/^broken\/cm\.yaml:\d+:\d+: invalid YAML/);

    const missing = await failure(client.resolveRevision(repo, 'no-such-branch'));
    expect(missing.code).toBe(grpc.status.NOT_FOUND);
    expect(missing.message).toContain("unable to resolve 'no-such-branch'");

    const noPath = await failure(client.generateManifest({ repo, source: { repoURL: repo.repo, path: 'nowhere' } }));
    expect(noPath.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(noPath.message).toContain('nowhere: app path does not exist');

    const unreachable = await failure(client.listRefs({ repo: `file://${root}/does-not-exist`, password: 's3cr3t-value', username: 'u' }));
    expect(unreachable.code).toBe(grpc.status.UNAVAILABLE);
    expect(unreachable.message).not.toContain('s3cr3t-value');
  });
});
