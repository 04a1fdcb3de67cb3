import { DIFF_GROUP, create, crdPath, dropNamespace, freshCrd, freshNamespace, removeAndWait } from '../diff-resources.fixture';
import { DiffTarget } from '../diff-target.harness';
import { DifferentialCase } from '../differential-case';
import { Observation, expectOk } from '../observation.harness';

const image = { image: 'localhost/node-base:20', imagePullPolicy: 'Never', command: ['sh', '-c', 'sleep 3600'] };

/** metadata.generation after create, after a label change and after a spec change; null where absent. */
async function generations(t: DiffTarget, path: string, body: any, specPatch: object): Promise<Observation> {
  const created = expectOk(await create(t, path, body), `create ${body.kind}`);
  const item = `${path}/${body.metadata.name}`;
  const merge = { contentType: 'application/merge-patch+json' };
  const labelled = expectOk(
    await t.request('PATCH', item, { ...merge, body: { metadata: { labels: { touched: 'yes' } } } }),
    `label ${body.kind}`,
  );
  const changed = expectOk(await t.request('PATCH', item, { ...merge, body: specPatch }), `change ${body.kind}`);
  const gen = (o: any): Observation => o.metadata?.generation ?? null;
  return { created: gen(created), afterLabel: gen(labelled), afterChange: gen(changed) };
}

export const generationCase: DifferentialCase = {
  name: 'metadata.generation exists only where upstream keeps it and is bumped on spec changes',
  timeoutMs: 90_000,
  async observe(t) {
    const ns = await freshNamespace(t, 'diff-generation');
    await removeAndWait(t, '/api/v1/namespaces/diff-generation-ns', 120_000);
    const crd = await freshCrd(t, {
      plural: 'gadgets',
      kind: 'Gadget',
      schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    });
    try {
      const api = `/api/v1/namespaces/${ns}`;
      const meta = (name: string): object => ({ name });
      const labels = { app: 'g' };
      return {
        configMap: await generations(
          t,
          `${api}/configmaps`,
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cm'), data: { a: '1' } },
          { data: { a: '2' } },
        ),
        service: await generations(
          t,
          `${api}/services`,
          { apiVersion: 'v1', kind: 'Service', metadata: meta('svc'), spec: { ports: [{ port: 80, protocol: 'TCP' }] } },
          { spec: { ports: [{ port: 81, protocol: 'TCP' }] } },
        ),
        pod: await generations(
          t,
          `${api}/pods`,
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: meta('pod'),
            spec: { containers: [{ name: 'c', ...image }], terminationGracePeriodSeconds: 0 },
          },
          { spec: { activeDeadlineSeconds: 3600 } },
        ),
        namespace: await generations(
          t,
          '/api/v1/namespaces',
          { apiVersion: 'v1', kind: 'Namespace', metadata: meta('diff-generation-ns') },
          { spec: { finalizers: ['kubernetes'] } },
        ),
        deployment: await generations(
          t,
          `/apis/apps/v1/namespaces/${ns}/deployments`,
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: meta('deploy'),
            spec: {
              replicas: 0,
              selector: { matchLabels: labels },
              template: { metadata: { labels }, spec: { containers: [{ name: 'c', ...image }], terminationGracePeriodSeconds: 0 } },
            },
          },
          { spec: { replicas: 1 } },
        ),
        customResource: await generations(
          t,
          `/apis/${DIFF_GROUP}/v1/namespaces/${ns}/gadgets`,
          { apiVersion: `${DIFF_GROUP}/v1`, kind: 'Gadget', metadata: meta('gadget'), spec: { size: 1 } },
          { spec: { size: 2 } },
        ),
      };
    } finally {
      await removeAndWait(t, crdPath(crd), 60_000);
      await dropNamespace(t, 'diff-generation-ns');
      await dropNamespace(t, ns);
    }
  },
};
