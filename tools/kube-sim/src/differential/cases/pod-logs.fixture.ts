import { create, dropNamespace, freshNamespace } from '../diff-resources.fixture';
import { DifferentialCase } from '../differential-case';
import { DiffTarget } from '../diff-target.harness';
import { expectOk, Observation, statusOf, within } from '../observation.harness';

// Pod logs: the container choice and option checks of the API server, the kubelet's answers for a
// container that has not run, and the text of a running one. On the real cluster the container
// really prints its lines; on kube-sim the logs annotation says what it prints.
const LINES = ['booting', 'listening on :8080', 'ready'];
const printer = {
  name: 'app',
  image: 'localhost/node-base:20',
  imagePullPolicy: 'Never',
  command: ['sh', '-c', `${LINES.map((l) => `echo '${l}'`).join('; ')}; exec sleep 3600`],
};

export const podLogsCase: DifferentialCase = {
  name: 'pod logs: container choice, option validation, unscheduled and running pods',
  timeoutMs: 120_000,
  async observe(t) {
    const ns = await freshNamespace(t, 'diff-logs');
    const api = `/api/v1/namespaces/${ns}/pods`;
    const log = async (pod: string, query = ''): Promise<Observation> => {
      const r = await t.request('GET', `${api}/${pod}/log${query}`);
      return r.status < 300 ? { code: r.status, body: r.text } : statusOf(r);
    };
    try {
      // A scheduler nobody runs keeps the pod unscheduled on both servers.
      expectOk(
        await create(t, api, {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'waiting' },
          spec: { schedulerName: 'nobody', initContainers: [{ ...printer, name: 'init' }], containers: [printer, { ...printer, name: 'sidecar' }] },
        }),
        'create unscheduled pod',
      );
      const unscheduled = {
        noContainer: await log('waiting'),
        unknownContainer: await log('waiting', '?container=nope'),
        initContainer: await log('waiting', '?container=init'),
        noHost: await log('waiting', '?container=app'),
        negativeTail: await log('waiting', '?container=app&tailLines=-1'),
        badNumbers: await log('waiting', '?container=app&tailLines=-1&sinceSeconds=0&limitBytes=0'),
        bothSinces: await log('waiting', '?container=app&sinceSeconds=5&sinceTime=2024-01-01T00:00:00Z'),
        tailNotANumber: await log('waiting', '?container=app&tailLines=ten'),
        followNotABool: await log('waiting', '?container=app&follow=maybe'),
      };
      expectOk(
        await create(t, api, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'printer', annotations: { 'kube-sim.flotilla.dev/logs': LINES.join('\n') } }, spec: { containers: [printer] } }),
        'create printer pod',
      );
      const running = await within(90_000, async () => {
        const pod = expectOk(await t.request('GET', `${api}/printer`), 'get printer');
        if (pod.status?.phase !== 'Running') return undefined;
        const r = await t.request('GET', `${api}/printer/log`);
        return r.text.split('\n').length > LINES.length ? r : undefined;
      });
      if (!running) throw new Error('pod printer did not run and print within 90 s');
      return {
        unscheduled,
        missingPod: await log('nobody-here'),
        running: {
          all: await log('printer'),
          tail: await log('printer', '?tailLines=2'),
          tailZero: await log('printer', '?tailLines=0'),
          limit: await log('printer', '?limitBytes=10'),
          sinceLongAgo: await log('printer', '?sinceSeconds=86400'),
          previous: await log('printer', '?previous=true'),
          timestamped: await timestamped(t, `${api}/printer/log?timestamps=true`),
        },
      };
    } finally {
      await dropNamespace(t, ns);
    }
  },
};

/** Timestamped lines, with each RFC 3339 stamp replaced by its shape (the times differ by server). */
async function timestamped(t: DiffTarget, path: string): Promise<Observation> {
  const r = await t.request('GET', path);
  return r.text.split('\n').map((l) => l.replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z /, '<RFC3339Nano> '));
}
