import { IncomingMessage, ServerResponse } from 'node:http';
import { errors, StatusError } from '../api/status-error';
import { ResourceApi } from '../cluster/resource-api';
import { containerScript, linesBetween, LogLine, nextLineAt } from '../controllers/workloads/container-logs';
import { ResourceType } from '../registry/resource-type';
import { KubeObject } from '../store/kube-object';

// GET /api/v1/namespaces/{ns}/pods/{name}/log as kube-apiserver 1.20 answers it: the container is
// chosen and checked as pkg/registry/core/pod/strategy.go LogLocation does, an unscheduled pod
// gives 204, the container instance is picked as the kubelet's
// validateContainerLogStatus picks it (with its error texts), and the lines come from the
// simulated output (controllers/workloads/container-logs.ts). `follow` streams until the instance
// ends, the pod goes away or the client leaves.

interface Container {
  name: string;
  image?: string;
}
interface Terminated {
  startedAt?: string;
  finishedAt?: string;
  exitCode?: number;
  containerID?: string;
}
interface ContainerStatus {
  name: string;
  containerID?: string;
  state?: { waiting?: { reason?: string }; running?: { startedAt?: string }; terminated?: Terminated };
  lastState?: { terminated?: Terminated };
}
interface PodSpec {
  nodeName?: string;
  containers?: Container[];
  initContainers?: Container[];
}
interface PodStatus {
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
}

interface Instance {
  readonly startedAt: number;
  readonly finishedAt?: number;
  readonly exitCode?: number;
  readonly id: string;
}

interface LogOptions {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: number;
  limitBytes?: number;
}

const POLL_MS = 200;

export interface PodLogSettings {
  now: () => number;
  /** 1.20 lists init containers and containers in one list when a container must be chosen. */
  namesInOneList: boolean;
}

export async function servePodLog(api: ResourceApi, t: ResourceType, ns: string, name: string, query: URLSearchParams, req: IncomingMessage, res: ServerResponse, settings: PodLogSettings): Promise<void> {
  const { now } = settings;
  const pod = api.get(t, ns, name);
  const opts = logOptions(name, query);
  const containerName = chooseContainer(pod, opts.container, settings.namesInOneList);
  const spec = (pod.spec ?? {}) as PodSpec;
  // No host yet: LogLocation gives no location, and the API server answers 204 without a body.
  if (!spec.nodeName) return void res.writeHead(204, { 'Cache-Control': 'no-cache, private' }).end();
  const container = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].find((c) => c.name === containerName)!;
  const script = containerScript(pod, { name: container.name, image: container.image });
  const instance = pickInstance(pod, containerName, opts.previous);
  const since = opts.sinceSeconds !== undefined ? now() - opts.sinceSeconds * 1000 : opts.sinceTime;
  const format = (l: LogLine) => `${opts.timestamps ? `${goTime(l.at)} ` : ''}${l.text}\n`;
  const select = (lines: LogLine[]) => (since === undefined ? lines : lines.filter((l) => l.at >= since));
  let budget = opts.limitBytes ?? Infinity;
  const write = (text: string): boolean => {
    const bytes = Buffer.from(text);
    const chunk = bytes.length > budget ? bytes.subarray(0, budget) : bytes;
    budget -= chunk.length;
    res.write(chunk);
    return budget > 0;
  };

  const first = select(written(script, instance, now()));
  const shown = opts.tailLines !== undefined ? first.slice(Math.max(0, first.length - opts.tailLines)) : first;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', ...(opts.follow ? { 'Transfer-Encoding': 'chunked' } : {}) });
  let open = true;
  for (const l of shown) if (!(open = write(format(l)))) break;
  if (!opts.follow || !open || instance.finishedAt !== undefined) return void res.end();

  let cursor = now();
  await new Promise<void>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      clearTimeout(timer);
      resolve();
    };
    req.on('close', stop);
    res.on('close', stop);
    const tick = () => {
      const current = api.find(t, ns, name);
      const live = current && !current.metadata.deletionTimestamp ? runningInstance(current, containerName) : undefined;
      const ended = !live || live.id !== instance.id;
      const until = ended ? Math.min(now(), instance.startedAt + 24 * 3600_000) : now();
      for (const l of select(linesBetween(script, instance.startedAt, until)).filter((x) => x.at > cursor)) {
        if (!write(format(l))) return finish();
      }
      cursor = until;
      if (ended) return finish();
      const next = nextLineAt(script, instance.startedAt, cursor);
      timer = setTimeout(tick, next === undefined ? POLL_MS : Math.min(POLL_MS, Math.max(1, next - now())));
    };
    const finish = () => {
      res.end();
      stop();
    };
    tick();
  });
}

/** The lines an instance has written by `at`: all of a finished one's script, ticks until it finished. */
function written(script: ReturnType<typeof containerScript>, instance: Instance, at: number): LogLine[] {
  if (instance.finishedAt === undefined) return linesBetween(script, instance.startedAt, at);
  const scripted = linesBetween({ lines: script.lines, intervalMs: 0 }, instance.startedAt, Infinity);
  const ticks = script.intervalMs > 0 ? linesBetween({ lines: [], intervalMs: script.intervalMs }, instance.startedAt, instance.finishedAt) : [];
  const lines = [...scripted, ...ticks].sort((a, b) => a.at - b.at);
  if (instance.exitCode) lines.push({ at: Math.max(instance.finishedAt, lines.at(-1)?.at ?? 0), text: `kube-sim: container exited with code ${instance.exitCode}` });
  return lines;
}

