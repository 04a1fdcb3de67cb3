import { DIFF_GROUP, crdPath, dropNamespace, freshCrd, freshNamespace } from '../diff-resources.fixture';
import { DifferentialCase } from '../differential-case';
import { expectOk } from '../observation.harness';

const WITHIN_MS = 10_000;

export const crdWatchCase: DifferentialCase = {
  name: 'a watch on a custom resource ends once its CRD is deleted',
  timeoutMs: 90_000,
  async observe(t) {
    const ns = await freshNamespace(t, 'diff-crd-watch');
    const crd = await freshCrd(t, {
      plural: 'cogs',
      kind: 'Cog',
      schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    });
    const path = `/apis/${DIFF_GROUP}/v1/namespaces/${ns}/cogs`;
    expectOk(
      await t.request('POST', path, { body: { apiVersion: `${DIFF_GROUP}/v1`, kind: 'Cog', metadata: { name: 'c' } } }),
      'create Cog',
    );
    const list = expectOk(await t.request('GET', path), 'list Cogs');
    const watch = await t.watch(`${path}?watch=true&resourceVersion=${list.metadata.resourceVersion}`);
    try {
      const deletedAt = Date.now();
      expectOk(await t.request('DELETE', crdPath(crd)), 'delete CRD');
      const end = await Promise.race([watch.ended, new Promise<undefined>((r) => setTimeout(() => r(undefined), WITHIN_MS))]);
      return {
        watchCode: watch.status,
        endedWithin10s: end !== undefined && Date.now() - deletedAt <= WITHIN_MS,
        endedWithError: end?.error ?? null,
        eventTypes: watch.events.map((e) => e.type),
        deletedNames: watch.events.filter((e) => e.type === 'DELETED').map((e) => e.object?.metadata?.name ?? null),
      };
    } finally {
      watch.stop();
      await dropNamespace(t, ns);
    }
  },
};
