import { TestRepository } from '../testing/test-repository';
import { RepositoryRegistry } from './repository.registry';
import { join } from 'node:path';

// Real git: a repository on disk fetched over file://.
let origin: TestRepository;
beforeEach(() => {
  origin = new TestRepository();
  origin.write('a.yaml', 'a: 1\n');
  origin.commit();
});
afterEach(() => origin.dispose());

describe('RepositoryRegistry', () => {
  it('shares one fetch between callers that ask for a fresh look at the same time', async () => {
    const registry = new RepositoryRegistry(join(origin.root, 'cache'), 60_000);
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
    const registry = new RepositoryRegistry(join(origin.root, 'cache'), 60_000);
    await registry.resolve(origin.url, {}, 'main');
    const repo = registry.get(origin.url);
    const realFetch = repo.fetch.bind(repo);
    // The next fetch has read the remote but not yet returned when the push below happens.
    let fetched!: () => void;
    const fetchedRemote = new Promise<void>((r) => (fetched = r));
    jest.spyOn(repo, 'fetch').mockImplementationOnce(async () => {
      await realFetch();
      fetched();
      await new Promise((r) => setTimeout(r, 300));
    });
    const before = registry.resolve(origin.url, {}, 'main', true);
    await fetchedRemote;
    const pushed = origin.write('a.yaml', 'a: 4\n').commit();
    const late = registry.resolve(origin.url, {}, 'main', true);
    expect((await before).sha).not.toBe(pushed);
    expect((await late).sha).toBe(pushed);
  });
  it('resolves a full commit SHA without a fresh fetch when it has the commit, and fetches the one it lacks', async () => {
    const registry = new RepositoryRegistry(join(origin.root, 'cache'), 60_000);
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
