// The UI's other pages in a real Chromium against a running fleet: clusters, repositories (connect one,
// see the server refuse a bad one, credential templates), projects, ApplicationSets with what they
// generated, settings, user info, about, and an application created through the create-app dialog.
import type { Application } from '@flotilla/api-types';
import { eventually, logIn, newContext, screenshot, seriousAxeViolations } from '@flotilla/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { appsSyncedAndHealthy, startUiFleet, type UiFleet } from './ui.harness';

jest.setTimeout(300_000);

let ui: UiFleet;
let context: BrowserContext;
let page: Page;
let devServer: string;

beforeAll(async () => {
  ui = await startUiFleet({ name: 'pages', spokes: ['dev'] });
  await ui.fleet.applyApplicationSet();
  await appsSyncedAndHealthy(ui.fleet, 1);
  devServer = ui.fleet.spokeAccess.get('dev')!.url;
  // Argo's ListApps (the dialog's path suggestions) finds Helm and Kustomize directories, not plain ones.
  await ui.fleet.repo.commit(
    { 'guestbook/kustomization.yaml': 'resources:\n- guestbook-ui-deployment.yaml\n- guestbook-ui-svc.yaml\n- guestbook-settings.yaml\n' },
    'guestbook: a kustomization',
  );
  context = await newContext(ui.browser, ui.baseURL);
  page = await context.newPage();
  await logIn(page, 'admin', ui.fleet.adminPassword);
});

afterAll(async () => {
  await context?.close();
  await ui?.stop();
});

async function noSeriousAxeViolations(): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

