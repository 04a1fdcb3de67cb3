// A running fleet (kube-sim hub and spokes, the five services, the guestbook ApplicationSet) with the
// web UI built and a real Chromium: what every UI spec starts from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Application } from '@flotilla/api-types';
import { buildUi } from '@flotilla/build';
import { startLocalFleet, type LocalFleet } from '@flotilla/local-fleet';
import { launchBrowser, ROOT } from '@flotilla/testing';
import type { Browser } from 'playwright-core';

export interface UiFleet {
  fleet: LocalFleet;
  browser: Browser;
  baseURL: string;
  stop(): Promise<void>;
}

/** `redisPort`: a Redis of the fleet's own (started on that port), apart from other fleets on the shared one. */
export async function startUiFleet(opts: { name: string; spokes?: string[]; redisPort?: number }): Promise<UiFleet> {
  const dir = mkdtempSync(join(tmpdir(), `flotilla-${opts.name}-`));
  await buildUi({ root: ROOT });
  const fleet = await startLocalFleet({
    spokes: opts.spokes ?? ['dev'],
    dir,
    apiPort: 0,
    redisPort: opts.redisPort,
    cliConfig: join(dir, 'cli', 'config'),
    queuePrefix: `e2e-${opts.name}${process.pid}`,
    resyncSeconds: 10,
  }).catch((err: Error) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  const browser = await launchBrowser().catch(async (err: Error) => {
    await fleet.stop();
    throw err;
  });
  return {
    fleet,
    browser,
    baseURL: `http://${fleet.apiAddress}`,
    stop: async () => {
      await browser.close().catch(() => undefined);
      await fleet.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the fleet has `count` Applications, all Synced and Healthy. */
export async function appsSyncedAndHealthy(fleet: LocalFleet, count: number, timeoutMs = 180_000): Promise<Application[]> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const apps = await fleet.applications();
    last = apps.map((a) => `${a.metadata.name}: ${a.status?.sync?.status}/${a.status?.health?.status}`).join(', ');
    if (apps.length >= count && apps.every((a) => a.status?.sync?.status === 'Synced' && a.status?.health?.status === 'Healthy')) return apps;
    if (Date.now() > deadline) throw new Error(`the Applications did not become Synced and Healthy: ${last}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
