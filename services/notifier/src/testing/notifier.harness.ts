import 'reflect-metadata';
import { flotillaCrds } from '@flotilla/api-types';
import { KubeSim, startKubeSim } from '@flotilla/kube-sim';
import { bootstrapService, type RunningService } from '@flotilla/platform';
import { startServiceProcess, type ServiceProcess } from '@flotilla/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotificationController } from '../notifications/notification-controller.service';
import { loadNotifierConfig } from '../notifier.config';
import { notifierModule, SERVICE_NAME } from '../notifier.module';

const ROOT = join(__dirname, '..', '..', '..', '..');
const MAIN = join(__dirname, '..', 'main.ts');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export type KubeApi = (method: string, path: string, body?: unknown, contentType?: string) => Promise<{ status: number; body: any }>;

/** REST access to a kube-sim cluster as its admin; fails on any non-2xx answer. */
export function kubeApi(sim: KubeSim): KubeApi {
  return async (method, path, body, contentType = 'application/json') => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${sim.adminToken}`, 'content-type': contentType },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** A kube-sim hub with the Argo CRDs and one namespace. */
export async function startHub(namespace: string): Promise<{ hub: KubeSim; kube: KubeApi }> {
  const hub = await startKubeSim({ name: 'hub', tls: false });
  const kube = kubeApi(hub);
  for (const crd of flotillaCrds()) await kube('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
  await kube('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  return { hub, kube };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver that records every request and answers `status()`. */
export async function startReceiver(status: () => number = () => 200): Promise<{ url: string; requests: ReceivedRequest[]; stop(): Promise<void> }> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(status()).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface NotifierProcess {
  logs(): string;
  stop(): Promise<void>;
}

/** The real notifier process (main.ts) against `hub`, ready once /readyz answers 200. */
export async function startNotifier(hub: KubeSim, env: Record<string, string>): Promise<NotifierProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'notifier-spec-'));
  writeFileSync(join(dir, 'kubeconfig'), hub.kubeconfig());
  const opsPort = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'), FLOTILLA_KUBECONFIG: join(dir, 'kubeconfig'), FLOTILLA_OPS_PORT: String(opsPort), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`notifier exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${opsPort}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { logs: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`notifier not ready within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Polls until `check` passes (it throws while not yet), or rethrows its last failure. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export interface NotifierReplica {
  /** Its name among the replicas sharing the Applications. */
  identity: string;
  service: RunningService;
  stop(): Promise<void>;
}

/** One notifier replica in this process (the real module, real Redis) against `hub`; `env` adds to FLOTILLA_KUBECONFIG. */
export async function startNotifierReplica(hub: KubeSim, env: Record<string, string>): Promise<NotifierReplica> {
  const dir = mkdtempSync(join(tmpdir(), 'notifier-replica-'));
  writeFileSync(join(dir, 'kubeconfig'), hub.kubeconfig());
  const config = loadNotifierConfig({ FLOTILLA_LOG_LEVEL: process.env.SPEC_LOG_LEVEL ?? 'silent', ...env, FLOTILLA_KUBECONFIG: join(dir, 'kubeconfig'), FLOTILLA_OPS_PORT: '0' });
  const service = await bootstrapService({ name: SERVICE_NAME, module: notifierModule(config), opsPort: 0, handleSignals: false });
  return {
    identity: service.app.get(NotificationController).identity,
    service,
    stop: async () => {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A notifier replica as its own process (main.ts), which a spec can SIGTERM or SIGKILL. */
export async function startNotifierProcess(hub: KubeSim, env: Record<string, string>): Promise<ServiceProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'notifier-process-'));
  writeFileSync(join(dir, 'kubeconfig'), hub.kubeconfig());
  const child = await startServiceProcess(MAIN, { FLOTILLA_LOG_LEVEL: 'warn', ...env, FLOTILLA_KUBECONFIG: join(dir, 'kubeconfig') });
  const cleanup = (end: () => Promise<void>) => async () => {
    await end();
    rmSync(dir, { recursive: true, force: true });
  };
  return { ...child, stop: cleanup(child.stop), kill: cleanup(child.kill) };
}
export type { ServiceProcess } from '@flotilla/testing';
