// The Application details page in a real Chromium against a running fleet: the guestbook's resource
// tree (Application → Deployment → ReplicaSet → Pod, from kube-sim's real controllers), filters and
// the list view in the URL, and the resource panel: live manifest, a pod's logs, the diff once the
// Deployment is scaled on the spoke, the restart action, and Escape to close.
import type { Application, KubeObject } from '@flotilla/api-types';
import { renderKubeconfig } from '@flotilla/kube-sim';
import { kubeClientFromKubeconfigString, type KubeClient } from '@flotilla/platform';
import { freePort, logIn, newContext, screenshot, seriousAxeViolations } from '@flotilla/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { appsSyncedAndHealthy, startUiFleet, type UiFleet } from './ui.harness';

jest.setTimeout(300_000);

const APP = 'guestbook-dev';
const DEPLOYMENT = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'guestbook-ui', namespace: 'guestbook' } };

let ui: UiFleet;
let spoke: KubeClient;
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

const app = async (): Promise<Application> => (await ui.fleet.applications()).find((a) => a.metadata.name === APP)!;
/** The names of the guestbook's pods on the spoke that are not going away. */
const livePods = async (): Promise<string[]> =>
  (await spoke.list<KubeObject>('v1', 'Pod', { namespace: 'guestbook' })).items
    .filter((p) => !p.metadata?.deletionTimestamp)
    .map((p) => p.metadata!.name!);
const node = (kind: string, name?: string) =>
  page.locator(`[data-testid=tree-node][data-kind=${kind}]${name ? `[data-name="${name}"]` : ''}`);

beforeAll(async () => {
  // A Redis of its own: the resource-tree and managed-resources cache keys (libs/api-types/src/app-cache.keys.ts)
  // carry no queue prefix, so fleets sharing a Redis read each other's guestbook-dev trees and diffs.
  ui = await startUiFleet({ name: 'app-details', spokes: ['dev'], redisPort: await freePort() });
  await ui.fleet.applyApplicationSet();
  await appsSyncedAndHealthy(ui.fleet, 1);
  spoke = kubeClientFromKubeconfigString(renderKubeconfig([ui.fleet.spokeAccess.get('dev')!]));
  context = await newContext(ui.browser, ui.baseURL);
  page = await context.newPage();
  await logIn(page, 'admin', ui.fleet.adminPassword);
});

afterAll(async () => {
  spoke?.close();
  await context?.close();
  await ui?.stop();
});

