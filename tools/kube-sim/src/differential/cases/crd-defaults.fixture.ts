import { DIFF_GROUP, dropNamespace, freshCrd, freshNamespace, removeAndWait, crdPath } from '../diff-resources.fixture';
import { DifferentialCase } from '../differential-case';
import { expectOk } from '../observation.harness';

const schema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        replicas: { type: 'integer', default: 1 },
        mode: { type: 'string', default: 'fast' },
        limits: { type: 'object', default: {}, properties: { cpu: { type: 'string', default: '100m' } } },
        probe: { type: 'object', properties: { path: { type: 'string', default: '/healthz' }, port: { type: 'integer' } } },
        ports: {
          type: 'array',
          items: { type: 'object', properties: { name: { type: 'string' }, protocol: { type: 'string', default: 'TCP' } } },
        },
      },
    },
  },
};

export const crdDefaultsCase: DifferentialCase = {
  name: 'CRD structural schema defaults are applied to a created custom resource',
  timeoutMs: 90_000,
  async observe(t) {
    const ns = await freshNamespace(t, 'diff-crd-defaults');
    const crd = await freshCrd(t, { plural: 'defaulteds', kind: 'Defaulted', schema });
    try {
      const path = `/apis/${DIFF_GROUP}/v1/namespaces/${ns}/defaulteds`;
      // Defaults fill absent fields, an empty parent gets its own default ({} → cpu), a present parent
      // gets the defaults of its children, and each list item is defaulted; set values are kept.
      const body = {
        apiVersion: `${DIFF_GROUP}/v1`,
        kind: 'Defaulted',
        metadata: { name: 'd' },
        spec: { mode: 'slow', probe: { port: 8080 }, ports: [{ name: 'http' }, { name: 'dns', protocol: 'UDP' }] },
      };
      const created = expectOk(await t.request('POST', path, { body }), 'create Defaulted');
      const read = expectOk(await t.request('GET', `${path}/d`), 'get Defaulted');
      const bare = expectOk(
        await t.request('POST', path, { body: { apiVersion: `${DIFF_GROUP}/v1`, kind: 'Defaulted', metadata: { name: 'bare' } } }),
        'create bare Defaulted',
      );
      return { created: created.spec, read: read.spec, withoutSpec: bare.spec ?? null };
    } finally {
      await removeAndWait(t, crdPath(crd), 60_000);
      await dropNamespace(t, ns);
    }
  },
};
