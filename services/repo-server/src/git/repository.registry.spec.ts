import { LOCAL_REPOSITORIES, TestRepository } from '../testing/test-repository';
import { RepositoryRegistry } from './repository.registry';
import { join } from 'node:path';

// Real git: a repository on disk fetched over file://, which the registry is told to allow.
let origin: TestRepository;
beforeEach(() => {
  origin = new TestRepository();
  origin.write('a.yaml', 'a: 1\n');
  origin.commit();
});
afterEach(() => origin.dispose());

describe('RepositoryRegistry', () => {
  it('shares one fetch between callers that ask for a fresh look at the same time', async () => {
    const registry = new RepositoryRegistry(join(origin.root, 'cache'), 60_000, Date.now, LOCAL_REPOSITORIES);
    const repo = registry.get(origin.url);
    const fetch = jest.spyOn(repo, 'fetch');
    await registry.resolve(origin.url, {}, 'main');
    expect(fetch).toHaveBeenCalledTimes(1);
    const next = origin.write('a.yaml', 'a: 2\n').commit();
    const shas = await Promise.all(Array.from({ length: 20 }, () => registry.resolve(origin.url, {}, 'main', true)));
    expect(new Set(shas.map((s) => s.sha))).toEqual(new Set([next]));
    expect(fetch.mock.calls.length).toBeLessThanOrEqual(3);
    // Within the TTL a normal resolve does not fetch; a fresh one does, and sees a new commit.
    await registry.resolve(origin.url, {}, 'main');
    const before = fetch.mock.calls.length;
    const third = origin.write('a.yaml', 'a: 3\n').commit();
    expect((await registry.resolve(origin.url, {}, 'main', true)).sha).toBe(third);
    expect(fetch.mock.calls.length).toBe(before + 1);
  });

  it('gives a caller a fetch that started after it asked, not one already running', async () => {
    const registry = new RepositoryRegistry(join(origin.root, 'cache'), 60_000, Date.now, LOCAL_REPOSITORIES);
    await registry.resolve(origin.url, {}, 'main');
    const repo = registry.get(origin.url);
    const realFetch = repo.fetch.bind(repo);
    // The next fetch has read the remote but not yet returned when the push below happens.
    let fetched!: (sha: string) => void;
    const fetchedRemote = new Promise<string>((r) => (fetched = r));
    jest.spyOn(repo, 'fetch').mockImplementationOnce(async () => {
      await realFetch();
      fetched(await repo.resolveRevision('main', { fetch: false }));
      await new Promise((r) => setTimeout(r, 300));
    });
    const before = registry.resolve(origin.url, {}, 'main', true);
    const runningFetchSaw = await fetchedRemote;
    const pushed = origin.write('a.yaml', 'a: 4\n').commit();
    const late = registry.resolve(origin.url, {}, 'main', true);
    expect(runningFetchSaw).not.toBe(pushed);
    // `before` may or may not see the push (the later fetch can land before it reads the clone); `late` must.
    await before;
    expect((await late).sha).toBe(pushed);
  });
  it('resolves a full commit SHA without a fresh fetch when it has the commit, and fetches the one it lacks', async () => {
    const registry = new RepositoryRegistry(join(origin.root, 'cache'), 60_000, Date.now, LOCAL_REPOSITORIES);
    const first = (await registry.resolve(origin.url, {}, 'main')).sha;
    const repo = registry.get(origin.url);
    const fetch = jest.spyOn(repo, 'fetch');
    expect((await registry.resolve(origin.url, {}, first, true)).sha).toBe(first);
    expect(fetch).not.toHaveBeenCalled();
    // A commit pushed since the last fetch is still found by its SHA.
    const pushed = origin.write('a.yaml', 'a: 5\n').commit();
    expect((await registry.resolve(origin.url, {}, pushed, true)).sha).toBe(pushed);
    // A branch, asked for freshly, still fetches.
    await registry.resolve(origin.url, {}, 'main', true);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
