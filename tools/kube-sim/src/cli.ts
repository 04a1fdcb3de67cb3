import { Command, InvalidArgumentError } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { FaultSettings } from './faults/faults';
import { renderKubeconfig } from './kubeconfig';
import { KubeSim, startKubeSim } from './kube-sim';
import { DEFAULT_KUBE_VERSION, parseKubeVersion } from './registry/kube-versions';

interface FleetState {
  controlUrl: string;
  clusters: Record<string, string>;
}

const stateFile = (kubeconfig: string): string => `${resolve(kubeconfig)}.kube-sim.json`;

const int = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`"${v}" is not a non-negative integer`);
  return n;
};

/** Refuses an unsupported version while parsing, so commander prints the usage error. */
const kubeVersion = (v: string): string => {
  try {
    parseKubeVersion(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message.replace(/^kube-sim: /, ''));
  }
  return v;
};

const share = (v: string): number => {
  const n = Number(v);
  if (!(n >= 0 && n < 1)) throw new InvalidArgumentError(`"${v}" is not a share from 0 up to 1`);
  return n;
};

export async function main(argv: string[]): Promise<void> {
  const program = new Command('kube-sim').description('Simulated Kubernetes API servers for tests and demos');
  program
    .command('run', { isDefault: true })
    .description('start a fleet of simulated clusters and write a kubeconfig with one context each')
    .option('--clusters <names>', 'comma-separated cluster names', 'hub')
    .option('--kubeconfig <path>', 'where to write the kubeconfig', './kubeconfig')
    .option('--port <n>', 'first port (the others follow); 0 picks free ports', int, 0)
    .option('--http', 'serve plain HTTP instead of HTTPS')
    .option('--no-auth', 'accept every request as cluster-admin')
    .option('--persist <dir>', 'keep each cluster\'s state in <dir>/<name>.jsonl across restarts')
    .option('--nodes <n>', 'simulated nodes per cluster', int, 1)
    .option('--pod-start-ms <ms>', 'time from pod creation to Ready', int, 1000)
    .option('--jitter <share>', 'spread pod start and Job run times by ± this share, fixed per pod (0: exact)', share, 0.25)
    .option('--instant', 'pods Ready, Jobs done and namespaces gone on the next tick (the start-ms annotation still holds)')
    .option('--namespace-deletion-ms <ms>', 'time a deleted namespace stays Terminating (0: instant)', int, 1500)
    .option('--kube-version <minor>', 'the Kubernetes version to behave as, 1.20 … 1.32', kubeVersion, DEFAULT_KUBE_VERSION)
    .action(runFleet);
  program
    .command('fault')
    .description('inject or clear a fault in a running fleet')
    .requiredOption('--cluster <name>', 'the cluster to change')
    .option('--kubeconfig <path>', 'the kubeconfig the fleet wrote', './kubeconfig')
    .option('--refuse', 'refuse connections')
    .option('--hang', 'accept requests and never answer')
    .option('--latency <ms>', 'delay every answer', int)
    .option('--error-rate <share>', 'answer this share of requests (0..1) with an error', parseFloat)
    .option('--error-code <code>', '500, 429 or 503', int)
    .option('--revoke-token <token>', 'make a bearer token invalid')
    .option('--clear', 'remove every fault')
    .action(sendFault);
  await program.parseAsync(argv);
}

