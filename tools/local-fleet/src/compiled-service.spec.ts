import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flotillaCrds } from '@flotilla/api-types';
import { buildDist, serviceEntry } from '@flotilla/build';
import { renderKubeconfig, startKubeSim, type KubeSim } from '@flotilla/kube-sim';
import { kubeClientFromKubeconfig, type KubeClient } from '@flotilla/platform';
import { REPO_ROOT, ServiceProcess } from './service-process';

// npm start and the image run the services from `npm run build`'s dist/: the api-server (the one that
// reads the most files at start-up: the .proto contracts, the chart's CRDs) starts from there on
// Node alone and becomes ready against a hub. Needs Redis on 6379.

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('a service compiled by npm run build', () => {
  let dir: string;
  let hub: KubeSim;
  let client: KubeClient;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'compiled-service-spec-'));
    hub = await startKubeSim({ name: 'hub' });
    writeFileSync(join(dir, 'kubeconfig'), renderKubeconfig([hub.access()]), { mode: 0o600 });
    client = kubeClientFromKubeconfig(join(dir, 'kubeconfig'), 'hub');
    await client.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argocd' } });
  });

  afterAll(async () => {
    await service?.stop();
    service?.closeLog();
    client.close();
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the api-server from dist/ without a TypeScript compiler, and it installs the CRDs', async () => {
    // Incremental: after npm start or an earlier run this only checks that dist/ is current.
    const { outDir } = await buildDist({ root: REPO_ROOT });
    const opsPort = await freePort();
    service = new ServiceProcess({
      name: 'api-server',
      entry: serviceEntry(outDir, 'api-server'),
      env: {
        FLOTILLA_KUBECONFIG: join(dir, 'kubeconfig'),
        FLOTILLA_KUBE_CONTEXT: 'hub',
        FLOTILLA_NAMESPACE: 'argocd',
        FLOTILLA_REDIS_URL: 'redis://127.0.0.1:6379',
        FLOTILLA_QUEUE_PREFIX: `compiled-service-spec-${process.pid}`,
        FLOTILLA_API_PORT: String(await freePort()),
        FLOTILLA_OPS_PORT: String(opsPort),
        FLOTILLA_REPO_SERVER: `127.0.0.1:${await freePort()}`,
      },
      opsPort,
      logFile: join(dir, 'api-server.log'),
    });

    await service.start(45_000);

    const cmdline = readFileSync(`/proc/${service.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(cmdline.slice(1)).toEqual([join(REPO_ROOT, 'dist', 'services', 'api-server', 'src', 'main.js')]);
    const installed = await Promise.all(
      flotillaCrds().map((crd) =>
        client.get({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: crd.metadata.name } }),
      ),
    );
    expect(installed.map((crd) => crd.metadata?.name).sort()).toEqual(
      flotillaCrds()
        .map((crd) => crd.metadata.name)
        .sort(),
    );
  }, 60_000);
});