describe('the settings, ApplicationSet, user and about pages', () => {
  it('lists the clusters with their server, connection state, version, app count and labels', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: /Clusters/ }).click();
    const dev = page.locator('[data-testid=cluster-row][data-cluster=dev]');
    // The controller reports a cluster's state once it has cached it; Refresh asks again.
    const cells = await eventually(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await dev.waitFor();
        const texts = await dev.locator('td').allTextContents();
        expect(texts[2]).toMatch(/Successful/);
        return texts;
      },
      60_000,
      1000,
    );
    expect(cells[1]).toBe(devServer);
    expect(cells[2]).toMatch(/Successful/);
    expect(cells[3]).toMatch(/^\d+\.\d+/);
    expect(cells[4]).toBe('1');
    expect(cells[5]).toBe('env=dev');
    await screenshot(page, 'pages-clusters');
    await noSeriousAxeViolations();
    await dev.getByRole('link', { name: 'Applications on dev: 1' }).click();
    await page.waitForURL((u) => u.pathname === '/applications' && u.searchParams.get('cluster') === `dev,${devServer}`);
    await page.getByRole('link', { name: 'guestbook-dev' }).waitFor();
  });

  it("connects the fleet's repository, showing the server's connection test, and shows the server's error for one that does not exist", async () => {
    await page.goto('/settings/repos');
    await page.getByText('No repositories connected.').waitFor();
    await page.getByRole('button', { name: 'Connect repository' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect repository' });
    await dialog.getByLabel('Name (optional)', { exact: true }).fill('guestbook');
    await dialog.getByLabel('Project (optional)').selectOption('default');
    await dialog.getByLabel('Repository URL').fill(ui.fleet.repoUrl);
    await expect(dialog.getByLabel('Password (optional)').getAttribute('type')).resolves.toBe('password');
    await noSeriousAxeViolations();
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator(`[data-testid=repo-row][data-repo="${ui.fleet.repoUrl}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/guestbook.*default.*Successful/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('connection Successful');
    // Loaded afresh, the page has the server test the repository again.
    await page.reload();
    await row.waitFor();
    await page.locator(`[data-testid=repo-row][data-repo="${ui.fleet.repoUrl}"]`, { hasText: 'Successful' }).waitFor();

    const missing = ui.fleet.repoUrl.replace(/guestbook\.git$/, 'no-such-repo.git');
    await page.getByRole('button', { name: 'Connect repository' }).click();
    await dialog.getByLabel('Repository URL').fill(missing);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/unable to connect to repository .*no-such-repo\.git/);
    await screenshot(page, 'pages-repository-error');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Connect repository');
    await expect(page.getByTestId('repo-row').count()).resolves.toBe(1);
    await screenshot(page, 'pages-repositories');
    await noSeriousAxeViolations();
  });

  it('adds a credential template, whose password the list never shows, and deletes it', async () => {
    const prefix = ui.fleet.repoUrl.replace(/guestbook\.git$/, 'team/');
    await page.getByRole('button', { name: 'Add credential template' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add credential template' });
    await dialog.getByLabel('URL prefix').fill(prefix);
    await dialog.getByLabel('Username').fill('ci-bot');
    await dialog.getByLabel('Password').fill('s3cret-pass');
    await dialog.getByRole('button', { name: 'Add' }).click();
    const row = page.getByTestId('creds-row');
    await row.waitFor();
    await expect(row.textContent()).resolves.toBe(`${prefix}ci-botDelete`);
    expect(await page.content()).not.toContain('s3cret-pass');
    await page.getByRole('button', { name: `Delete credential template ${prefix}` }).click();
    await page.getByRole('dialog', { name: 'Delete credential template' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No credential templates.').waitFor();
    await expect(row.count()).resolves.toBe(0);
  });

  it('shows the default project with its sources, destinations and resource lists', async () => {
    await page.goto('/settings/projects');
    await page.getByRole('link', { name: 'default' }).click();
    await page.waitForURL(/\/settings\/projects\/default$/);
    await page.getByRole('table', { name: 'Destinations' }).waitFor();
    await expect(page.getByRole('table', { name: 'Destinations' }).locator('tbody td').allTextContents()).resolves.toEqual(['*', '—', '*']);
    await expect(page.getByRole('table', { name: 'Cluster resource allow list' }).locator('tbody td').allTextContents()).resolves.toEqual([
      '*',
      '*',
    ]);
    await expect(page.locator('section', { hasText: 'Source repositories' }).locator('li').allTextContents()).resolves.toEqual(['*']);
    await screenshot(page, 'pages-project');
    await noSeriousAxeViolations();
  });

  it('lists the guestbook ApplicationSet and shows its generators, conditions and the Application it generated', async () => {
    await page.getByRole('link', { name: 'ApplicationSets' }).click();
    const row = page.getByTestId('appset-row');
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/guestbook.*argocd.*clusters.*default.*1.*Healthy/);
    await screenshot(page, 'pages-applicationsets');
    await noSeriousAxeViolations();
    await page.getByRole('link', { name: 'guestbook' }).click();
    await page.waitForURL(/\/applicationsets\/argocd\/guestbook$/);
    const app = page.getByTestId('generated-app');
    await app.waitFor();
    await expect(app.textContent()).resolves.toMatch(
      new RegExp(`guestbook-dev.*Synced.*Healthy.*${devServer.replace(/[.]/g, '\\.')} / guestbook`),
    );
    await expect(page.getByTestId('generators-yaml').textContent()).resolves.toMatch(
      /clusters:\s+selector:\s+matchExpressions:\s+- key: env\s+operator: Exists/,
    );
    await expect(page.getByRole('table', { name: 'Conditions' }).textContent()).resolves.toMatch(/ResourcesUpToDate.*True/);
    await screenshot(page, 'pages-applicationset');
    await noSeriousAxeViolations();
    await app.getByRole('link', { name: 'guestbook-dev' }).click();
    await page.waitForURL(/\/applications\/argocd\/guestbook-dev$/);
  });

  it("shows the server's settings, the user, and the version /api/version reports", async () => {
    await page.goto('/settings');
    await expect(page.getByTestId('server-settings').textContent()).resolves.toMatch(
      /Controller namespaceargocd.*Resource tracking methodannotation/,
    );
    await screenshot(page, 'pages-settings');
    await noSeriousAxeViolations();

    await page.getByRole('link', { name: 'User info' }).click();
    await page.getByText(/may login/).waitFor();
    await expect(page.locator('dl').textContent()).resolves.toMatch(/Usernameadmin.*Account.*may login/);
    await screenshot(page, 'pages-user-info');
    await noSeriousAxeViolations();

    const version = (await (await page.request.get('/api/version')).json()) as Record<string, string>;
    await page.getByRole('link', { name: 'About' }).click();
    const shown = page.getByTestId('version');
    await shown.waitFor();
    await expect(shown.textContent()).resolves.toContain(`Flotilla version${version.Version}`);
    await expect(shown.textContent()).resolves.toContain(`Git commit${version.GitCommit}`);
    await expect(shown.textContent()).resolves.toContain(`Helm version${version.HelmVersion}`);
    await screenshot(page, 'pages-about');
    await noSeriousAxeViolations();
  });
});

describe('the dark colour scheme', () => {
  it('keeps every page readable (axe finds no serious violations)', async () => {
    const dark = await newContext(ui.browser, ui.baseURL, 'dark');
    const darkPage = await dark.newPage();
    try {
      await logIn(darkPage, 'admin', ui.fleet.adminPassword);
      for (const [path, ready] of [
        ['/settings', 'Server settings'],
        ['/settings/clusters', 'env=dev'],
        ['/settings/repos', 'Credential templates'],
        ['/settings/projects/default', 'Sync windows'],
        ['/applicationsets/argocd/guestbook', 'Generated applications'],
        ['/about', 'Flotilla version'],
      ]) {
        await darkPage.goto(path);
        await darkPage.getByText(ready).first().waitFor();
        expect({ path, violations: await seriousAxeViolations(darkPage) }).toEqual({ path, violations: [] });
      }
      // Not axe-checked here: the applications page behind the dialog is another page's.
      await darkPage.goto('/applications?new=true');
      await darkPage.getByRole('dialog', { name: 'Create application' }).waitFor();
      await screenshot(darkPage, 'pages-create-app-dark');
    } finally {
      await dark.close();
    }
  });
});

describe('the create application dialog', () => {
  it('creates an app from the form, with the path picked from the repository and an edit made in YAML, and opens it; it syncs', async () => {
    await page.goto('/applications?new=true');
    const dialog = page.getByRole('dialog', { name: 'Create application' });
    await dialog.getByLabel('Application name').fill('guestbook-ui');
    await expect(dialog.getByLabel('Project').inputValue()).resolves.toBe('default');
    await dialog.getByLabel('Sync policy').selectOption('automatic');
    await dialog.getByLabel('Prune resources').check();
    await dialog.getByLabel('Auto-create namespace').check();
    await dialog.getByRole('combobox', { name: 'Repository URL' }).fill('guestbook');
    await dialog.getByRole('option', { name: ui.fleet.repoUrl }).click();
    const revision = dialog.getByRole('combobox', { name: 'Revision' });
    await revision.fill('ma');
    await dialog.getByRole('option', { name: 'main' }).waitFor();
    await revision.press('ArrowDown');
    await revision.press('Enter');
    await expect(revision.inputValue()).resolves.toBe('main');
    await dialog.getByRole('combobox', { name: 'Path' }).focus();
    await dialog.getByRole('option', { name: 'guestbook' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Path' }).inputValue()).resolves.toBe('guestbook');
    await expect(dialog.getByTestId('source-type').textContent()).resolves.toBe('Kustomize');
    await dialog.getByLabel('Cluster URL').selectOption(devServer);
    await dialog.getByLabel('Namespace', { exact: true }).fill('from-the-form');
    await screenshot(page, 'pages-create-app');
    await noSeriousAxeViolations();

    await dialog.getByRole('tab', { name: 'YAML' }).click();
    const yaml = dialog.getByLabel('Application YAML');
    const text = await yaml.inputValue();
    expect(text).toMatch(/repoURL: \S+guestbook\.git\s+path: guestbook\s+targetRevision: main/);
    expect(text).toMatch(/automated:\s+prune: true\s+selfHeal: false\s+syncOptions:\s+- CreateNamespace=true/);
    await yaml.fill(text.replace('namespace: from-the-form', 'namespace: from-the-yaml'));
    await screenshot(page, 'pages-create-app-yaml');
    await dialog.getByRole('tab', { name: 'Form' }).click();
    await expect(dialog.getByLabel('Namespace', { exact: true }).inputValue()).resolves.toBe('from-the-yaml');

    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/applications\/argocd\/guestbook-ui$/);
    const app = await eventually(
      async () => {
        const found = (await ui.fleet.applications()).find((a: Application) => a.metadata.name === 'guestbook-ui');
        expect(found?.status?.sync?.status).toBe('Synced');
        return found!;
      },
      120_000,
      500,
    );
    expect(app.spec.source).toEqual({ repoURL: ui.fleet.repoUrl, path: 'guestbook', targetRevision: 'main' });
    expect(app.spec.destination).toEqual({ server: devServer, namespace: 'from-the-yaml' });
    expect(app.spec.syncPolicy).toEqual({ automated: { prune: true, selfHeal: false }, syncOptions: ['CreateNamespace=true'] });
    await page.goto('/applications');
    await page.getByRole('link', { name: 'guestbook-ui' }).waitFor();
  });

  it("shows the server's refusal and keeps the dialog open; Escape closes it and drops ?new from the URL", async () => {
    await page.goto('/applications?new=true');
    const dialog = page.getByRole('dialog', { name: 'Create application' });
    await dialog.getByLabel('Application name').fill('guestbook-ui');
    await dialog.getByRole('combobox', { name: 'Repository URL' }).fill(ui.fleet.repoUrl);
    await dialog.getByRole('combobox', { name: 'Path' }).fill('guestbook');
    await dialog.getByLabel('Cluster URL').selectOption(devServer);
    await dialog.getByLabel('Namespace', { exact: true }).fill('elsewhere');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/existing application spec is different/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('new')).toBe(false);
  });

  it('deletes a repository after asking', async () => {
    await page.goto('/settings/repos');
    await page.getByRole('button', { name: `Delete repository ${ui.fleet.repoUrl}` }).click();
    await page.getByRole('dialog', { name: 'Delete repository' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No repositories connected.').waitFor();
    await expect(page.getByTestId('repo-row').count()).resolves.toBe(0);
  });
});
