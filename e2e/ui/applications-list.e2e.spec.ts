// The applications page as a user works it over a running fleet: favourites that stay across reloads
// and filter through the URL, sorting, the summary view's counts, status changes the controller
// writes showing on the tiles without a reload, and a lost stream that says so and recovers.
import type { Application } from '@flotilla/api-types';
import { NAMESPACE } from '@flotilla/local-fleet';
import { logIn, newContext, screenshot, seriousAxeViolations } from '@flotilla/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { appsSyncedAndHealthy, startUiFleet, type UiFleet } from './ui.harness';

jest.setTimeout(300_000);

let ui: UiFleet;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ui = await startUiFleet({ name: 'apps-list', spokes: ['dev', 'staging'] });
  await ui.fleet.applyApplicationSet();
  await appsSyncedAndHealthy(ui.fleet, 2);
  // From here the spec writes the apps' status itself, as the controller would, and nothing overwrites it.
  await ui.fleet.services.get('app-controller')?.stop();
  context = await newContext(ui.browser, ui.baseURL);
  page = await context.newPage();
  await logIn(page, 'admin', ui.fleet.adminPassword);
});

afterAll(async () => {
  await context?.close();
  await ui?.stop();
});

const tile = (name: string) => page.locator(`[data-testid=app-tile][data-app="${name}"]`);

/** Writes the app's health on the hub, as the app-controller does after assessing it. */
function writeHealth(name: string, status: string, message = ''): void {
  const { cluster } = ui.fleet.hub;
  const apps = cluster.resource('argoproj.io', 'applications');
  const patch = { status: { health: { status, message } } } as Partial<Application>;
  cluster.api.patch(apps, NAMESPACE, name, 'merge', patch, { fieldManager: 'argocd-application-controller' });
}

/** Waits until the tile's text matches, checking every frame (a change that flashes by still counts). */
async function tileShows(name: string, pattern: RegExp, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    `(document.querySelector('[data-testid=app-tile][data-app="${name}"]')?.textContent ?? '').match(${pattern.toString()}) !== null`,
    undefined,
    { polling: 'raf', timeout },
  );
}

