// The application List at fleet scale: 10,000 Applications in a kube-sim hub, read whole (as before
// pages) and a page of 100/500 at a time, each answer made into its wire message.
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/app-list.bench.ts
import type { Application } from '@flotilla/api-types';
import { ARGO_API_VERSION, flotillaCrds } from '@flotilla/api-types';
import { contracts } from '@flotilla/contracts';
import { startKubeSim } from '@flotilla/kube-sim';
import { kubeClientFromKubeconfigString } from '@flotilla/platform';
import { RbacPolicy } from '../services/api-server/src/accounts/rbac.policy';
import { ApplicationService } from '../services/api-server/src/applications/application.service';
import type { ApplicationValidationService } from '../services/api-server/src/applications/application-validation.service';
import { KubeResourceStore } from '../services/api-server/src/hub/kube-resource.store';
import { toJsonList } from '../services/api-server/src/rpc/json-list';
import { CallContext } from '../services/api-server/src/session/session.service';

const TOTAL = Number(process.env.BENCH_APPS ?? 10_000);
const NAMESPACE = 'argocd';

const app = (i: number) => ({
  apiVersion: ARGO_API_VERSION,
  kind: 'Application',
  metadata: { name: `app-${String(i).padStart(5, '0')}`, namespace: NAMESPACE, labels: { team: `team-${i % 20}` } },
  spec: {
    project: 'default',
    source: { repoURL: 'https://example.com/fleet.git', path: `apps/app-${i}`, targetRevision: 'main' },
    destination: { server: 'https://kubernetes.default.svc', namespace: `ns-${i % 50}` },
    syncPolicy: { automated: { prune: true, selfHeal: true } },
  },
  status: { sync: { status: 'Synced', revision: 'a'.repeat(40) }, health: { status: 'Healthy' } },
});

async function timed(label: string, run: () => Promise<number>, runs = 5): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    bytes = await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const kib = (bytes / 1024).toFixed(0);
  console.log(`${label.padEnd(48)} median ${times[runs >> 1].toFixed(0).padStart(5)} ms   max ${times[runs - 1].toFixed(0).padStart(5)} ms   ${kib.padStart(6)} KiB on the wire`);
}

async function main(): Promise<void> {
  const sim = await startKubeSim({ name: 'bench-hub', tls: false });
  const { cluster } = sim;
  cluster.api.create(cluster.resource('', 'namespaces'), '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
  const crds = cluster.resource('apiextensions.k8s.io', 'customresourcedefinitions');
  for (const crd of flotillaCrds()) cluster.api.create(crds, '', crd as never);
  await new Promise((r) => setTimeout(r, 200));
  const apps = cluster.resource('argoproj.io', 'applications');
  const started = Date.now();
  for (let i = 0; i < TOTAL; i++) cluster.api.create(apps, NAMESPACE, app(i), { fieldManager: 'bench' });
  console.log(`app list bench (${TOTAL.toLocaleString('en')} Applications, node ${process.version}); created in ${Date.now() - started} ms`);

  const kube = kubeClientFromKubeconfigString(sim.kubeconfig());
  const store = new KubeResourceStore<Application>(kube, { apiVersion: ARGO_API_VERSION, kind: 'Application' }, NAMESPACE);
  const service = new ApplicationService(store, {} as ApplicationValidationService);
  const ctx = new CallContext({ sub: 'admin' } as never, new RbacPolicy('g, admin, role:admin'));
  const serialize = contracts().application.ApplicationService.service.List.responseSerialize;
  const wire = (list: { items: Application[]; resourceVersion?: string; continue?: string; remainingItemCount?: number }) =>
    serialize(toJsonList(list.items, list.resourceVersion, list)).length;

  await timed('hub list only (kube-sim over HTTP, parsed)', async () => (await store.list()).items.length);
  await timed(`List, everything (${TOTAL.toLocaleString('en')} apps)`, async () => wire(await service.list(ctx, { projects: [] })));
  for (const limit of [100, 500]) {
    await timed(`List, first page of ${limit}`, async () => wire(await service.list(ctx, { projects: [], limit })));
    const first = await service.list(ctx, { projects: [], limit });
    await timed(`List, a later page of ${limit} (continue)`, async () => wire(await service.list(ctx, { projects: [], limit, continue: first.continue })));
  }
  let pages = 0;
  const walkStarted = Date.now();
  for (let token: string | undefined, n = 0; n === 0 || token; n++) {
    const page = await service.list(ctx, { projects: [], limit: 500, continue: token });
    token = page.continue;
    pages++;
  }
  console.log(`every page of 500 in turn: ${pages} pages in ${Date.now() - walkStarted} ms`);
  kube.close();
  await sim.stop();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
