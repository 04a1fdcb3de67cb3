// `npm start`: Flotilla on this machine with embedded defaults — kube-sim clusters hub, dev, staging
// and prod, the example app in a local git repository, Redis, and the five services as processes.
import 'reflect-metadata';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type Application } from '@flotilla/api-types';
import { startLocalFleet, type LocalFleet } from './local-fleet';

const WAIT_FOR_APPS_MS = 180_000;

async function main(): Promise<void> {
  const dir = process.env.FLOTILLA_LOCAL_DIR ?? join(process.cwd(), '.flotilla');
  const cliConfig = process.env.FLOTILLA_CONFIG ?? join(homedir(), '.config', 'flotilla', 'config');
  const apiPort = Number(process.env.FLOTILLA_API_PORT ?? 8080);
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  say(`Starting Flotilla locally (state in ${dir})`);
  const fleet = await startLocalFleet({ dir, apiPort, cliConfig, resyncSeconds: 30, supervise: true, compiled: true, log: (l) => say(`  ${l}`) });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping the services, the clusters, git and (if started here) Redis…`);
    fleet.stop().then(
      () => {
        say('Stopped.');
        process.exit(0);
      },
      (err: Error) => {
        process.stderr.write(`stopping failed: ${err.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  await fleet.applyApplicationSet();
  say('  waiting for the three Applications to be Synced and Healthy…');
  await waitForApps(fleet, 3);
  say('');
  say(`Flotilla is running. API (gRPC and REST): http://${fleet.apiAddress}`);
  say('Try, from another terminal:');
  say('  npx flotilla app list');
  say('  npx flotilla app get guestbook-dev');
  say('  npx flotilla cluster list');
  say(
    `  curl -s -H "Authorization: Bearer $(grep auth-token ${fleet.cliEnv.FLOTILLA_CONFIG} | head -1 | awk '{print $2}')" http://${fleet.apiAddress}/api/v1/applications`,
  );
  say(`Change the app: edit ${fleet.repo.workDir}/guestbook, then git commit and git push there.`);
  say(`Clusters: KUBECONFIG=${fleet.kubeconfigPath} kubectl --context dev get deploy -n guestbook`);
  say('Press Ctrl-C to stop.');
  say(`Open the web UI: http://${fleet.apiAddress}/  (user admin, password ${fleet.adminPassword})`);
}

async function waitForApps(fleet: LocalFleet, count: number): Promise<void> {
  const deadline = Date.now() + WAIT_FOR_APPS_MS;
  let last = '';
  for (;;) {
    const apps = await fleet.applications();
    const state = apps
      .map((a: Application) => `${a.metadata.name}: ${a.status?.sync?.status ?? 'Unknown'}/${a.status?.health?.status ?? 'Unknown'}`)
      .sort();
    const line = state.join(', ') || 'no Applications yet';
    if (line !== last) process.stdout.write(`    ${line}\n`);
    last = line;
    const done = apps.filter((a) => a.status?.sync?.status === 'Synced' && a.status?.health?.status === 'Healthy');
    if (apps.length >= count && done.length >= count) return;
    if (Date.now() > deadline)
      throw new Error(`the Applications did not become Synced and Healthy within ${WAIT_FOR_APPS_MS / 1000}s: ${line}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

main().catch((err: Error) => {
  process.stderr.write(`flotilla: ${err.message}\n`);
  process.exit(1);
});
