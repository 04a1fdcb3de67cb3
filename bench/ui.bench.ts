// The web UI at fleet scale: 10,000 Applications over 100 clusters written to a kube-sim hub as the
// controller would write them, the api-server as its own process serving the built UI, and Chromium
// measuring what a user waits for: the first tiles, all apps loaded, the bytes, the page's heap, and
// how long a status change the controller writes takes to show on its tile.
// Run: npm run bench:ui   (BENCH_APPS, BENCH_CLUSTERS to change the scale)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARGO_API_VERSION } from '@flotilla/api-types';
import { buildUi } from '@flotilla/build';
import { NAMESPACE, startLocalFleet } from '@flotilla/local-fleet';
import { launchBrowser, logIn, newContext, ROOT } from '@flotilla/testing';
import type { CDPSession, Page } from 'playwright-core';

const TOTAL = Number(process.env.BENCH_APPS ?? 10_000);
const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 100);
const CHANGES = 5;
const GOALS = { firstTilesMs: 1000, changeVisibleMs: 1000, heapMiB: 150 };

const HEALTH = ['Healthy', 'Healthy', 'Healthy', 'Healthy', 'Progressing', 'Degraded', 'Missing'];
const SYNC = ['Synced', 'Synced', 'Synced', 'OutOfSync'];
const sha = (i: number) => (i * 2654435761).toString(16).padStart(8, '0').repeat(5).slice(0, 40);
const clusterName = (c: number) => `cluster-${String(c).padStart(3, '0')}`;
const clusterServer = (c: number) => `https://${clusterName(c)}.fleet.example.com:6443`;

/** A cluster Secret as `flotilla cluster add` writes it. */
const clusterSecret = (c: number) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: `cluster-${clusterName(c)}`, namespace: NAMESPACE, labels: { 'argocd.argoproj.io/secret-type': 'cluster', env: `env-${c % 4}` } },
  type: 'Opaque',
  data: {
    name: Buffer.from(clusterName(c)).toString('base64'),
    server: Buffer.from(clusterServer(c)).toString('base64'),
    config: Buffer.from(JSON.stringify({ bearerToken: 'x'.repeat(32), tlsClientConfig: { insecure: true } })).toString('base64'),
  },
});

/** An Application with the status the app-controller writes after a sync: ~5 resources, an operation, a summary. */
export function application(i: number) {
  const name = `app-${String(i).padStart(5, '0')}`;
  const c = i % CLUSTERS;
  const ns = `team-${i % 40}`;
  const revision = sha(i);
  const at = new Date(Date.UTC(2026, 11, 7, 12, 0, i % 3600)).toISOString().replace('.000Z', 'Z');
  const health = HEALTH[i % HEALTH.length];
  const sync = SYNC[i % SYNC.length];
  const kinds: [string, string, string][] = [
    ['', 'Service', name],
    ['apps', 'Deployment', name],
    ['', 'ConfigMap', `${name}-config`],
    ['', 'ServiceAccount', name],
    ['networking.k8s.io', 'Ingress', name],
  ];
  const resources = kinds.map(([group, kind, n]) => ({
    group,
    version: 'v1',
    kind,
    namespace: ns,
    name: n,
    status: sync,
    ...(kind === 'Deployment' || kind === 'Service' || kind === 'Ingress' ? { health: { status: health } } : {}),
  }));
  const source = { repoURL: `https://git.example.com/team-${i % 40}/services.git`, path: `apps/${name}/overlays/prod`, targetRevision: 'main' };
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'Application',
    metadata: { name, namespace: NAMESPACE, labels: { team: `team-${i % 40}`, tier: i % 3 ? 'backend' : 'frontend' } },
    spec: {
      project: `project-${i % 10}`,
      source,
      destination: { server: clusterServer(c), namespace: ns },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
    },
    status: {
      sync: { status: sync, revision, comparedTo: { source, destination: { server: clusterServer(c), namespace: ns } } },
      health: { status: health, ...(health === 'Healthy' ? {} : { message: `Deployment ${name} has 0/2 ready replicas` }) },
      operationState: {
        operation: { sync: { revision, prune: true, syncOptions: ['CreateNamespace=true'] }, initiatedBy: { automated: true }, retry: {} },
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: at,
        finishedAt: at,
        syncResult: {
          revision,
          source,
          resources: resources.map((r) => ({ ...r, status: 'Synced', message: `${r.kind.toLowerCase()}/${r.name} configured`, hookPhase: 'Running', syncPhase: 'Sync' })),
        },
      },
      resources,
      summary: { images: [`registry.example.com/team-${i % 40}/${name}:1.${i % 30}.0`], externalURLs: [`https://${name}.example.com`] },
      history: [{ id: 1, revision, deployedAt: at, deployStartedAt: at, source }],
      reconciledAt: at,
      sourceType: 'Kustomize',
    },
  };
}

const mib = (n: number) => (n / 1024 / 1024).toFixed(2);

