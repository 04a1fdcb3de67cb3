import { DIFF_GROUP, crdPath, freshCrd, freshNamespace, dropNamespace } from '../diff-resources.fixture';
import { DifferentialCase } from '../differential-case';
import { expectOk, within } from '../observation.harness';

export const crdFinalizerCase: DifferentialCase = {
  name: 'a CRD gets customresourcecleanup at DELETE, not at create',
  timeoutMs: 90_000,
  async observe(t) {
    const ns = await freshNamespace(t, 'diff-crd-finalizer');
    const crd = await freshCrd(t, {
      plural: 'sprockets',
      kind: 'Sprocket',
      schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    });
    try {
      const created = expectOk(await t.request('GET', crdPath(crd)), 'get CRD');
      // A resource left in place makes the cleanup visible: it is deleted before the CRD goes.
      expectOk(
        await t.request('POST', `/apis/${DIFF_GROUP}/v1/namespaces/${ns}/sprockets`, {
          body: { apiVersion: `${DIFF_GROUP}/v1`, kind: 'Sprocket', metadata: { name: 's' } },
        }),
        'create Sprocket',
      );
      const deleting = await t.request('DELETE', crdPath(crd));
      const answer = deleting.json;
      const gone = await within(30_000, async () => (await t.request('GET', crdPath(crd))).status === 404, 250);
      return {
        finalizersAtCreate: created.metadata.finalizers ?? null,
        deleteCode: deleting.status,
        deleteAnswer: {
          kind: answer?.kind ?? null,
          finalizers: answer?.metadata?.finalizers ?? null,
          deletionTimestamp: Boolean(answer?.metadata?.deletionTimestamp),
        },
        goneWithin30s: Boolean(gone),
      };
    } finally {
      await dropNamespace(t, ns);
    }
  },
};