async function runFleet(opts: { clusters: string; kubeconfig: string; port: number; http?: boolean; auth: boolean; persist?: string; nodes: number; podStartMs: number; jitter: number; instant?: boolean; namespaceDeletionMs: number; kubeVersion: string }): Promise<void> {
  const names = opts.clusters.split(',').map((n) => n.trim()).filter(Boolean);
  const sims: KubeSim[] = [];
  for (const [i, name] of names.entries()) {
    sims.push(
      await startKubeSim({
        name,
        port: opts.port ? opts.port + i : 0,
        tls: !opts.http,
        auth: opts.auth,
        persistPath: opts.persist ? resolve(opts.persist, `${name}.jsonl`) : undefined,
        timing: { nodes: opts.nodes, podStartMs: opts.podStartMs, jitter: opts.jitter, instant: !!opts.instant, namespaceDeletionMs: opts.namespaceDeletionMs },
        kubeVersion: opts.kubeVersion,
      }),
    );
  }
  writeFileSync(opts.kubeconfig, renderKubeconfig(sims.map((s) => s.access())), { mode: 0o600 });
  const control = await serveFaultControl(sims, opts.kubeconfig);
  const kc = resolve(opts.kubeconfig);
  process.stdout.write(
    [
      `kube-sim: ${sims.length} cluster(s) running`,
      ...sims.map((s) => `  ${s.name.padEnd(12)} ${s.url}`),
      '',
      `  export KUBECONFIG=${kc}`,
      `  kubectl --context ${sims[0].name} get namespaces`,
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((done) => {
    const stop = (): void => {
      void Promise.all([control.close(), ...sims.map((s) => s.stop())]).then(() => done());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * Lets `kube-sim fault --kubeconfig <file>` reach a fleet started in this process: a control endpoint
 * on loopback, announced in `<kubeconfig>.kube-sim.json`.
 */
export async function serveFaultControl(sims: KubeSim[], kubeconfig: string): Promise<{ url: string; close(): Promise<void> }> {
  const control = await startControl(sims);
  const state: FleetState = { controlUrl: control.url, clusters: Object.fromEntries(sims.map((s) => [s.name, s.url])) };
  writeFileSync(stateFile(kubeconfig), JSON.stringify(state, null, 2));
  return control;
}

async function startControl(sims: KubeSim[]): Promise<{ url: string; close(): Promise<void> }> {
  const byName = new Map(sims.map((s) => [s.name, s]));
  const server = createServer((req, res) => {
    void readJson(req).then(
      async (body: { cluster?: string; faults?: Partial<FaultSettings>; revokeToken?: string; clear?: boolean }) => {
        const sim = body.cluster ? byName.get(body.cluster) : undefined;
        if (!sim) {
          res.writeHead(404).end(`no cluster named "${body.cluster}"`);
          return;
        }
        if (body.clear) await sim.faults.clear();
        if (body.faults) await sim.faults.set(body.faults);
        if (body.revokeToken) sim.faults.revokeToken(body.revokeToken);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(sim.faults.current));
      },
      (e: unknown) => res.writeHead(400).end(String(e)),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

async function readJson(req: IncomingMessage): Promise<Record<string, never>> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return JSON.parse(text) as Record<string, never>;
}

async function sendFault(opts: { cluster: string; kubeconfig: string; refuse?: boolean; hang?: boolean; latency?: number; errorRate?: number; errorCode?: number; revokeToken?: string; clear?: boolean }): Promise<void> {
  let state: FleetState;
  try {
    state = JSON.parse(readFileSync(stateFile(opts.kubeconfig), 'utf8')) as FleetState;
  } catch {
    throw new Error(`no running fleet found for ${opts.kubeconfig} (expected ${stateFile(opts.kubeconfig)})`);
  }
  const faults: Partial<FaultSettings> = {};
  if (opts.refuse) faults.refuseConnections = true;
  if (opts.hang) faults.hang = true;
  if (opts.latency !== undefined) faults.latencyMs = opts.latency;
  if (opts.errorRate !== undefined) faults.errorRate = opts.errorRate;
  if (opts.errorCode !== undefined) faults.errorCode = opts.errorCode as FaultSettings['errorCode'];
  const res = await fetch(state.controlUrl, {
    method: 'POST',
    body: JSON.stringify({ cluster: opts.cluster, faults, revokeToken: opts.revokeToken, clear: opts.clear }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(text);
  process.stdout.write(`${opts.cluster}: ${text}\n`);
}
