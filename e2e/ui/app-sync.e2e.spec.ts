// The application's operations in a real Chromium against a real fleet, as a user drives them: turn
// auto-sync off in the details dialog, sync an out-of-sync app with prune from the sync panel and
// watch it finish, roll back from the history, and delete the app while keeping its resources.
import type { Application, KubeObject } from '@flotilla/api-types';
import { GUESTBOOK_FILES, guestbookDeployment } from '@flotilla/local-fleet';
import { isNotFound, kubeClientFromKubeconfigString, type KubeClient } from '@flotilla/platform';
import { logIn, newContext, screenshot, seriousAxeViolations, type AxeViolation } from '@flotilla/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { appsSyncedAndHealthy, startUiFleet, type UiFleet } from './ui.harness';

jest.setTimeout(300_000);

const APP = 'guestbook-dev';
let ui: UiFleet;
let context: BrowserContext;
let page: Page;
let spoke: KubeClient;
let firstRevision: string;
let changedRevision: string;

const replicas = async (): Promise<number> =>
  (await spoke.get<KubeObject & { spec: { replicas: number } }>({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'guestbook-ui', namespace: 'guestbook' } }))
    .spec.replicas;
async function settingsExists(): Promise<boolean> {
  try {
    await spoke.get({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'guestbook-settings', namespace: 'guestbook' } });
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}
const app = async (): Promise<Application | undefined> => (await ui.fleet.applications()).find((a) => a.metadata.name === APP);
/** A PreSync hook Job whose pod kube-sim starts only after `startMs`: an operation that runs long enough to watch. */
const preSyncHook = (name: string, startMs: number): string =>
  stringify({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, annotations: { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' } },
    spec: {
      backoffLimit: 0,
      template: {
        metadata: { annotations: { 'kube-sim.flotilla.dev/start-ms': String(startMs) } },
        spec: { restartPolicy: 'Never', containers: [{ name: 'check', image: 'busybox', command: ['true'] }] },
      },
    },
  });

/** Polls `get` until `ok` holds; fails naming `what` and the last value seen. */
async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
/** axe's serious violations in what this spec exercises: the toolbar, its dialogs and the operation section. */
async function opsAxeViolations(): Promise<AxeViolation[]> {
  const inOps = async (selector: string): Promise<boolean> =>
    page.evaluate<boolean>(`!!document.querySelector(${JSON.stringify(selector)})?.closest('.dialog, .operation, .toolbar')`);
  const found: AxeViolation[] = [];
  for (const v of await seriousAxeViolations(page)) {
    const nodes = [];
    for (const n of v.nodes) if (await inOps(n.target[n.target.length - 1])) nodes.push(n);
    if (nodes.length) found.push({ ...v, nodes });
  }
  return found;
}
const dialog = (): ReturnType<Page['getByRole']> => page.getByRole('dialog');

/** The operation section once it reports `phase` for a sync to `revision`. */
async function operationEnded(revision: string, phase = 'Succeeded'): Promise<void> {
  const section = page.getByTestId('operation');
  await until(
    `the page to show the sync to ${revision.slice(0, 7)} ${phase}`,
    async () => ((await section.count()) ? await section.textContent() : ''),
    (text) => !!text?.includes(revision) && text.includes(phase) && text.includes('Last sync'),
    90_000,
  );
}

beforeAll(async () => {
  ui = await startUiFleet({ name: 'app-sync', spokes: ['dev'] });
  spoke = kubeClientFromKubeconfigString(ui.fleet.spokes.get('dev')!.kubeconfig());
  // Made with the CLI rather than the ApplicationSet, whose controller would put auto-sync back.
  const created = await ui.fleet.cli(
    ...['app', 'create', APP, '--repo', ui.fleet.repoUrl, '--path', 'guestbook', '--revision', 'main'],
    ...['--dest-server', ui.fleet.spokes.get('dev')!.url, '--dest-namespace', 'guestbook'],
    ...['--sync-policy', 'automated', '--auto-prune', '--self-heal', '--sync-option', 'CreateNamespace=true'],
  );
  if (created.code !== 0) throw new Error(`app create failed: ${created.stderr}`);
  const [synced] = await appsSyncedAndHealthy(ui.fleet, 1);
  firstRevision = synced.status!.sync!.revision!;
  context = await newContext(ui.browser, ui.baseURL);
  page = await context.newPage();
  await logIn(page, 'admin', ui.fleet.adminPassword);
});

afterAll(async () => {
  spoke?.close();
  await context?.close();
  await ui?.stop();
});

describe('application operations in the web UI', () => {
  it('shows the server refusing a rollback under auto-sync and a bad spec, then turns auto-sync off and directory recursion on in the details dialog', async () => {
    await page.goto(`/applications/argocd/${APP}`);
    await page.getByRole('button', { name: 'History and rollback' }).click();
    const first = dialog().getByTestId('history-row').first();
    await first.waitFor();
    await first.getByRole('button', { name: /^Rollback to/ }).click();
    await dialog().getByRole('button', { name: /^Roll back to/ }).click();
    await expect(dialog().getByRole('alert').textContent()).resolves.toMatch(/rollback cannot be initiated when auto-sync is enabled/);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached', timeout: 5_000 });

    await page.getByRole('button', { name: 'Details' }).click();
    await dialog().getByRole('button', { name: 'YAML' }).click();
    const yaml = dialog().getByLabel('Spec (YAML)');
    const spec = parse(await yaml.inputValue()) as Application['spec'];
    expect(spec.source?.path).toBe('guestbook');
    await yaml.fill(stringify({ ...spec, project: 'no-such-project' }));
    await dialog().getByRole('button', { name: 'Save' }).click();
    await expect(dialog().getByRole('alert').textContent()).resolves.toMatch(/no-such-project/);
    expect((await app())!.spec.project).toBe('default');

    await dialog().getByRole('button', { name: 'Parameters' }).click();
    await expect(dialog().getByLabel('Path').inputValue()).resolves.toBe('guestbook');
    await dialog().getByLabel('Automated sync').uncheck();
    await dialog().getByLabel('Recurse').check();
    await screenshot(page, 'app-parameters');
    expect(await opsAxeViolations()).toEqual([]);
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().waitFor({ state: 'detached' });
    const saved = (await app())!;
    expect(saved.spec.syncPolicy?.automated).toBeUndefined();
    expect(saved.spec.syncPolicy?.syncOptions).toEqual(['CreateNamespace=true']);
    expect(saved.spec.source).toEqual({ ...spec.source, directory: { recurse: true } });
  });

  it('syncs the out-of-sync app with Prune from the sync panel and shows each resource of the operation to its end', async () => {
    changedRevision = await ui.fleet.repo.commit(
      {
        'guestbook/guestbook-ui-deployment.yaml': guestbookDeployment(3),
        'guestbook/guestbook-settings.yaml': null,
        'guestbook/pre-sync.yaml': preSyncHook('pre-sync-check', 14_000),
        'guestbook/guestbook-ui-svc.yaml': GUESTBOOK_FILES['guestbook/guestbook-ui-svc.yaml'].replace(
          '  name: guestbook-ui\n',
          "  name: guestbook-ui\n  annotations:\n    argocd.argoproj.io/sync-wave: '1'\n",
        ),
      },
      'guestbook: three replicas, no settings',
    );
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.locator('.page-header').getByText('OutOfSync').waitFor({ timeout: 60_000 });
    expect(await replicas()).toBe(1);

    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await dialog().getByRole('heading', { name: `Sync ${APP}` }).waitFor();
    // Keyboard: focus starts in the first field and Tab from the last control wraps inside the dialog.
    const focused = (): Promise<string> => page.evaluate<string>('document.activeElement?.getAttribute("aria-label") || document.activeElement?.textContent || ""');
    await expect(dialog().getByLabel('Revision').evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await dialog().getByRole('button', { name: 'Synchronize' }).focus();
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('Close');
    await expect(dialog().getByLabel('Auto-create namespace').isChecked()).resolves.toBe(true);
    await expect(dialog().getByRole('checkbox', { name: /^ConfigMap .*guestbook-settings/ }).isChecked()).resolves.toBe(true);
    await dialog().getByLabel('Prune', { exact: true }).check();
    await dialog().getByLabel('Retry', { exact: true }).check();
    await dialog().getByLabel('Limit').fill('3');
    await dialog().getByLabel('Backoff duration').fill('2s');
    await screenshot(page, 'sync-panel');
    expect(await opsAxeViolations()).toEqual([]);
    await dialog().getByRole('button', { name: 'Synchronize' }).click();
    await dialog().waitFor({ state: 'detached' });

    // While the PreSync hook runs, the page shows the operation in progress, the hook in its phase
    // (the controller records a running hook once it has waited FLOTILLA_SYNC_STEP_WAIT_MS, 10 s, on it).
    const operation = page.getByTestId('operation');
    await operation.getByRole('heading', { name: 'Sync in progress' }).waitFor();
    const hook = page.getByRole('table', { name: 'PreSync results' }).getByRole('row', { name: /pre-sync-check/ });
    await hook.filter({ hasText: /Job \(PreSync hook\).*(Pending|Running)/ }).waitFor();
    await expect(operation.getByRole('button', { name: 'Terminate' }).count()).resolves.toBe(1);
    await screenshot(page, 'sync-progress');

    await operationEnded(changedRevision);
    await expect(page.getByTestId('operation-retry').textContent()).resolves.toBe('limit 3, backoff 2s ×2 up to 3m');
    await expect(hook.textContent()).resolves.toContain('Succeeded');
    await expect(operation.getByRole('button', { name: 'Terminate' }).count()).resolves.toBe(0);
    const results = page.getByTestId('operation-result');
    const rows = (await results.allInnerTexts()).map((t) => t.split('\t').map((c) => c.trim()));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.arrayContaining(['0', 'Deployment', 'guestbook-ui', 'Synced']),
        expect.arrayContaining(['0', 'ConfigMap', 'guestbook-settings', 'Pruned']),
        expect.arrayContaining(['1', 'Service', 'guestbook-ui', 'Synced']),
      ]),
    );
    // Wave 1 after wave 0, as the controller applied them.
    const syncRows = (await page.getByRole('table', { name: 'Sync results', exact: true }).getByTestId('operation-result').allInnerTexts()).map((t) => t.split('\t')[0]);
    expect(syncRows).toEqual([...syncRows].sort());
    expect(syncRows.at(-1)).toBe('1');
    await expect(page.getByRole('table', { name: 'Sync results', exact: true }).count()).resolves.toBe(1);
    await page.locator('.page-header').getByText('Synced').waitFor();
    await screenshot(page, 'sync-result');
    expect(await replicas()).toBe(3);
    expect(await settingsExists()).toBe(false);
  });

  it('lists the deployments with their commits and rolls back to the previous one, which the spoke then runs', async () => {
    await page.getByRole('button', { name: 'History and rollback' }).click();
    const rows = dialog().getByTestId('history-row');
    await rows.nth(1).waitFor();
    const newest = rows.first();
    await newest.getByText('guestbook: three replicas, no settings').waitFor();
    await expect(newest.textContent()).resolves.toContain('Flotilla demo');
    await expect(newest.textContent()).resolves.toContain(changedRevision.slice(0, 7));
    await expect(rows.nth(1).textContent()).resolves.toContain(firstRevision.slice(0, 7));
    await screenshot(page, 'history');
    expect(await opsAxeViolations()).toEqual([]);

    const previous = (await rows.nth(1).getAttribute('data-id'))!;
    await rows.nth(1).getByRole('button', { name: `Rollback to ${previous}` }).click();
    await dialog().getByRole('button', { name: `Roll back to ${previous}` }).click();
    await dialog().waitFor({ state: 'detached' });

    await operationEnded(firstRevision);
    await until('the spoke to run one replica again', replicas, (n) => n === 1, 30_000);
    expect(await settingsExists()).toBe(true);
    // main still asks for three replicas: the app is now out of sync with it.
    await page.locator('.page-header').getByText('OutOfSync').waitFor({ timeout: 60_000 });
  });

  it('terminates a sync whose PreSync hook does not finish: the operation ends Failed and the spoke keeps its Deployment', async () => {
    const slow = await ui.fleet.repo.commit({ 'guestbook/pre-sync.yaml': preSyncHook('pre-sync-slow', 600_000) }, 'guestbook: a slow check');
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await dialog().getByLabel('Revision').fill(slow);
    await dialog().getByRole('button', { name: 'Synchronize' }).click();
    await dialog().waitFor({ state: 'detached' });
    const operation = page.getByTestId('operation');
    await page.getByRole('table', { name: 'PreSync results' }).getByRole('row', { name: /pre-sync-slow/ }).waitFor({ timeout: 60_000 });
    await operation.getByRole('button', { name: 'Terminate' }).click();
    await operationEnded(slow, 'Failed');
    await expect(page.getByTestId('operation-message').textContent()).resolves.toMatch(/terminated/i);
    expect(await replicas()).toBe(1);
  });

  it('syncs only the resources ticked in the sync panel: no hooks run, the others stay as they are', async () => {
    const head = (await app())!.status!.sync!.revision!;
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await dialog().getByRole('button', { name: 'None' }).click();
    await dialog().getByRole('checkbox', { name: /^Deployment guestbook\/guestbook-ui/ }).check();
    await expect(dialog().getByText(/^Resources \(1 of [2-9]\)$/).count()).resolves.toBe(1);
    await dialog().getByRole('button', { name: 'Synchronize' }).click();
    await dialog().waitFor({ state: 'detached' });
    await operationEnded(head);
    const kinds = (await page.getByTestId('operation-result').allInnerTexts()).map((t) => t.split('\t')[1]);
    expect(kinds).toEqual(['Deployment']);
    expect(await replicas()).toBe(3);
    expect(await settingsExists()).toBe(true);
  });

  it('deletes the app without cascading: it leaves the list and its resources stay on the spoke', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = dialog().getByRole('button', { name: 'Delete' });
    await dialog().getByLabel(/^Non-cascading/).check();
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog().getByLabel("Type the application's name to confirm").fill(APP);
    await confirm.click();
    await page.waitForURL((u) => u.pathname === '/applications');
    await until('the Application to be gone', app, (a) => a === undefined, 60_000);
    expect(await replicas()).toBe(3);
  });
});