describe('the application details page', () => {
  it('draws the resource tree from the app through the Deployment and its ReplicaSet to the Pod, and filters it through the URL', async () => {
    await page.goto(`/applications/argocd/${APP}`);
    await node('Pod').first().waitFor();
    for (const kind of ['Application', 'Deployment', 'ReplicaSet', 'Service', 'ConfigMap'])
      await expect(node(kind).count()).resolves.toBe(1);
    await expect(node('Deployment').textContent()).resolves.toMatch(/Healthy.*Synced/s);
    // The ReplicaSet sits right of its Deployment and the Pod right of its ReplicaSet (dagre, left to right).
    const x = async (kind: string) => (await node(kind).first().boundingBox())!.x;
    expect(await x('Deployment')).toBeGreaterThan(await x('Application'));
    expect(await x('ReplicaSet')).toBeGreaterThan(await x('Deployment'));
    expect(await x('Pod')).toBeGreaterThan(await x('ReplicaSet'));
    await expect(page.locator('.graph-edges path').count()).resolves.toBeGreaterThanOrEqual(5);
    await screenshot(page, 'app-details-tree');

    await page.getByRole('group', { name: 'Kind' }).getByLabel('Pod').check();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'Pod');
    await expect(node('Deployment').count()).resolves.toBe(0);
    await expect(node('Pod').count()).resolves.toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'List' }).click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'list' && u.searchParams.get('kind') === 'Pod');
    const rows = page.getByTestId('resource-list-row');
    await rows.first().waitFor();
    expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))).toEqual(new Set(['Pod']));
    // A link to the filtered list opens it so.
    await page.goto(`/applications/argocd/${APP}?view=list&kind=Deployment`);
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('opens the Deployment in a side panel with its live manifest, and Escape closes it', async () => {
    await page.goto(`/applications/argocd/${APP}`);
    await page.getByRole('button', { name: 'Deployment guestbook-ui' }).click();
    const panel = page.getByRole('dialog');
    await panel.waitFor();
    await page.waitForURL((u) => u.searchParams.get('resource') === 'apps/Deployment/guestbook/guestbook-ui');
    await expect(panel.getByRole('heading').textContent()).resolves.toMatch(/Deployment\s*guestbook-ui/);
    await panel.getByRole('tab', { name: 'Live manifest' }).click();
    const yaml = panel.getByTestId('yaml');
    await yaml.waitFor();
    const text = (await yaml.textContent()) ?? '';
    expect(text).toMatch(/^kind: Deployment$/m);
    expect(text).toMatch(/^\s+replicas: 1$/m);
    expect(text).toContain('ks-guestbook-demo');
    // A workload's logs are those of every pod under it.
    await panel.getByRole('tab', { name: 'Logs' }).click();
    await panel.getByTestId('log-line').filter({ hasText: 'kube-sim: container guestbook-ui started' }).first().waitFor();
    // The Deployment controller's events on the spoke.
    await panel.getByRole('tab', { name: 'Events' }).click();
    await panel.getByRole('table', { name: 'Events' }).getByRole('cell', { name: 'ScalingReplicaSet' }).first().waitFor();
    // Tab stays inside the panel; Escape closes it and gives the focus back to the node that opened it.
    for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
    await expect(panel.locator(':focus').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('resource')).toBeNull();
    await expect(page.locator(':focus').textContent()).resolves.toMatch(/^Deployment\s*guestbook-ui$/);
  });

  it("shows a pod's log lines, filters them, and downloads them", async () => {
    await page.goto(`/applications/argocd/${APP}`);
    // The pod the spoke runs now, once the live tree shows it (and only it).
    const pods = await until('one running guestbook pod', livePods, (names) => names.length === 1);
    await until(
      'the tree to show that pod',
      () => node('Pod').evaluateAll((els) => els.map((e) => e.getAttribute('data-name'))),
      (shown) => shown.join() === pods.join(),
    );
    await node('Pod', pods[0]).getByRole('button').click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('tab', { name: 'Logs' }).click();
    const lines = panel.getByTestId('log-line');
    await lines.first().waitFor();
    // kube-sim's containers write one start-up line each (tools/kube-sim/src/controllers/workloads/container-logs.ts).
    await expect(lines.first().textContent()).resolves.toContain(
      'kube-sim: container guestbook-ui started from image gcr.io/heptio-images/ks-guestbook-demo:0.2',
    );
    await expect(panel.getByLabel('Container').inputValue()).resolves.toBe('guestbook-ui');
    await panel.getByLabel('Filter log lines').fill('no such text');
    await expect(lines.count()).resolves.toBe(0);
    await panel.getByLabel('Filter log lines').fill('started from');
    await expect(lines.count()).resolves.toBe(1);
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^guestbook-ui-.*-guestbook-ui\.log$/);
    await screenshot(page, 'app-details-logs');
    // Following streams the same lines through the API's event stream.
    await panel.getByLabel('Follow').check();
    await panel
      .getByTestId('logs-status')
      .filter({ hasText: /Following: [1-9]/ })
      .waitFor();
    await expect(lines.first().textContent()).resolves.toContain('started from image');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('shows the replicas change in the diff once the Deployment is scaled on the spoke', async () => {
    // The guestbook ApplicationSet syncs automatically with self-heal, which would undo the scaling at
    // once: its template goes manual first, as a user who wants to look at a drift would have it.
    await ui.fleet.hubClient.patch(
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: 'guestbook', namespace: 'argocd' } },
      { spec: { template: { spec: { syncPolicy: { automated: null } } } } },
    );
    await until('the app to lose automated sync', app, (a) => !a.spec.syncPolicy?.automated);
    await spoke.patch(DEPLOYMENT, { spec: { replicas: 3 } });
    await until('the app to be OutOfSync', app, (a) => a.status?.sync?.status === 'OutOfSync', 120_000);

    await page.goto(`/applications/argocd/${APP}?resource=apps/Deployment/guestbook/guestbook-ui&tab=diff`);
    const panel = page.getByRole('dialog');
    await panel
      .getByTestId('diff-summary')
      .filter({ hasText: /1 added, 1 removed/ })
      .waitFor();
    await expect(panel.getByTestId('diff-del').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^-\s+replicas: 3$/)]),
    );
    await expect(panel.getByTestId('diff-add').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^\+\s+replicas: 1$/)]),
    );
    await expect(panel.locator('.panel-status').textContent()).resolves.toContain('OutOfSync');
    await screenshot(page, 'app-details-diff');
    await panel.getByRole('button', { name: 'Side by side' }).click();
    await expect(panel.getByTestId('diff-del').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^\s*replicas: 3$/)]),
    );
    await expect(panel.getByTestId('diff-add').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^\s*replicas: 1$/)]),
    );
    await screenshot(page, 'app-details-diff-split');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('runs the restart action on the Deployment after a confirmation, and the live manifest shows it', async () => {
    await page.goto(`/applications/argocd/${APP}?resource=apps/Deployment/guestbook/guestbook-ui&tab=actions`);
    const panel = page.getByRole('dialog');
    await panel.getByRole('button', { name: 'restart', exact: true }).click();
    await panel.getByRole('button', { name: 'Run restart' }).click();
    await expect(panel.getByTestId('action-result').textContent()).resolves.toBe('Action restart succeeded on Deployment guestbook-ui');
    const stamped = await until(
      'the restartedAt annotation',
      () => spoke.get<KubeObject & { spec: { template: { metadata?: { annotations?: Record<string, string> } } } }>(DEPLOYMENT),
      (d) => !!d.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'],
    );
    expect(stamped).toBeDefined();
    await panel.getByRole('tab', { name: 'Live manifest' }).click();
    await panel.getByTestId('yaml').filter({ hasText: 'kubectl.kubernetes.io/restartedAt' }).waitFor();
  });

  it('deletes a pod after its name is typed, and the tree loses it', async () => {
    // After the restart the pods roll: wait for the rollout, then until the spoke's and the tree's pods agree.
    type Rolled = KubeObject & {
      spec: { replicas: number };
      status?: { observedGeneration?: number; updatedReplicas?: number; replicas?: number; availableReplicas?: number };
    };
    await until(
      'the restart to roll out',
      () => spoke.get<Rolled>(DEPLOYMENT),
      (d) =>
        d.status?.observedGeneration === d.metadata?.generation &&
        [d.status?.updatedReplicas, d.status?.replicas, d.status?.availableReplicas].every((n) => n === d.spec.replicas),
      120_000,
    );
    await page.goto(`/applications/argocd/${APP}`);
    const shownPods = async () => (await node('Pod').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).sort().join();
    let pods: string[] = [];
    await until(
      'the tree to show the running pods',
      async () => (pods = (await livePods()).sort()).length > 0 && pods.join() === (await shownPods()),
      Boolean,
    );
    const pod = pods[0];
    await node('Pod', pod).getByRole('button').click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('tab', { name: 'Delete' }).click();
    const remove = panel.getByRole('button', { name: 'Delete', exact: true });
    await expect(remove.isDisabled()).resolves.toBe(true);
    await panel.getByLabel('Force: at once, without a grace period').check();
    await panel.getByLabel(/^Type .* to confirm$/).fill(pod);
    await remove.click();
    await panel.waitFor({ state: 'detached' });
    await until('the pod to be gone from the spoke', livePods, (names) => !names.includes(pod));
    await node('Pod', pod).waitFor({ state: 'detached' });
  });

  it('draws an app of apps: its child Application is a node that opens the child, whose every source is listed', async () => {
    const server = ui.fleet.spokes.get('dev')!.url;
    const child = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'guestbook-child', namespace: 'argocd' },
      spec: {
        project: 'default',
        sources: [
          { repoURL: ui.fleet.repoUrl, path: 'guestbook', targetRevision: 'main' },
          { repoURL: ui.fleet.repoUrl, targetRevision: 'main', ref: 'values' },
        ],
        destination: { server, namespace: 'child' },
      },
    };
    await ui.fleet.repo.commit(
      { 'apps/guestbook-child.json': JSON.stringify(child, null, 2) },
      'apps: the guestbook again, from two sources',
    );
    const created = await ui.fleet.cli(
      ...['app', 'create', 'apps', '--repo', ui.fleet.repoUrl, '--path', 'apps', '--revision', 'main'],
      ...['--dest-server', 'https://kubernetes.default.svc', '--dest-namespace', 'argocd', '--sync-policy', 'automated'],
    );
    if (created.code !== 0) throw new Error(`app create failed: ${created.stderr}`);
    await until(
      'the child Application',
      () => ui.fleet.applications(),
      (apps) => apps.some((a) => a.metadata.name === 'guestbook-child'),
      120_000,
    );

    await page.goto('/applications/argocd/apps');
    await node('Application', 'guestbook-child').waitFor();
    await screenshot(page, 'app-details-app-of-apps');
    await node('Application', 'guestbook-child').getByRole('link', { name: 'Open application guestbook-child' }).click();
    await page.waitForURL(/\/applications\/argocd\/guestbook-child$/);
    await page.getByRole('heading', { name: 'Sources (2)' }).waitFor();
    const sources = page.getByTestId('app-source');
    await expect(sources.count()).resolves.toBe(2);
    await expect(sources.nth(0).textContent()).resolves.toMatch(/Path\s*guestbook/);
    await expect(sources.nth(1).textContent()).resolves.toMatch(/Ref\s*values/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("lists the app's conditions: a source path that does not exist is a ComparisonError", async () => {
    // Written to the hub directly: the API validates the path away.
    await ui.fleet.hubClient.create({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'broken', namespace: 'argocd' },
      spec: {
        project: 'default',
        source: { repoURL: ui.fleet.repoUrl, path: 'no-such-path', targetRevision: 'main' },
        destination: { server: ui.fleet.spokes.get('dev')!.url, namespace: 'broken' },
      },
    });
    const [condition] = (await until(
      'a condition on the app',
      async () => (await ui.fleet.applications()).find((a) => a.metadata.name === 'broken'),
      (a) => !!a?.status?.conditions?.length,
      120_000,
    ))!.status!.conditions!;
    await page.goto('/applications/argocd/broken');
    const shown = page.getByTestId('app-condition');
    await shown.first().waitFor();
    await expect(shown.first().textContent()).resolves.toContain(`${condition.type}: ${condition.message}`);
    expect(condition.type).toBe('ComparisonError');
    await expect(shown.first().getAttribute('class')).resolves.toBe('condition-error');
  });
});
