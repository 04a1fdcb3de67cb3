import { ARGO_API_VERSION, type Application, type KubeObject } from '@flotilla/api-types';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Redis } from 'ioredis';
import { eventually, startControllerStack, type Clusters, type ControllerStack, type GitRepo } from '../testing/app-controller.harness';

// A repository an attacker controls, through the whole pipeline (git over HTTP, repo-server as its
// own process, the controller, a kube-sim spoke, Redis): chained symlinks into a Helm value file and
// .Files.Get, and a Jsonnet importstr through a link, aim at a canary outside the repo-server's
// checkouts. The apps that try get a ComparisonError naming the link; the canary's content reaches no
// cluster, no Redis key, no Application and no log; and another app of the same repository syncs.
const id = randomUUID().slice(0, 8);
const NS = `hostile-${id}`;
const PREFIX = `spec-hostile-${id}`;
const CANARY = `canary-content-${id}`;
// repo-server runs without TMPDIR, so its checkouts are /tmp/flotilla-render-*/repo: two levels below /tmp.
const CANARY_NAME = `hostile-${id}-canary.yaml`;
const CANARY_FILE = join('/tmp', CANARY_NAME);

/** Every value in Redis as text (gzipped cache entries unpacked), to search for the canary. */
async function redisText(redis: Redis): Promise<string> {
  const parts: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      if (type === 'string') {
        const raw = await redis.getBuffer(key);
        if (!raw) continue;
        parts.push(raw.toString('utf8'));
        if (raw[0] === 0x1f && raw[1] === 0x8b) parts.push(gunzipSync(raw).toString('utf8'));
      } else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
      else if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
      else if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, 0, -1)));
      else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
  } while (cursor !== '0');
  return parts.join('\n');
}

describe('a hostile repository through the whole pipeline', () => {
  let stack: ControllerStack;
  let clusters: Clusters;
  let git: GitRepo;

  const ref = (name: string): KubeObject => ({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { namespace: NS, name } });
  const app = (name: string): Promise<Application> => clusters.hubKube.get<Application>(ref(name));
  const createApp = (name: string, source: Record<string, unknown>): Promise<unknown> =>
    clusters.hubKube.create({ ...ref(name), spec: { project: 'default', source: { repoURL: git.url, targetRevision: 'main', ...source }, destination: { server: clusters.spoke.url, namespace: name } } });
  const sync = (name: string): Promise<unknown> => clusters.hubKube.patch(ref(name), { operation: { sync: { syncOptions: ['CreateNamespace=true'] }, initiatedBy: { username: 'admin' } } }, 'merge');
  const comparisonError = async (name: string): Promise<string> => {
    const condition = (await app(name)).status?.conditions?.find((c) => c.type === 'ComparisonError');
    if (!condition) throw new Error(`${name} has no ComparisonError yet`);
    return condition.message ?? '';
  };

  beforeAll(async () => {
    writeFileSync(CANARY_FILE, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stolen}\ndata: {v: ${CANARY}}\n`);
    stack = await startControllerStack({ name: 'hostile-repo', namespace: NS, prefix: PREFIX });
    ({ clusters, git } = stack);
    git.commit(
      {
        'helm/d1/d2/chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
        'helm/d1/d2/chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: h\ndata:\n  v: {{ .Values.v | default "none" | quote }}\n  f: {{ .Files.Get "link" | quote }}\n',
        // r is the checkout's root; x → r/../.. and link → r/../../<canary> are inside by their spelling, /tmp by the kernel's reading.
        'helm/d1/d2/chart/r': { symlink: '../../../..' },
        'helm/d1/d2/chart/x': { symlink: 'r/../..' },
        'helm/d1/d2/chart/link': { symlink: `r/../../${CANARY_NAME}` },
        'jsonnet/app/r': { symlink: '../..' },
        'jsonnet/app/main.jsonnet': `{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' }, data: { v: importstr 'r/../../${CANARY_NAME}' } }\n`,
        'plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: plain}\ndata: {v: fine}\n',
      },
      'a hostile repository',
    );
  }, 90_000);

  afterAll(async () => {
    rmSync(CANARY_FILE, { force: true });
    await stack?.stop();
  }, 30_000);

  it('refuses the escapes naming the link, leaks the canary nowhere, and still syncs the repository’s other app', async () => {
    await createApp('helm-leak', { path: 'helm/d1/d2/chart', helm: { valueFiles: [`x/${CANARY_NAME}`] } });
    await createApp('jsonnet-leak', { path: 'jsonnet/app' });
    await createApp('plain', { path: 'plain' });

    expect(await eventually(() => comparisonError('helm-leak'))).toMatch(/helm\/d1\/d2\/chart\/(link|x): symlink points outside the repository/);
    expect(await eventually(() => comparisonError('jsonnet-leak'))).toMatch(/jsonnet\/app\/main\.jsonnet: jsonnet: RUNTIME ERROR: couldn't open import "r\/\.\.\/\.\.\/[^"]+": (no match locally or in the Jsonnet library paths|resolves outside the repository through a symlink)/);

    await eventually(async () => expect((await app('plain')).status?.sync?.status).toBe('OutOfSync'));
    await sync('plain');
    await eventually(async () => expect((await app('plain')).status?.operationState?.phase).toBe('Succeeded'));
    const plain = await clusters.spokeKube.get<KubeObject & { data?: Record<string, string> }>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'plain', name: 'plain' } });
    expect(plain.data).toEqual({ v: 'fine' });

    const places: [string, string][] = [
      ['the spoke', JSON.stringify((await clusters.spokeKube.listAll('v1', 'ConfigMap')).items)],
      ['the hub', JSON.stringify([(await clusters.hubKube.listAll(ARGO_API_VERSION, 'Application')).items, (await clusters.hubKube.listAll('v1', 'Event')).items])],
      ['Redis', await redisText(stack.redis)],
      ['repo-server’s log', stack.repoServer.logs()],
    ];
    for (const [where, text] of places) expect({ where, leaked: text.includes(CANARY) }).toEqual({ where, leaked: false });
  });
});
