import { startKubeSim, KubeSim } from '@flotilla/kube-sim';
import { flotillaCrds, type KubeObject } from '@flotilla/api-types';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCrds } from './crd.installer';
import { Informer } from './informer';
import { KubeApiError } from './kube-api.error';
import { kubeClientForCluster, kubeClientFromKubeconfig } from './kube-client.factory';
import type { KubeClient } from './kube.client';

let sim: KubeSim;
let kube: KubeClient;

const cm = (name: string, data: Record<string, string>, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', labels },
  data,
});

const until = async (cond: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

beforeAll(async () => {
  sim = await startKubeSim({ name: 'platform-kube', timing: { podStartMs: 50, nodes: 1 } });
  const dir = mkdtempSync(join(tmpdir(), 'platform-kube-'));
  writeFileSync(join(dir, 'kubeconfig'), sim.kubeconfig());
  kube = kubeClientFromKubeconfig(join(dir, 'kubeconfig'));
});
afterAll(async () => {
  kube.close();
  await sim.stop();
});

describe('KubeClient against kube-sim', () => {
  it('creates, reads, lists by label, patches, replaces and deletes', async () => {
    await kube.create(cm('a', { x: '1' }, { suite: 'crud' }));
    await kube.create(cm('b', { x: '2' }, { suite: 'other' }));
    const read = await kube.get<KubeObject & { data: Record<string, string> }>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', namespace: 'default' },
    });
    expect(read.data).toEqual({ x: '1' });
    expect(read.kind).toBe('ConfigMap');

    const listed = await kube.list('v1', 'ConfigMap', { namespace: 'default', labelSelector: 'suite=crud' });
    expect(listed.items.map((o) => [o.kind, o.metadata?.name])).toEqual([['ConfigMap', 'a']]);
    expect(listed.metadata.resourceVersion).toBeTruthy();

    const merged = await kube.patch<KubeObject & { data: Record<string, string> }>(read, { data: { y: '3' } }, 'merge');
    expect(merged.data).toEqual({ x: '1', y: '3' });
    const replaced = await kube.replace<KubeObject & { data: Record<string, string> }>({ ...merged, data: { z: '4' } });
    expect(replaced.data).toEqual({ z: '4' });

    await kube.delete(read);
    await expect(kube.get(read)).rejects.toMatchObject({ code: 404, reason: 'NotFound' });
  });

  it('deletes with a DeleteOptions body (propagation policy) and as a dry run', async () => {
    const obj = cm('with-options', { x: '1' });
    await kube.create(obj);
    await kube.delete(obj, { propagationPolicy: 'Foreground', dryRun: true });
    await expect(kube.get(obj)).resolves.toMatchObject({ metadata: { name: 'with-options' } });
    await kube.delete(obj, { propagationPolicy: 'Background', gracePeriodSeconds: 0 });
    await expect(kube.get(obj)).rejects.toMatchObject({ code: 404 });
  });

  it('applies server-side with a field manager and reports conflicts with the Status reason', async () => {
    const obj = cm('ssa', { owner: 'flotilla' });
    const applied = await kube.apply(obj, { fieldManager: 'argocd-controller' });
    const managers = (applied.metadata?.managedFields as { manager: string }[]).map((m) => m.manager);
    expect(managers).toContain('argocd-controller');
    const again = await kube.create(cm('ssa', {})).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(KubeApiError);
    expect(again).toMatchObject({ code: 409, reason: 'AlreadyExists' });
    expect((again as Error).message).toContain('create ConfigMap default/ssa');
  });

  it('dry-runs a create without storing it', async () => {
    await kube.create(cm('dry', { a: '1' }), { dryRun: true });
    await expect(kube.get(cm('dry', {}))).rejects.toMatchObject({ code: 404 });
  });

  it('discovers kinds, scopes and a CRD created at run time', async () => {
    expect(await kube.isNamespaced('v1', 'Namespace')).toBe(false);
    expect(await kube.isNamespaced('apps/v1', 'Deployment')).toBe(true);
    await expect(kube.resourceFor('example.flotilla.dev/v1', 'Gadget')).rejects.toMatchObject({ code: 404 });
    await kube.create({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'gadgets.example.flotilla.dev' },
      spec: {
        group: 'example.flotilla.dev',
        scope: 'Cluster',
        names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          },
        ],
      },
    });
    await new Promise((r) => setTimeout(r, 1100));
    let resource;
    for (let i = 0; i < 50 && !resource; i++) {
      resource = await kube.resourceFor('example.flotilla.dev/v1', 'Gadget').catch(() => undefined);
      if (!resource) await new Promise((r) => setTimeout(r, 1100));
    }
    expect(resource).toMatchObject({ name: 'gadgets', namespaced: false });
    const kinds = (await kube.resources()).map((r) => `${r.apiVersion}/${r.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['v1/ConfigMap', 'apps/v1/Deployment', 'example.flotilla.dev/v1/Gadget']));
  });

  it('answers its version and names an unreachable server as code 0', async () => {
    expect((await kube.serverVersion()).gitVersion).toMatch(/^v1\.\d+/);
    const dead = kubeClientForCluster({ name: 'dead', server: 'https://127.0.0.1:1', config: { tlsClientConfig: { insecure: true } } });
    const err = (await dead.serverVersion().catch((e: unknown) => e)) as KubeApiError;
    expect(err).toBeInstanceOf(KubeApiError);
    expect(err.code).toBe(0);
    expect(err.message).toContain('get version of dead');
  });

  it('reaches a cluster from an Argo cluster config with a bearer token', async () => {
    const access = sim.access();
    const client = kubeClientForCluster({
      name: 'spoke',
      server: access.url,
      config: { bearerToken: access.token, tlsClientConfig: { caData: access.caData } },
    });
    expect((await client.list('v1', 'Namespace')).items.map((n) => n.metadata?.name)).toContain('default');
    const denied = kubeClientForCluster({
      name: 'spoke',
      server: access.url,
      config: { bearerToken: 'wrong', tlsClientConfig: { caData: access.caData } },
    });
    await expect(denied.list('v1', 'Namespace')).rejects.toMatchObject({ code: 401 });
    client.close();
  });
});

describe('Informer', () => {
  it('lists, then follows adds, updates and deletes, and serves the store', async () => {
    await kube.create(cm('inf-1', { v: '1' }, { suite: 'informer' }));
    const informer = new Informer(kube, { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', labelSelector: 'suite=informer' });
    const seen: string[] = [];
    informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on('update', (before, after) =>
      seen.push(
        `update ${after.metadata?.name} ${(before as { data: { v: string } }).data.v}->${(after as { data: { v: string } }).data.v}`,
      ),
    );
    informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
    await informer.start();
    expect(informer.synced).toBe(true);
    expect(seen).toEqual(['add inf-1']);

    await kube.create(cm('inf-2', { v: '1' }, { suite: 'informer' }));
    await kube.patch(cm('inf-1', {}), { data: { v: '2' } });
    await kube.delete(cm('inf-2', {}));
    await until(() => seen.length === 4, 'four events');
    expect(seen).toEqual(['add inf-1', 'add inf-2', 'update inf-1 1->2', 'delete inf-2']);
    expect(informer.get('inf-1', 'default')).toMatchObject({ data: { v: '2' } });
    expect(informer.list().map((o) => o.metadata?.name)).toEqual(['inf-1']);
    await informer.stop();
  });

  it('relists after the watch breaks and reports what changed meanwhile', async () => {
    await kube.create(cm('gap-1', { v: '1' }, { suite: 'gap' }));
    const informer = new Informer(kube, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: 'default',
      labelSelector: 'suite=gap',
      watchTimeoutSeconds: 1,
    });
    const seen: string[] = [];
    informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
    await informer.start();
    await kube.delete(cm('gap-1', {}));
    await kube.create(cm('gap-2', { v: '1' }, { suite: 'gap' }));
    await until(() => seen.length === 3, 'changes across a watch restart');
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen).toEqual(['add gap-1', 'delete gap-1', 'add gap-2']);
    await informer.stop();
  });
});

describe('installCrds', () => {
  it('creates missing CRDs, leaves equal ones, updates changed ones, and waits until they are served', async () => {
    const crds = flotillaCrds();
    const first = await installCrds(kube, crds);
    expect(first.created.sort()).toEqual(['applications.argoproj.io', 'applicationsets.argoproj.io', 'appprojects.argoproj.io']);
    expect((await kube.list('argoproj.io/v1alpha1', 'Application', { namespace: 'default' })).items).toEqual([]);
    expect(await installCrds(kube, crds)).toEqual({ created: [], updated: [], unchanged: crds.map((c) => c.metadata.name) });
    const changed = crds.map((c) =>
      c.metadata.name === 'appprojects.argoproj.io'
        ? {
            ...c,
            metadata: { ...c.metadata },
            spec: { ...c.spec, names: { ...c.spec.names, shortNames: ['appproj', 'appprojs', 'proj'] } },
          }
        : c,
    );
    expect((await installCrds(kube, changed)).updated).toEqual(['appprojects.argoproj.io']);
  });
});