interface Figures {
  [label: string]: string;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'flotilla-ui-bench-'));
  const ui = await buildUi({ root: ROOT });
  const fleet = await startLocalFleet({ dir, spokes: [], only: ['api-server'], apiPort: 0, cliConfig: join(dir, 'cli', 'config'), queuePrefix: `bench-ui${process.pid}` });
  const browser = await launchBrowser();
  try {
    const { cluster } = fleet.hub;
    const secrets = cluster.resource('', 'secrets');
    for (let c = 0; c < CLUSTERS; c++) cluster.api.create(secrets, NAMESPACE, clusterSecret(c), { fieldManager: 'flotilla' });
    const apps = cluster.resource('argoproj.io', 'applications');
    const writeStarted = Date.now();
    let jsonBytes = 0;
    for (let i = 0; i < TOTAL; i++) {
      const app = application(i);
      if (i === 0) jsonBytes = JSON.stringify(app).length;
      cluster.api.create(apps, NAMESPACE, app, { fieldManager: 'argocd-application-controller' });
    }
    console.log(
      `UI bench: ${TOTAL.toLocaleString('en')} Applications over ${CLUSTERS} clusters written in ${Date.now() - writeStarted} ms ` +
        `(~${(jsonBytes / 1024).toFixed(1)} KiB of JSON each); UI ${ui.built ? 'built' : 'up to date'}; node ${process.version}, ${browser.version()}`,
    );

    const context = await newContext(browser, `http://${fleet.apiAddress}`);
    const page = await context.newPage();
    await logIn(page, 'admin', fleet.adminPassword);
    const cdp = await context.newCDPSession(page);
    const figures: Figures = {};

    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const wire = countWireBytes(cdp);
    // No cached assets either time; the first visit also starts the api-server's watch of the hub.
    const visits: { firstTiles: number }[] = [];
    for (const label of ['first visit after the api-server starts', 'a later visit']) {
      await page.goto('about:blank');
      wire.reset();
      const navStarted = Date.now();
      await page.goto('/applications', { waitUntil: 'commit' });
      await page.getByTestId('app-tile').first().waitFor({ timeout: 60_000 });
      const firstTiles = Date.now() - navStarted;
      // Run in the page; strings since this file is compiled without the DOM's types.
      await page.waitForFunction(`document.querySelector('[data-testid=apps-shown]')?.textContent === '${TOTAL}'`, undefined, {
        timeout: 120_000,
        polling: 50,
      });
      const allShown = Date.now() - navStarted;
      const marks = await page.evaluate<[string, number, unknown][]>(
        `performance.getEntriesByType('mark').filter((m) => m.name.startsWith('flotilla:')).map((m) => [m.name.slice(9), Math.round(m.startTime), m.detail])`,
      );
      await page.waitForFunction(
        `document.querySelector('[data-testid=apps-shown]')?.textContent === '${TOTAL}' && document.querySelector('[aria-busy=false]') !== null`,
        undefined,
        { timeout: 120_000, polling: 50 },
      );
      const allLoaded = Date.now() - navStarted;
      const bytes = wire.total();
      // The page's own mark when the first tiles are in the document (from its navigation start); Playwright's polling sees them later when the page is busy.
      const rendered = marks.find(([name]) => name === 'apps-first-tiles')?.[1] ?? firstTiles;
      visits.push({ firstTiles: rendered });
      figures[`${label}:`] = '';
      figures['  navigation → first tiles rendered'.padEnd(40, ' ') + ' '.repeat(visits.length)] = `${rendered} ms`;
      figures['  navigation → first tiles (seen by Playwright)'.padEnd(40, ' ') + ' '.repeat(visits.length)] = `${firstTiles} ms`;
      figures[`  navigation → all ${TOTAL.toLocaleString('en')} counted on screen`.padEnd(40, ' ') + ' '.repeat(visits.length)] = `${allShown} ms`;
      figures['  navigation → loading ends'.padEnd(40, ' ') + ' '.repeat(visits.length)] = `${allLoaded} ms`;
      figures['  navigation → the stream asked (page boot)'.padEnd(40, ' ') + ' '.repeat(visits.length)] = `${bytes.streamAskedMs} ms`;
      figures['  in the page (ms after navigation)'.padEnd(40, ' ') + ' '.repeat(visits.length)] = marks
        .map(([name, at, detail]) => `${name} ${at}${typeof detail === 'number' ? ` (${detail} apps)` : ''}`)
        .join(', ');
      figures['  bytes on the wire (all)'.padEnd(40, ' ') + ' '.repeat(visits.length)] = `${mib(bytes.all)} MiB`;
      figures['    of which the API (/api/…)'.padEnd(40, ' ') + ' '.repeat(visits.length)] =
        `${mib(bytes.api)} MiB in ${bytes.apiRequests} requests (${mib(bytes.apiDecoded)} MiB of JSON decoded): ` +
        bytes.apiTimes
          .map((t) => `${t.path.replace('/api/v1/', '')} ${t.ms === undefined ? 'open' : `${t.ms} ms`}${t.firstEventMs === undefined ? '' : ` (first event after ${t.firstEventMs} ms)`}`)
          .join(', ');
    }
    const firstTiles = Math.max(...visits.map((v) => v.firstTiles));

    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    const heapMiB = heap.usedSize / 1024 / 1024;
    figures['JS heap after GC (used / total)'] = `${heapMiB.toFixed(1)} / ${(heap.totalSize / 1024 / 1024).toFixed(1)} MiB`;

    const latencies = await statusChanges(page, (name, health) =>
      cluster.api.patch(apps, NAMESPACE, name, 'merge', { status: { health: { status: health } } }, { fieldManager: 'argocd-application-controller' }),
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    figures['status change → on the tile (median / max)'] = `${sorted[sorted.length >> 1]} / ${sorted[sorted.length - 1]} ms over ${CHANGES}`;

    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(width)}  ${v}`);
    const goal = (label: string, ok: boolean, detail: string) => console.log(`  goal ${label.padEnd(34)} ${ok ? 'PASS' : 'MISS'}  (${detail})`);
    goal(`first tiles ≤ ${GOALS.firstTilesMs} ms`, firstTiles <= GOALS.firstTilesMs, `${visits.map((v) => v.firstTiles).join(' ms, ')} ms`);
    goal(`change visible ≤ ${GOALS.changeVisibleMs} ms`, sorted[sorted.length - 1] <= GOALS.changeVisibleMs, `max ${sorted[sorted.length - 1]} ms`);
    goal(`page heap ≤ ${GOALS.heapMiB} MB`, heapMiB <= GOALS.heapMiB, `${heapMiB.toFixed(1)} MiB`);
    await context.close();
  } finally {
    await browser.close().catch(() => undefined);
    await fleet.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Chromium's encodedDataLength (as sent: compressed, with headers) of every request since reset, the
 * API's apart; a stream still open counts what it received so far.
 */
function countWireBytes(cdp: CDPSession) {
  interface Req {
    path: string;
    sentAt: number;
    wire: number;
    decoded: number;
    ms?: number;
    firstEventMs?: number;
  }
  let requests = new Map<string, Req>();
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string }; timestamp: number }) => {
    requests.set(e.requestId, { path: new URL(e.request.url).pathname, sentAt: e.timestamp, wire: 0, decoded: 0 });
  });
  cdp.on('Network.dataReceived', (e: { requestId: string; dataLength: number; encodedDataLength: number }) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.wire += e.encodedDataLength;
    r.decoded += e.dataLength;
  });
  cdp.on('Network.eventSourceMessageReceived', (e: { requestId: string; timestamp: number }) => {
    const r = requests.get(e.requestId);
    if (r && r.firstEventMs === undefined) r.firstEventMs = Math.round((e.timestamp - r.sentAt) * 1000);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number; timestamp: number }) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.wire = e.encodedDataLength;
    r.ms = Math.round((e.timestamp - r.sentAt) * 1000);
  });
  return {
    reset: () => {
      requests = new Map();
    },
    total: () => {
      const all = [...requests.values()];
      const api = all.filter((r) => r.path.startsWith('/api/'));
      const sum = (rs: Req[], f: (r: Req) => number) => rs.reduce((n, r) => n + f(r), 0);
      const document = all.find((r) => r.path === '/applications');
      const stream = all.find((r) => r.path === '/api/v1/stream/applications');
      const streamAskedMs = document && stream ? Math.round((stream.sentAt - document.sentAt) * 1000) : NaN;
      return { streamAskedMs, all: sum(all, (r) => r.wire), api: sum(api, (r) => r.wire), apiDecoded: sum(api, (r) => r.decoded), apiRequests: api.length, apiTimes: api };
    },
  };
}

/**
 * Writes a new health on the app of the first tile, as the controller would, and times until the
 * tile shows it: a MutationObserver in the page stamps the moment the text changes (same clock).
 */
async function statusChanges(page: Page, write: (name: string, health: string) => unknown): Promise<number[]> {
  const name = await page.getByTestId('app-tile').first().getAttribute('data-app');
  if (!name) throw new Error('no tile to change');
  const out: number[] = [];
  for (let n = 0; n < CHANGES; n++) {
    const health = n % 2 ? 'Healthy' : 'Degraded';
    await page.evaluate(`(() => {
      window.seenAt = undefined;
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid=app-tile][data-app="${name}"]')?.textContent?.includes('${health}')) {
          window.seenAt = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    const written = Date.now();
    write(name, health);
    const seen = await page.waitForFunction('window.seenAt', undefined, { timeout: 30_000, polling: 20 });
    out.push(Number(await seen.jsonValue()) - written);
    await new Promise((r) => setTimeout(r, 300));
  }
  return out;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
