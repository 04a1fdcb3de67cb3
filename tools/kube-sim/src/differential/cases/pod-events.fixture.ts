import { create, dropNamespace, freshNamespace } from '../diff-resources.fixture';
import { DifferentialCase } from '../differential-case';
import { Observation, expectOk, within } from '../observation.harness';

const REASONS = ['Scheduled', 'Pulled', 'Created', 'Started'];

export const podEventsCase: DifferentialCase = {
  name: 'a pod that runs has Scheduled, Pulled, Created and Started Events',
  timeoutMs: 90_000,
  async observe(t) {
    const ns = await freshNamespace(t, 'diff-pod-events');
    const api = `/api/v1/namespaces/${ns}`;
    try {
      const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'runner' },
        spec: {
          terminationGracePeriodSeconds: 0,
          containers: [{ name: 'main', image: 'localhost/node-base:20', imagePullPolicy: 'Never', command: ['sh', '-c', 'sleep 3600'] }],
        },
      };
      expectOk(await create(t, `${api}/pods`, pod), 'create pod');
      const running = await within(60_000, async () => {
        const p = (await t.request('GET', `${api}/pods/runner`)).json;
        return p?.status?.phase === 'Running' && p;
      });
      if (!running) throw new Error('pod runner not Running within 60 s');
      const selector = encodeURIComponent('involvedObject.kind=Pod,involvedObject.name=runner');
      // The kubelet records Started right after the container starts: give it a moment to land.
      const events = await within(10_000, async () => {
        const items = expectOk(await t.request('GET', `${api}/events?fieldSelector=${selector}`), 'list events').items as any[];
        return REASONS.every((r) => items.some((e) => e.reason === r)) && items;
      });
      const seen: any[] = events || [];
      // What kubectl describe pod shows: type, reason, from and message (the node's name varies).
      const node = running.spec.nodeName;
      return REASONS.map((reason): Observation => {
        const e = seen.find((x) => x.reason === reason);
        return e
          ? {
              reason,
              type: e.type,
              from: e.source?.component ?? null,
              reportingComponent: e.reportingComponent || null,
              message: String(e.message).split(node).join('<node>'),
              fieldPath: e.involvedObject?.fieldPath ?? null,
            }
          : { reason, missing: true };
      });
    } finally {
      await t.request('DELETE', `${api}/pods/runner?gracePeriodSeconds=0`);
      await dropNamespace(t, ns);
    }
  },
};
