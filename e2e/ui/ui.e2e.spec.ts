// The web UI in a real Chromium against a running fleet, as a user meets it: the api-server serves the
// app on its port, login sets the session cookie, the applications page lists the fleet's apps live,
// filters live in the URL, and a tile opens the app's details.
import { logIn, newContext, screenshot, seriousAxeViolations } from '@flotilla/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { appsSyncedAndHealthy, startUiFleet, type UiFleet } from './ui.harness';

jest.setTimeout(300_000);

let ui: UiFleet;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ui = await startUiFleet({ name: 'ui', spokes: ['dev', 'staging'] });
  await ui.fleet.applyApplicationSet();
  await appsSyncedAndHealthy(ui.fleet, 2);
  context = await newContext(ui.browser, ui.baseURL);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await ui?.stop();
});

describe('the web UI', () => {
  it('serves the app on the API port: pages fall back to index.html, /api stays the API, assets are cached for good', async () => {
    const deep = await fetch(`${ui.baseURL}/applications/argocd/guestbook-dev`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await deep.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${ui.baseURL}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${ui.baseURL}/assets/gone-1234.js`)).status).toBe(404);
    const api = await fetch(`${ui.baseURL}/api/v1/applications`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toMatch(/json/);
  });

  it('sends a visitor without a session to the login page, and back to where they were going after it', async () => {
    await page.goto('/applications?health=Healthy');
    await page.waitForURL(/\/login\?return_url=/);
    await screenshot(page, 'login');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/invalid username or password/i);
    await logIn(page, 'admin', ui.fleet.adminPassword);
    // logIn went to /login itself, so it lands on the default page; the return_url path is checked here.
    await page.goto('/login?return_url=%2Fapplications%3Fhealth%3DHealthy');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(ui.fleet.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => u.pathname === '/applications' && u.searchParams.get('health') === 'Healthy');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'argocd.token')?.httpOnly).toBe(true);
  });

  it('lists the fleet as tiles with their status, filters through the URL, and the back button restores the filter', async () => {
    await page.goto('/applications');
    const tiles = page.getByTestId('app-tile');
    await tiles.first().waitFor();
    await expect(tiles.count()).resolves.toBe(2);
    const dev = page.locator('[data-testid=app-tile][data-app=guestbook-dev]');
    await expect(dev.textContent()).resolves.toMatch(/Healthy.*Synced/s);
    await screenshot(page, 'applications');
    await page.getByRole('button', { name: '+ New app' }).click();
    await page.getByRole('dialog').waitFor();
    expect(new URL(page.url()).searchParams.get('new')).toBe('true');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByLabel('Search applications').fill('staging');
    await page.waitForURL((u) => u.searchParams.get('search') === 'staging');
    await expect(tiles.count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'List' }).click();
    await page.getByTestId('app-row').first().waitFor();
    await page.goBack();
    await page.getByTestId('app-tile').first().waitFor();
    expect(new URL(page.url()).searchParams.get('search')).toBe('staging');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('opens an application from its tile, with its resource tree', async () => {
    await page.goto('/applications');
    await page.getByRole('link', { name: 'guestbook-dev' }).click();
    await page.waitForURL(/\/applications\/[^/]+\/guestbook-dev$/);
    await page.locator('[data-testid=tree-node][data-kind=Deployment]').first().waitFor();
    const kinds = await page.getByTestId('tree-node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['Deployment', 'Service']));
    await screenshot(page, 'application-details');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
