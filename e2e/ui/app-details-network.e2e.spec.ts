// The Application details page's network view, grouped nodes and orphaned resources in a real
// Chromium against a running fleet (apart from app-details.e2e.spec.ts, which is near its size limit):
// an app whose traffic goes from an Ingress (kube-sim's ingress controller gives it an address)
// through a Service to the three Pods its selector matches.
import { freePort, logIn, newContext, screenshot, seriousAxeViolations } from '@flotilla/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { startUiFleet, type UiFleet } from './ui.harness';

jest.setTimeout(300_000);

let ui: UiFleet;
let context: BrowserContext;
let page: Page;

async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const node = (kind: string, name?: string) =>
  page.locator(`[data-testid=tree-node][data-kind=${kind}]${name ? `[data-name="${name}"]` : ''}`);

const labels = { app: 'web' };
const web = {
  'deployment.json': {
    ...{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'web:1' }] } },
    },
  },
  'service.json': {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: labels, ports: [{ port: 80, protocol: 'TCP' }] },
  },
  'ingress.json': {
    ...{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' } },
    spec: {
      rules: [
        {
          host: 'web.example.test',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] },
        },
      ],
    },
  },
};

beforeAll(async () => {
  ui = await startUiFleet({ name: 'app-network', spokes: ['dev'], redisPort: await freePort() });
  await ui.fleet.repo.commit(
    Object.fromEntries(Object.entries(web).map(([file, obj]) => [`traffic/${file}`, JSON.stringify(obj, null, 2)])),
    'traffic: a web app behind an Ingress',
  );
  await ui.fleet.hubClient.create({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'traffic', namespace: 'argocd' },
    spec: {
      project: 'default',
      source: { repoURL: ui.fleet.repoUrl, path: 'traffic', targetRevision: 'main' },
      destination: { server: ui.fleet.spokes.get('dev')!.url, namespace: 'traffic' },
      syncPolicy: { automated: {}, syncOptions: ['CreateNamespace=true'] },
    },
  });
  await until(
    'the traffic app to be Synced and Healthy',
    async () => (await ui.fleet.applications()).find((a) => a.metadata.name === 'traffic'),
    (a) => a?.status?.sync?.status === 'Synced' && a.status.health?.status === 'Healthy',
    120_000,
  );
  context = await newContext(ui.browser, ui.baseURL);
  page = await context.newPage();
  await logIn(page, 'admin', ui.fleet.adminPassword);
});

afterAll(async () => {
  await context?.close();
  await ui?.stop();
});

describe('the application details page', () => {
  it('draws the path from the Ingress address through the Ingress and the Service to its pods', async () => {
    await page.goto('/applications/argocd/traffic?view=network');
    const traffic = page.getByTestId('traffic-node');
    await traffic.filter({ hasText: /http:\/\/web\.example\.test\/, \d+\.\d+\.\d+\.\d+/ }).waitFor();
    await until(
      'three pods in the network view',
      () => node('Pod').count(),
      (n) => n === 3,
    );
    for (const kind of ['Ingress', 'Service']) await expect(node(kind, 'web').count()).resolves.toBe(1);
    // Only traffic: the Deployment and its ReplicaSet are not on the path.
    for (const kind of ['Deployment', 'ReplicaSet', 'Application']) await expect(node(kind).count()).resolves.toBe(0);
    const x = async (l: ReturnType<typeof node>) => (await l.first().boundingBox())!.x;
    expect(await x(node('Ingress'))).toBeGreaterThan(await x(traffic));
    expect(await x(node('Service'))).toBeGreaterThan(await x(node('Ingress')));
    expect(await x(node('Pod'))).toBeGreaterThan(await x(node('Service')));
    await expect(page.locator('.graph-edges path').count()).resolves.toBe(5);
    await expect(node('Service').textContent()).resolves.toMatch(/Healthy.*Synced/s);
    await screenshot(page, 'app-details-network');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Service web' }).click();
    await page.waitForURL((u) => u.searchParams.get('resource') === '/Service/traffic/web' && u.searchParams.get('view') === 'network');
    await page.keyboard.press('Escape');
  });

  it('groups the three pods into one node that expands on a click, in the tree and the network view', async () => {
    await page.goto('/applications/argocd/traffic');
    await until(
      'three pods in the tree',
      () => node('Pod').count(),
      (n) => n === 3,
    );
    await page.getByLabel('Group nodes').check();
    await page.waitForURL((u) => u.searchParams.get('group') === 'true');
    const group = page.locator('[data-testid=group-node][data-kind=Pod]');
    await expect(group.getAttribute('data-name')).resolves.toBe('3 Pods');
    await expect(group.textContent()).resolves.toContain('Healthy');
    await expect(node('Pod').count()).resolves.toBe(0);
    await screenshot(page, 'app-details-grouped');
    await page.getByRole('button', { name: 'Expand 3 Pods' }).click();
    await expect(node('Pod').count()).resolves.toBe(3);
    await expect(group.count()).resolves.toBe(0);
    // A link to the grouped network view opens it so.
    await page.goto('/applications/argocd/traffic?view=network&group=true');
    await group.waitFor();
    await expect(page.getByLabel('Group nodes').isChecked()).resolves.toBe(true);
    await expect(node('Pod').count()).resolves.toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows orphaned resources, marked and apart from the app, only when asked to', async () => {
    // The controller's trees carry no orphanedNodes yet (services/app-controller/src/tree/resource-tree.builder.ts),
    // so the tree the page reads gets one added on its way; its stream is cut so that tree stays.
    const stray = { group: '', version: 'v1', kind: 'ConfigMap', namespace: 'traffic', name: 'stray' };
    await page.route('**/api/v1/stream/applications/traffic/resource-tree*', (route) => route.abort());
    await page.route('**/api/v1/applications/traffic/resource-tree*', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), orphanedNodes: [stray] } });
    });
    await page.goto('/applications/argocd/traffic');
    // The managed resources draw at once from the app's status; the pods once the (doctored) tree is read.
    await until(
      'three pods in the tree',
      () => node('Pod').count(),
      (n) => n === 3,
    );
    const edges = await page.locator('.graph-edges path').count();
    await expect(node('ConfigMap', 'stray').count()).resolves.toBe(0);
    await page.getByLabel('Show orphaned (1)').check();
    await page.waitForURL((u) => u.searchParams.get('orphaned') === 'true');
    await expect(node('ConfigMap', 'stray').getAttribute('data-orphaned')).resolves.toBe('true');
    await expect(node('ConfigMap', 'stray').textContent()).resolves.toContain('ConfigMap (orphaned)');
    await expect(page.locator('.graph-edges path').count()).resolves.toBe(edges);
    await screenshot(page, 'app-details-orphaned');
    await page.getByRole('button', { name: 'List' }).click();
    await page.locator('[data-testid=resource-list-row][data-orphaned=true]').filter({ hasText: 'stray' }).waitFor();
    await page.getByLabel('Show orphaned (1)').uncheck();
    await page.locator('[data-testid=resource-list-row][data-orphaned=true]').waitFor({ state: 'detached' });
    await page.unrouteAll();
  });
});
