// kube-sim's scale figures: memory for 100,000 objects in one sim, and list latency over HTTP.
// Run: npm run bench:kube-sim   (node --expose-gc makes the heap figures exact)
import { request } from 'node:http';
import { startKubeSim } from '../tools/kube-sim/src/kube-sim';
import type { ResourceType } from '../tools/kube-sim/src/registry/resource-type';

const TOTAL = Number(process.env.BENCH_OBJECTS ?? 100_000);
const LISTED_NAMESPACE_SIZE = 10_000;

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const settle = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};

function get(url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { Accept: 'application/json' } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
    })
      .on('error', reject)
      .end();
  });
}

async function timed(label: string, url: string, runs = 7): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const r = await get(url);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (r.status !== 200) throw new Error(`${label}: HTTP ${r.status}`);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${times[runs >> 1].toFixed(0).padStart(5)} ms   max ${times[runs - 1].toFixed(0).padStart(5)} ms   ${mib(bytes)}`);
}

function configMap(i: number): object {
  const ns = i < LISTED_NAMESPACE_SIZE ? 'big' : `ns-${i % 50}`;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `cm-${i}`, namespace: ns, labels: { app: `app-${i % 100}`, tier: i % 2 ? 'web' : 'db' }, annotations: { 'flotilla.dev/owner': 'bench' } },
    data: { 'config.yaml': `replicas: ${i % 7}\nimage: registry.example.com/app-${i % 100}:1.${i % 13}.0\nfeature: on\n` },
  };
}

async function main(): Promise<void> {
  settle();
  const baseline = process.memoryUsage();
  const sim = await startKubeSim({ name: 'bench', tls: false, auth: false });
  const { cluster } = sim;
  const ns = cluster.resource('', 'namespaces');
  for (const name of ['big', ...Array.from({ length: 50 }, (_, i) => `ns-${i}`)]) cluster.api.create(ns, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const cms: ResourceType = cluster.resource('', 'configmaps');

  const started = Date.now();
  for (let i = 0; i < TOTAL; i++) {
    const obj = configMap(i) as { metadata: { namespace: string } };
    cluster.api.create(cms, obj.metadata.namespace, obj, { fieldManager: 'bench' });
  }
  const seconds = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  settle();
  const loaded = process.memoryUsage();
  console.log(`kube-sim bench (${TOTAL.toLocaleString('en')} ConfigMaps, node ${process.version})`);
  console.log(`created ${TOTAL.toLocaleString('en')} objects through the API in ${seconds.toFixed(1)} s (${Math.round(TOTAL / seconds).toLocaleString('en')}/s)`);
  console.log(`memory: heap ${mib(loaded.heapUsed - baseline.heapUsed)} more, rss ${mib(loaded.rss)} total (target: < 1 GiB)`);

  await timed(`list ${LISTED_NAMESPACE_SIZE.toLocaleString('en')} (one namespace)`, `${sim.url}/api/v1/namespaces/big/configmaps`);
  await timed(`list ${LISTED_NAMESPACE_SIZE.toLocaleString('en')} with limit=500 (first page)`, `${sim.url}/api/v1/namespaces/big/configmaps?limit=500`);
  await timed('list one namespace by label (tier=web)', `${sim.url}/api/v1/namespaces/big/configmaps?labelSelector=tier%3Dweb`);
  await timed(`list all ${TOTAL.toLocaleString('en')} across namespaces`, `${sim.url}/api/v1/configmaps`, 3);
  await sim.stop();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
