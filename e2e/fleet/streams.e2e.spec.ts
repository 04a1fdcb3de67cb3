// The api-server's streams against a running fleet: the app-controller really syncs a commit to a
// kube-sim spoke, a Watch stream sees the sync progress in order, and the logs of the guestbook
// Deployment are followed while a second commit rolls it out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Application, KubeObject } from '@flotilla/api-types';
import { renderKubeconfig } from '@flotilla/kube-sim';
import { startLocalFleet, type LocalFleet } from '@flotilla/local-fleet';
import { kubeClientFromKubeconfigString } from '@flotilla/platform';

jest.setTimeout(600_000);

const APP = 'guestbook-dev';
let dir: string;
let fleet: LocalFleet;
let base: string;
let token: string;

/** The guestbook Deployment, its pods writing `version` at start and then a tick every 200 ms. */
const deploymentYaml = (version: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: guestbook-ui',
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    '      app: guestbook-ui',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: guestbook-ui',
    '      annotations:',
    `        kube-sim.flotilla.dev/logs: "guestbook ${version} started"`,
    '        kube-sim.flotilla.dev/log-interval-ms: "200"',
    '    spec:',
    '      terminationGracePeriodSeconds: 1',
    '      containers:',
    `        - image: guestbook:${version}`,
    '          name: guestbook-ui',
    '',
  ].join('\n');

/** A REST stream's frames as they arrive. */
class Frames {
  readonly items: any[] = [];
  done = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(res: Response) {
    this.reader = res.body!.getReader();
    void this.pump();
  }

  private async pump(): Promise<void> {
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { value, done } = await this.reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      text += decoder.decode(value, { stream: true });
      let nl = text.indexOf('\n');
      while (nl >= 0) {
        const line = text.slice(0, nl).trim();
        text = text.slice(nl + 1);
        if (line) this.items.push(JSON.parse(line));
        nl = text.indexOf('\n');
      }
    }
    this.done = true;
  }

  async until(what: string, ok: (items: any[]) => boolean, timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ok(this.items)) {
      if (Date.now() > deadline || this.done) throw new Error(`${what}: ${this.done ? 'the stream ended' : 'timed out'}; got ${JSON.stringify(this.items).slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  cancel(): void {
    this.reader.cancel().catch(() => undefined);
  }
}

const stream = async (path: string): Promise<Frames> => {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return new Frames(res);
};

async function cli(...args: string[]): Promise<string> {
  const res = await fleet.cli(...args);
  if (res.code !== 0) throw new Error(`flotilla ${args.join(' ')} exited ${res.code}\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

const podsOnSpoke = async (): Promise<string[]> => {
  const kube = kubeClientFromKubeconfigString(renderKubeconfig([fleet.spokeAccess.get('dev')!]));
  try {
    const list = await kube.list<KubeObject>('v1', 'Pod', { namespace: 'guestbook', labelSelector: 'app=guestbook-ui' });
    return list.items.flatMap((p) => (p.metadata?.name && !p.metadata.deletionTimestamp ? [p.metadata.name] : [])).sort();
  } finally {
    kube.close();
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flotilla-streams-e2e-'));
  fleet = await startLocalFleet({
    dir,
    apiPort: 0,
    spokes: ['dev'],
    cliConfig: join(dir, 'cli', 'config'),
    queuePrefix: `e2e-streams${process.pid}`,
    resyncSeconds: 10,
  });
  base = `http://${fleet.apiAddress}`;
  await fleet.repo.commit({ 'guestbook/guestbook-ui-deployment.yaml': deploymentYaml('v1') }, 'guestbook: pods that log');
  await fleet.applyApplicationSet();
  const secret = await fleet.hubClient.get<KubeObject & { data: { password: string } }>({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'argocd-initial-admin-secret', namespace: 'argocd' },
  });
  const login = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    body: JSON.stringify({ username: 'admin', password: Buffer.from(secret.data.password, 'base64').toString() }),
  });
  token = ((await login.json()) as { token: string }).token;
  await cli('app', 'get', APP, '--refresh');
  await cli('app', 'wait', APP, '--sync', '--health', '--timeout', '180');
});

