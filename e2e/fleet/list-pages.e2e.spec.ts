// The application list in pages at fleet scale (issue 19): 1,000 Applications in the hub, read 100
// at a time over REST while other apps are created and deleted, and by `flotilla app list`, which
// reads in pages of 500. Every app present throughout comes exactly once, in (namespace, name)
// order; one created ahead of the cursor comes, one behind it does not. The apps sync nowhere: only
// the api-server runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '@flotilla/api-types';
import { NAMESPACE, startLocalFleet, type LocalFleet } from '@flotilla/local-fleet';

jest.setTimeout(300_000);

const TOTAL = 1_000;
const PAGE = 100;
const BATCH = 50;

let dir: string;
let fleet: LocalFleet;
let base: string;
let token: string;
const timings: string[] = [];

/** Apps made up front have even numbers, so apps made later can fall between any two of them. */
const appName = (n: number): string => `app-${String(n).padStart(4, '0')}`;

const application = (name: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: NAMESPACE, labels: { suite: 'list-pages' } },
  spec: {
    project: 'default',
    source: { repoURL: 'https://example.com/fleet.git', path: `apps/${name}`, targetRevision: 'main' },
    destination: { server: 'https://kubernetes.default.svc', namespace: name },
  },
});

const createApps = async (names: string[]): Promise<void> => {
  for (let i = 0; i < names.length; i += BATCH) await Promise.all(names.slice(i, i + BATCH).map((n) => fleet.hubClient.create(application(n))));
};
const deleteApp = async (name: string): Promise<void> => {
  await fleet.hubClient.delete({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name, namespace: NAMESPACE } });
};

interface Page {
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: { metadata: { name: string } }[];
}

const listPage = async (query: string): Promise<Page> => {
  const res = await fetch(`${base}/api/v1/applications?${query}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`list ${query}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Page;
};

const timed = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  const result = await run();
  timings.push(`${what}: ${Date.now() - started} ms`);
  return result;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-list-pages-e2e-'));
  fleet = await timed('fleet (hub and api-server) up', () =>
    startLocalFleet({ dir, apiPort: 0, spokes: [], only: ['api-server'], cliConfig: join(dir, 'cli', 'config'), queuePrefix: `e2e-pages${process.pid}` }),
  );
  base = `http://${fleet.apiAddress}`;
  const secret = await fleet.hubClient.get<KubeObject & { data: { password: string } }>({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'argocd-initial-admin-secret', namespace: NAMESPACE },
  });
  const login = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    body: JSON.stringify({ username: 'admin', password: Buffer.from(secret.data.password, 'base64').toString() }),
  });
  token = ((await login.json()) as { token: string }).token;
  await timed(`${TOTAL} Applications created in the hub (batches of ${BATCH})`, () => createApps(Array.from({ length: TOTAL }, (_, i) => appName(2 * i))));
});

afterAll(async () => {
  console.log(`list-pages e2e timings:\n  ${timings.join('\n  ')}`);
  await fleet?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the application list in pages', () => {
  it(`reads ${TOTAL} apps ${PAGE} at a time with no gaps or repeats while apps are created and deleted`, async () => {
    const initial = Array.from({ length: TOTAL }, (_, i) => appName(2 * i));
    const seen: string[] = [];
    const createdAhead: string[] = [];
    const createdBehind: string[] = [];
    const deletedAhead: string[] = [];
    // Meanwhile another writer keeps adding apps, each just after one of the initial ones.
    let writing = true;
    const background: string[] = [];
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const name = `${appName(2 * ((i * 37) % TOTAL))}-bg`;
        await fleet.hubClient.create(application(name));
        background.push(name);
      }
    })();

    let pages = 0;
    let continueToken: string | undefined;
    const walkStarted = Date.now();
    do {
      const page = await listPage(`limit=${PAGE}&fields=items.metadata.name${continueToken ? `&continue=${encodeURIComponent(continueToken)}` : ''}`);
      pages++;
      expect(page.items.length).toBeLessThanOrEqual(PAGE);
      seen.push(...page.items.map((a) => a.metadata.name));
      continueToken = page.metadata.continue;
      if (!continueToken) {
        expect(page.metadata.remainingItemCount).toBeUndefined();
        break;
      }
      expect(page.items).toHaveLength(PAGE);
      expect(page.metadata.remainingItemCount).toBeGreaterThan(0);
      // Between pages: an app just behind the cursor and one just ahead of it, and an initial app ahead is deleted.
      const cursor = Number(/^app-(\d{4})/.exec(page.items[page.items.length - 1].metadata.name)![1]);
      const behind = `${appName(cursor - 1)}-behind`;
      const ahead = `${appName(cursor + 1)}-ahead`;
      await createApps([behind, ahead]);
      createdBehind.push(behind);
      createdAhead.push(ahead);
      const doomed = cursor + 6 - (cursor % 2);
      if (doomed < 2 * TOTAL) {
        await deleteApp(appName(doomed));
        deletedAhead.push(appName(doomed));
      }
    } while (continueToken);
    writing = false;
    await writer;
    timings.push(`${pages} pages of ${PAGE} over REST (with writes between them, ${background.length} apps created meanwhile): ${Date.now() - walkStarted} ms`);

    // In order, each once.
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    // Every initial app that was never deleted; none of the deleted ones.
    const kept = initial.filter((n) => !deletedAhead.includes(n));
    expect(kept.filter((n) => !seen.includes(n))).toEqual([]);
    expect(deletedAhead.filter((n) => seen.includes(n))).toEqual([]);
    // Created ahead of the cursor: in a later page; behind it: not at all.
    expect(createdAhead.filter((n) => !seen.includes(n))).toEqual([]);
    expect(createdBehind.filter((n) => seen.includes(n))).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(TOTAL / PAGE);
    expect(background.length).toBeGreaterThan(0);
  });

  it('refuses a continue token it did not issue, saying what is wrong', async () => {
    const res = await fetch(`${base}/api/v1/applications?limit=10&continue=not-a-token!`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 3, message: 'invalid continue token: it is not base64url text' });
  });

  it('gives everything in one answer without a limit, and `flotilla app list` (pages of 500) prints the same apps', async () => {
    const whole = await timed('one List of everything over REST', () => listPage('fields=items.metadata.name'));
    expect(whole.metadata.continue).toBeUndefined();
    const names = whole.items.map((a) => a.metadata.name);
    expect(names.length).toBeGreaterThan(TOTAL);
    const hub = (await fleet.applications()).map((a) => a.metadata.name).sort();
    expect(names).toEqual(hub);
    const out = await timed('flotilla app list -o name', () => fleet.cli('app', 'list', '-o', 'name'));
    expect(out.code).toBe(0);
    expect(out.stdout.trim().split('\n')).toEqual(names.map((n) => `${NAMESPACE}/${n}`));
  });
});
