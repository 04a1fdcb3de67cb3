import { DifferentialCase } from '../differential-case';
import { expectOk, statusOf } from '../observation.harness';

export const watchTimeoutCase: DifferentialCase = {
  name: 'a watch with bookmarks and timeoutSeconds=10 ends cleanly and the server keeps serving',
  timeoutMs: 45_000,
  async observe(t) {
    const list = expectOk(await t.request('GET', '/api/v1/namespaces/default/configmaps'), 'list ConfigMaps');
    const rv = list.metadata.resourceVersion;
    const watch = await t.watch(
      `/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=10&resourceVersion=${rv}`,
    );
    const end = await Promise.race([watch.ended, new Promise<undefined>((r) => setTimeout(() => r(undefined), 20_000))]);
    watch.stop();
    const seconds = end ? end.afterMs / 1000 : null;
    const after = await t.request('GET', '/api/v1/namespaces/default/configmaps');
    return {
      watchCode: watch.status,
      // The server ends it at the timeout, give or take a jitter of kube-apiserver's own and the client's.
      endedBetween9And12s: seconds !== null && seconds >= 9 && seconds <= 12,
      endedWithError: end?.error ?? null,
      // How many bookmarks come, and a null creationTimestamp in them, differ between versions unnoticed.
      bookmarksCarryResourceVersion: watch.events
        .filter((e) => e.type === 'BOOKMARK')
        .every((e) => e.object.kind === 'ConfigMap' && e.object.apiVersion === 'v1' && /^\d+$/.test(e.object.metadata.resourceVersion)),
      eventTypes: [...new Set(watch.events.map((e) => e.type))],
      servingAfterwards: statusOf(after),
    };
  },
};