function logOptions(name: string, q: URLSearchParams): LogOptions {
  const int = (key: string): number | undefined => {
    const v = q.get(key);
    if (v === null) return undefined;
    if (!/^-?\d+$/.test(v)) throw errors.badRequest(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
    return Number(v);
  };
  // metav1's query conversion: only "0" and "false" (any case) are false; any other value, empty too, is true.
  const bool = (key: string): boolean => {
    const v = q.get(key);
    return v !== null && v !== '0' && v.toLowerCase() !== 'false';
  };
  const opts: LogOptions = {
    container: q.get('container') || undefined,
    follow: bool('follow'),
    previous: bool('previous'),
    timestamps: bool('timestamps'),
    tailLines: int('tailLines'),
    sinceSeconds: int('sinceSeconds'),
    limitBytes: int('limitBytes'),
  };
  const sinceTime = q.get('sinceTime');
  if (sinceTime !== null) {
    const at = Date.parse(sinceTime);
    if (!/^\d{4}-\d\d-\d\dT/.test(sinceTime) || Number.isNaN(at)) throw errors.badRequest(`parsing time ${JSON.stringify(sinceTime)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTime)} as "2006"`);
    opts.sinceTime = at;
  }
  // pkg/apis/core/validation ValidatePodLogOptions, reported as the API server reports it.
  const problems: string[] = [];
  if (opts.tailLines !== undefined && opts.tailLines < 0) problems.push(`tailLines: Invalid value: ${opts.tailLines}: must be greater than or equal to 0`);
  if (opts.limitBytes !== undefined && opts.limitBytes < 1) problems.push(`limitBytes: Invalid value: ${opts.limitBytes}: must be greater than 0`);
  if (opts.sinceSeconds !== undefined && opts.sinceTime !== undefined) problems.push('[]: Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (opts.sinceSeconds !== undefined && opts.sinceSeconds < 1) problems.push(`sinceSeconds: Invalid value: ${opts.sinceSeconds}: must be greater than 0`);
  if (problems.length) {
    const msg = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
    throw new StatusError(422, 'Invalid', `PodLogOptions "${name}" is invalid: ${msg}`);
  }
  return opts;
}

function chooseContainer(pod: KubeObject, wanted: string | undefined, namesInOneList: boolean): string {
  const spec = (pod.spec ?? {}) as PodSpec;
  const names = (spec.containers ?? []).map((c) => c.name);
  const inits = (spec.initContainers ?? []).map((c) => c.name);
  const podName = pod.metadata.name!;
  if (wanted) {
    if (!names.includes(wanted) && !inits.includes(wanted)) throw errors.badRequest(`container ${wanted} is not valid for pod ${podName}`);
    return wanted;
  }
  if (names.length === 1) return names[0];
  if (names.length === 0) throw errors.badRequest(`a container name must be specified for pod ${podName}`);
  if (namesInOneList) throw errors.badRequest(`a container name must be specified for pod ${podName}, choose one of: [${[...inits, ...names].join(' ')}]`);
  throw errors.badRequest(`a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]${inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : ''}`);
}

const ms = (time: unknown): number => (typeof time === 'string' ? Date.parse(time) : NaN);

function statusOf(pod: KubeObject, container: string): ContainerStatus | undefined {
  const status = (pod.status ?? {}) as PodStatus;
  return [...(status.containerStatuses ?? []), ...(status.initContainerStatuses ?? [])].find((c) => c.name === container);
}

function runningInstance(pod: KubeObject, container: string): Instance | undefined {
  const s = statusOf(pod, container);
  const running = s?.state?.running;
  return running ? { startedAt: ms(running.startedAt), id: `${s?.containerID ?? ''}@${running.startedAt}` } : undefined;
}

/** The kubelet's choice of container instance, with its error texts (400s through the API server). */
function pickInstance(pod: KubeObject, container: string, previous: boolean): Instance {
  const podName = pod.metadata.name!;
  const s = statusOf(pod, container);
  const fail = (why: string) => errors.badRequest(`container ${JSON.stringify(container)} in pod ${JSON.stringify(podName)} ${why}`);
  if (!s) throw fail('is not available');
  const last = s.lastState?.terminated;
  const { waiting, running, terminated } = s.state ?? {};
  const ended = (t: Terminated): Instance => ({ startedAt: ms(t.startedAt), finishedAt: ms(t.finishedAt), exitCode: t.exitCode, id: `${t.containerID}@${t.startedAt}` });
  if (previous) {
    if (!last?.containerID) throw errors.badRequest(`previous terminated container ${JSON.stringify(container)} in pod ${JSON.stringify(podName)} not found`);
    return ended(last);
  }
  if (running) return { startedAt: ms(running.startedAt), id: `${s.containerID ?? ''}@${running.startedAt}` };
  if (terminated) {
    if (terminated.containerID) return ended(terminated);
    if (last?.containerID) return ended(last);
    throw fail('is terminated');
  }
  if (last) {
    if (!last.containerID) throw fail('is terminated');
    return ended(last);
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') throw fail("is waiting to start: image can't be pulled");
    if (waiting.reason === 'ImagePullBackOff') throw fail('is waiting to start: trying and failing to pull image');
    throw fail(`is waiting to start: ${waiting.reason ?? ''}`);
  }
  throw fail('is waiting to start - no logs yet');
}

/** Go's RFC3339Nano: UTC, fraction without trailing zeros. */
function goTime(at: number): string {
  return new Date(at).toISOString().replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'));
}
