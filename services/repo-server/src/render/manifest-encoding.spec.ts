import Redis from 'ioredis';
import { releaseSpecRedis, testConfig, testManifestService, TestRepository } from '../testing/test-repository';
import { ManifestError } from './directory.renderer';

// A manifest committed in Latin-1 through real git and the real manifest cache: refused, not
// rendered with U+FFFD in place of the bytes git holds.
const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
const prefix = `flotilla-test:rs-encoding:${process.pid}:${Date.now()}`;
let repo: TestRepository;

beforeEach(() => {
  repo = new TestRepository();
});
afterEach(() => repo.dispose());
afterAll(async () => {
  await releaseSpecRedis(redis, prefix);
});

describe('manifest encoding', () => {
  it('refuses a directory source file that is not UTF-8, naming the file and the byte offset', async () => {
    const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: menu\ndata:\n  dish: "caf';
    repo.write('app/good.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\ndata:\n  dish: "café"\n');
    repo.write('app/menu.yaml', Buffer.concat([Buffer.from(head), Buffer.from([0xe9]), Buffer.from('"\n')])).commit();
    const config = testConfig(repo.root);
    const service = testManifestService(config, redis, prefix);
    const err = await service.generate({ source: { repoURL: repo.url, path: 'app' }, appName: 'app', noCache: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as Error).message).toBe(`app/menu.yaml: invalid UTF-8 at byte offset ${Buffer.byteLength(head)} (line 6); manifests must be UTF-8`);
  });
});
