import { ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import type { WatchHandle } from '@flotilla/platform';
import { randomUUID } from 'node:crypto';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// A spoke that refused connections for a while comes back before the cluster cache's watches have
// listed it again (they retry with backoff). Until they have, the cache holds what was live before:
// the app must not read OutOfSync from it, nor self-heal the same revision again and again.
const id = randomUUID().slice(0, 8);
const NS = `spoke-recovery-${id}`;
const PREFIX = `spec-spoke-recovery-${id}`;
const configMap = (a: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: web }\ndata: { a: "${a}" }\n`;

describe('an app whose spoke was unreachable and came back', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;
  const ref = (name: string): KubeObject => ({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>(ref(name));

  beforeAll(async () => {
    stack = await startControllerStack({ name: 'spoke-recovery', namespace: NS, prefix: PREFIX, env: { FLOTILLA_SELF_HEAL_SECONDS: '1' }, clusters: { simOnly: true } });
    ({ clusters, git } = stack);
    git.commit({ 'web/cm.yaml': configMap('1') }, 'first');
  }, 90_000);
  afterAll(() => stack?.stop(), 30_000);

  it('is compared once its cache is whole again and auto-syncs the new revision once', async () => {
    await clusters.hubKube.create({
      ...ref('web'),
      spec: {
        project: 'default',
        source: { repoURL: git.url, path: 'web', targetRevision: 'main' },
        destination: { server: clusters.spoke.url, namespace: 'web' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
      },
    });
    await eventually(async () => expect((await app('web')).status?.sync?.status).toBe('Synced'));

    const seen: Application[] = [];
    const watch: WatchHandle = await clusters.hubKube.watch<Application>(ARGO_API_VERSION, 'Application', { namespace: NS }, (e) => {
      if (e.type !== 'BOOKMARK' && e.object.metadata?.name === 'web') seen.push(e.object);
    });
    try {
      // Long enough for the watches' retry backoff to grow past the self-heal timeout.
      await clusters.spoke.sim!.faults.set({ refuseConnections: true });
      const second = git.commit({ 'web/cm.yaml': configMap('2') }, 'second');
      await new Promise((r) => setTimeout(r, 7000));
      await clusters.spoke.sim!.faults.clear();
      await eventually(async () => {
        const a = await app('web');
        expect([a.status?.sync?.status, a.status?.sync?.revision, a.status?.operationState?.phase]).toEqual(['Synced', second, 'Succeeded']);
      }, 30_000);
      // Time for the self-heal syncs a stale cache would start.
      await new Promise((r) => setTimeout(r, 3000));

      const syncsOfSecond = new Set(seen.filter((a) => a.status?.operationState?.operation.sync?.revision === second).map((a) => a.status?.operationState?.startedAt));
      expect(syncsOfSecond.size).toBe(1);
      // Each comparison after the sync, against what it left on the spoke.
      const comparedAfter = seen.filter((a) => {
        const state = a.status?.operationState;
        const observedAt = a.status?.observedAt;
        return state?.phase === 'Succeeded' && state.syncResult?.revision === second && !!observedAt && Date.parse(observedAt) > Date.parse(state.finishedAt ?? '');
      });
      expect(comparedAfter.length).toBeGreaterThan(0);
      expect(comparedAfter.map((a) => a.status?.sync?.status)).not.toContain('OutOfSync');
      const live = await clusters.spokeKube.get({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'web', name: 'web' } });
      expect((live as { data?: unknown }).data).toEqual({ a: '2' });
    } finally {
      watch.stop();
    }
  }, 90_000);
});