describe('the applications page', () => {
  it('keeps favourites across a reload, and "Favourites only" filters through the URL', async () => {
    await page.goto('/applications');
    await tile('guestbook-dev').waitFor();
    const star = page.getByRole('button', { name: 'Favourite guestbook-dev' });
    await expect(star.getAttribute('aria-pressed')).resolves.toBe('false');
    await star.click();
    await expect(star.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.reload();
    await tile('guestbook-dev').waitFor();
    await expect(page.getByRole('button', { name: 'Favourite guestbook-dev' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByRole('button', { name: 'Favourite guestbook-staging' }).getAttribute('aria-pressed')).resolves.toBe('false');

    await page.getByLabel('Favourites only').check();
    await page.waitForURL((u) => u.searchParams.get('favourites') === 'true');
    await expect(page.getByTestId('app-tile').count()).resolves.toBe(1);
    await expect(page.getByTestId('apps-shown').textContent()).resolves.toBe('1');
    await page.reload();
    await tile('guestbook-dev').waitFor();
    await expect(page.getByTestId('app-tile').count()).resolves.toBe(1);
    await screenshot(page, 'applications-favourites');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Unstarred, it leaves the favourites-only view at once.
    await page.getByRole('button', { name: 'Favourite guestbook-dev' }).click();
    await page.getByText('0 of 2 applications').waitFor();
  });

  it('sorts by the order picked, kept in the URL', async () => {
    await page.goto('/applications');
    await tile('guestbook-staging').waitFor();
    const names = () => page.getByTestId('app-tile').evaluateAll((els) => els.map((e) => e.getAttribute('data-app')));
    await expect(names()).resolves.toEqual(['guestbook-dev', 'guestbook-staging']);
    await page.getByLabel('Sort').selectOption('-name');
    await page.waitForURL((u) => u.searchParams.get('sort') === '-name');
    await page.waitForFunction(`document.querySelector('[data-testid=app-tile]')?.getAttribute('data-app') === 'guestbook-staging'`);
    await expect(names()).resolves.toEqual(['guestbook-staging', 'guestbook-dev']);
    await page.reload();
    await tile('guestbook-dev').waitFor();
    await expect(names()).resolves.toEqual(['guestbook-staging', 'guestbook-dev']);
  });

  it('counts the apps by sync, health, cluster and project in the summary view', async () => {
    await page.goto('/applications?view=summary');
    const health = page.getByTestId('summary-health-status');
    await health.getByRole('row', { name: 'Healthy 2' }).waitFor();
    await expect(page.getByTestId('summary-sync-status').getByRole('row', { name: 'Synced 2' }).count()).resolves.toBe(1);
    await expect(page.getByTestId('summary-project').getByRole('row', { name: 'default 2' }).count()).resolves.toBe(1);
    // One row per cluster (and the header row), one app each.
    await expect(page.getByTestId('summary-cluster').getByRole('row').count()).resolves.toBe(3);
    await expect(page.getByTestId('summary-cluster').locator('tbody td').allTextContents()).resolves.toEqual(['1', '1']);
    await screenshot(page, 'applications-summary');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The counts follow the fleet live.
    writeHealth('guestbook-dev', 'Degraded', 'Deployment guestbook-ui has 0/1 ready replicas');
    await health.getByRole('row', { name: 'Degraded 1' }).waitFor({ timeout: 15_000 });
    await expect(health.getByRole('row', { name: 'Healthy 1' }).count()).resolves.toBe(1);
    writeHealth('guestbook-dev', 'Healthy');
    await health.getByRole('row', { name: 'Healthy 2' }).waitFor({ timeout: 15_000 });
  });

  it('shows a status change the controller writes on the tile and in the counts, without a reload', async () => {
    await page.goto('/applications');
    await tileShows('guestbook-staging', /Healthy/);
    // The stream brought the apps and the count says that is all of them: no longer loading.
    await page.getByRole('region', { name: 'Applications' }).and(page.locator('[aria-busy=false]')).waitFor();
    await expect(page.getByTestId('status-bar').textContent()).resolves.toMatch(/^2 of 2 applications(?!.*loading)/);
    await page.evaluate('window.notReloaded = true');
    writeHealth('guestbook-staging', 'Progressing');
    await tileShows('guestbook-staging', /Progressing/);
    await expect(page.getByTestId('status-bar').textContent()).resolves.toMatch(/Progressing\s*1/);
    writeHealth('guestbook-staging', 'Healthy');
    await tileShows('guestbook-staging', /Healthy/);
    await expect(page.evaluate('window.notReloaded')).resolves.toBe(true);
  });

  it('says when the stream is lost, recovers, catches up on what changed meanwhile, and later changes still arrive', async () => {
    await page.goto('/applications');
    await tileShows('guestbook-dev', /Healthy/);
    const api = ui.fleet.services.get('api-server')!;
    const banner = page.getByText('Connection to the server lost; reconnecting…');
    await api.stop();
    await banner.waitFor({ timeout: 15_000 });
    await screenshot(page, 'applications-stream-lost');
    // Written while nobody could tell the page: the list read after the reconnect brings it.
    writeHealth('guestbook-dev', 'Degraded', 'written while the api-server was down');
    await api.start();
    await banner.waitFor({ state: 'hidden', timeout: 30_000 });
    await tileShows('guestbook-dev', /Degraded/);
    writeHealth('guestbook-staging', 'Missing');
    await tileShows('guestbook-staging', /Missing/);
    writeHealth('guestbook-dev', 'Healthy');
    writeHealth('guestbook-staging', 'Healthy');
    await tileShows('guestbook-dev', /Healthy/);
    await tileShows('guestbook-staging', /Healthy/);
  });
});