afterAll(async () => {
  await fleet?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('streams of a running fleet', () => {
  it("a Watch stream sees a real sync's progress, in order", async () => {
    const watch = await stream(`/api/v1/stream/applications?name=${APP}`);
    await watch.until('the current state', (items) => items.length >= 1);
    expect(watch.items[0].result.type).toBe('ADDED');
    const before = (watch.items[0].result.application as Application).status?.operationState?.startedAt;

    const sha = await fleet.repo.commit({ 'guestbook/guestbook-ui-deployment.yaml': deploymentYaml('v2') }, 'guestbook: v2');
    await cli('app', 'get', APP, '--refresh');
    const finished = (items: any[]) =>
      items.some((i) => {
        const op = (i.result.application as Application).status?.operationState;
        return op?.startedAt !== before && op?.phase === 'Succeeded' && op.syncResult?.revision === sha;
      });
    await watch.until('the sync of the new commit to succeed', finished);
    watch.cancel();

    const apps = watch.items.map((i) => i.result.application as Application);
    // Every event is a newer version of the app than the one before it.
    const versions = apps.map((a) => Number(a.metadata.resourceVersion));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    // The sync of the new commit: requested, running, then succeeded, never back.
    const phases = apps
      .map((a) => (a.status?.operationState?.startedAt !== before ? a.status?.operationState?.phase : undefined) ?? (a.operation ? 'Requested' : undefined))
      .filter((p): p is NonNullable<typeof p> => p !== undefined)
      .filter((p, i, all) => i === 0 || all[i - 1] !== p);
    expect(phases[phases.length - 1]).toBe('Succeeded');
    expect(phases).toContain('Running');
    expect(phases.indexOf('Running')).toBeLessThan(phases.indexOf('Succeeded'));
    expect(phases.filter((p) => p === 'Succeeded')).toHaveLength(1);
  });

  it('follows the logs of the Deployment while a rollout replaces its pods', async () => {
    await cli('app', 'wait', APP, '--sync', '--health', '--timeout', '180');
    const oldPods = await podsOnSpoke();
    expect(oldPods).toHaveLength(2);
    const logs = await stream(`/api/v1/applications/${APP}/logs?kind=Deployment&group=apps&resourceName=guestbook-ui&follow=true&tailLines=1`);
    const ticksOf = (items: any[], pods: string[]) => items.filter((i) => pods.includes(i.result.podName) && /^tick \d+$/.test(i.result.content));
    await logs.until('ticks of both pods', (items) => new Set(ticksOf(items, oldPods).map((i) => i.result.podName)).size === 2);

    await fleet.repo.commit({ 'guestbook/guestbook-ui-deployment.yaml': deploymentYaml('v3') }, 'guestbook: v3');
    await cli('app', 'get', APP, '--refresh');
    // The pods it follows go away with the rollout: their lines stop and the stream closes with a last entry, as Argo's does.
    await logs.until('the stream to end with the old pods', (items) => items.some((i) => i.result?.last === true));
    const last = logs.items[logs.items.length - 1];
    expect(last.result).toMatchObject({ last: true, content: '', podName: '' });
    expect(logs.items.filter((i) => i.error)).toEqual([]);
    expect(new Set(logs.items.filter((i) => !i.result.last).map((i) => i.result.podName))).toEqual(new Set(oldPods));

    await cli('app', 'wait', APP, '--sync', '--health', '--timeout', '180');
    const newPods = await podsOnSpoke();
    expect(newPods.filter((p) => oldPods.includes(p))).toEqual([]);
    // Following again picks the new pods from the tree the controller recorded after the rollout.
    let again: Frames | undefined;
    const deadline = Date.now() + 60_000;
    for (;;) {
      again = await stream(`/api/v1/applications/${APP}/logs?kind=Deployment&group=apps&resourceName=guestbook-ui&follow=true`);
      try {
        await again.until('lines of the new pods', (items) => new Set(items.filter((i) => newPods.includes(i.result?.podName)).map((i) => i.result.podName)).size === 2, 5_000);
        break;
      } catch (err) {
        again.cancel();
        if (Date.now() > deadline) throw err;
      }
    }
    expect(again.items.filter((i) => i.result?.content === 'guestbook v3 started').map((i) => i.result.podName).sort()).toEqual(newPods);
    again.cancel();
  });
});
