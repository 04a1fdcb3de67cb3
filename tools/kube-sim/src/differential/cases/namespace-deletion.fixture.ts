import { freshNamespace } from '../diff-resources.fixture';
import { DifferentialCase } from '../differential-case';
import { statusOf, within } from '../observation.harness';

export const namespaceDeletionCase: DifferentialCase = {
  name: 'a deleted namespace is Terminating at once and gone within seconds',
  timeoutMs: 90_000,
  async observe(t) {
    const ns = await freshNamespace(t, 'diff-ns-deletion');
    const path = `/api/v1/namespaces/${ns}`;
    await t.request('POST', `${path}/configmaps`, { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } } });
    const deleted = await t.request('DELETE', path);
    const right = await t.request('GET', path);
    // What a user sees creating into it meanwhile: NamespaceLifecycle's refusal.
    const refused = await t.request('POST', `${path}/configmaps`, {
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' } },
    });
    const gone = await within(30_000, async () => (await t.request('GET', path)).status === 404, 250);
    return {
      delete: {
        code: deleted.status,
        kind: deleted.json?.kind ?? null,
        phase: deleted.json?.status?.phase ?? null,
        deletionTimestamp: Boolean(deleted.json?.metadata?.deletionTimestamp),
      },
      rightAfter: { code: right.status, phase: right.json?.status?.phase ?? null, finalizers: right.json?.spec?.finalizers ?? null },
      createMeanwhile: statusOf(refused),
      goneWithin30s: Boolean(gone),
    };
  },
};
