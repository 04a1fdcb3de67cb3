import type { Application } from '@flotilla/api-types';
import { DEFAULT_PROJECT } from '@flotilla/api-types';
import { LabelSelector } from '@flotilla/notifications';
import type { KubeClient, WatchHandle } from '@flotilla/platform';
import { invalidArgument } from '../rpc/rpc-error';
import type { StreamSink } from '../rpc/server-stream';
import type { CallContext } from '../session/session.service';
import type { ArgoSettingsStore } from '../settings/argo-settings.store';
import type { AppCacheStore } from './app-cache.store';
import type { AppTreeNotifications } from './app-tree.notifications';
import type { ApplicationWatchSource, WatchEventType } from './application-watch.source';
import { appRbacObject, type ApplicationService } from './application.service';
import type { DestinationClients } from './destination-clients';

export interface WatchQuery {
  name?: string;
  projects: string[];
  selector?: string;
  resourceVersion?: string;
}

export interface TreeQuery {
  applicationName?: string;
  project?: string;
}

export interface PodLogsQuery {
  name?: string;
  namespace?: string;
  podName?: string;
  container?: string;
  sinceSeconds?: string | number;
  /** application.Time: only lines written at or after it. */
  sinceTime?: { seconds?: string | number; nanos?: number } | null;
  tailLines?: string | number;
  follow?: boolean;
  untilTime?: string;
  filter?: string;
  kind?: string;
  group?: string;
  resourceName?: string;
  previous?: boolean;
  project?: string;
  matchCase?: boolean;
}

export interface LogEntry {
  content: string;
  timeStamp: string;
  last: boolean;
  timeStampStr: string;
  podName: string;
}

/** argocd-cm's server.maxPodLogsToRender when unset: a query selecting more pods is refused. */
const DEFAULT_MAX_POD_LOGS = 10;
/** Lines of several pods are put in time order within windows this long, as Argo merges them. */
const MERGE_WINDOW_MS = 100;

interface TreeNode {
  group?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  parentRefs?: { uid?: string }[];
}

/** Applications a Watch sends before letting other work (and the first frames' writing) run. */
const WATCH_SLICE = 200;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Argo's server-streaming Application methods: Watch, WatchResourceTree and PodLogs. */
export class ApplicationStreamsService {
  constructor(
    private readonly applications: ApplicationService,
    private readonly watchSource: ApplicationWatchSource,
    private readonly cache: AppCacheStore,
    private readonly treeUpdates: AppTreeNotifications,
    private readonly destinations: DestinationClients,
    private readonly settings: ArgoSettingsStore,
    /** Messages a stream holds for a client that is not reading before it is closed. */
    readonly bufferLimit: number,
  ) {}

  /**
   * Applications the caller may get, as they change in the hub: first each one (unless a
   * resourceVersion is given without a name), then every change, until the client goes away.
   */
  async watch(ctx: CallContext, q: WatchQuery, sink: StreamSink<{ type: string; application: Application }>): Promise<void> {
    let selector: LabelSelector;
    try {
      selector = LabelSelector.parse(q.selector);
    } catch (err) {
      throw invalidArgument(`error parsing labels with selectors: ${(err as Error).message}`);
    }
    const minVersion = /^\d+$/.test(q.resourceVersion ?? '') ? Number(q.resourceVersion) : 0;
    const permitted = (app: Application): boolean =>
      (q.projects.length === 0 || q.projects.includes(app.spec?.project || DEFAULT_PROJECT)) &&
      !(Number(app.metadata.resourceVersion) < minVersion) &&
      (!q.name || app.metadata.name === q.name) &&
      selector.matches(app.metadata.labels ?? {}) &&
      ctx.can('applications', 'get', appRbacObject(app));
    const send = (type: WatchEventType, app: Application): void => {
      if (permitted(app)) sink.send({ type, application: app });
    };
    const listing = !q.resourceVersion || !!q.name;
    // Changes during the first listing wait for its end, in order, so none is overtaken by an older ADDED.
    let held: [WatchEventType, Application][] | undefined = listing ? [] : undefined;
    const unsubscribe = await this.watchSource.subscribe((type, app) => (held ? held.push([type, app]) : send(type, app)));
    try {
      if (held) {
        const apps = this.watchSource.list().sort((a, b) => compare(qualified(a), qualified(b)));
        // In slices, so the first apps reach the client (the UI's first tiles) while the rest are checked and encoded.
        for (let i = 0; i < apps.length && !sink.signal.aborted; i++) {
          send('ADDED', apps[i]);
          if (i % WATCH_SLICE === WATCH_SLICE - 1) await new Promise((r) => setImmediate(r));
        }
        const changes = held;
        held = undefined;
        for (const [type, app] of changes) send(type, app);
      }
      await aborted(sink.signal);
    } finally {
      unsubscribe();
    }
  }

  /** The app's resource tree each time the app-controller records it, until the client goes away. */
  async watchResourceTree(ctx: CallContext, q: TreeQuery, sink: StreamSink<Record<string, unknown>>): Promise<void> {
    const app = await this.applications.authorized(ctx, q.applicationName, 'get', q.project);
    const { namespace } = this.applications;
    let failure: Error | undefined;
    let reading = Promise.resolve();
    const ended = new AbortController();
    const abort = (): void => ended.abort();
    const unsubscribe = await this.treeUpdates.onTreeUpdated(namespace, app.metadata.name, () => {
      reading = reading.then(async () => {
        if (sink.signal.aborted) return;
        try {
          sink.send(await this.cache.tree(namespace, app.metadata.name));
        } catch (err) {
          failure ??= err instanceof Error ? err : new Error(String(err));
          abort();
        }
      });
    });
    sink.signal.addEventListener('abort', abort, { once: true });
    try {
      await aborted(ended.signal);
      if (failure) throw failure;
    } finally {
      await unsubscribe();
    }
  }

  /**
   * Log lines of the pods the query selects in the app's resource tree (one pod, or every pod under
   * a parent such as a Deployment), in time order, then a closing entry with `last` set.
   */
  async podLogs(ctx: CallContext, q: PodLogsQuery, sink: StreamSink<LogEntry>): Promise<void> {
    const selection = q.podName ? { ...q, kind: 'Pod', group: q.group, resourceName: q.podName } : q;
    const until = q.untilTime ? Date.parse(q.untilTime) : undefined;
    if (q.untilTime && !isRfc3339(q.untilTime))
      throw invalidArgument(`invalid untilTime parameter value: ${q.untilTime} is not an RFC 3339 time`);
    const sinceSeconds = positive(q.sinceSeconds);
    const sinceTime = kubeSinceTime(q.sinceTime);
    if (sinceSeconds !== undefined && sinceTime !== undefined)
      throw invalidArgument('sinceSeconds and sinceTime cannot both be set: Kubernetes takes at most one of them');
    const tailLines = positive(q.tailLines);
    const app = await this.applications.authorized(ctx, q.name, 'get', q.project);
    ctx.authorize('logs', 'get', appRbacObject(app));
    const tree = await this.cache.tree(this.applications.namespace, app.metadata.name);
    const pods = selectedPods(Array.isArray(tree.nodes) ? (tree.nodes as TreeNode[]) : [], selection);
    if (pods.length === 0) return;
    const max = await this.maxPodLogs();
    if (pods.length > max) throw invalidArgument('max pods to view logs are reached. Please provide more granular query');
    const matches = lineFilter(q.filter, !!q.matchCase);

    await this.destinations.withClient(app, async (kube) => {
      const merger = new LogMerger(
        pods.map(podKey),
        !!q.follow,
        (entry) => {
          if (sink.signal.aborted) return;
          if (!matches(entry.content)) return;
          if (until !== undefined && entry.at > until) {
            sink.send({ ...toWire(entry), last: true });
            merger.stop();
            return;
          }
          sink.send(toWire(entry));
        },
      );
      const handles = await Promise.all(pods.map((pod) => this.followPod(kube, pod, q, { sinceSeconds, sinceTime, tailLines }, merger)));
      const stopAll = (): void => handles.forEach((h) => h?.stop());
      sink.signal.addEventListener('abort', stopAll, { once: true });
      merger.onStop(stopAll);
      try {
        await Promise.all(handles.flatMap((h) => (h ? [h.done] : [])));
      } finally {
        sink.signal.removeEventListener('abort', stopAll);
      }
      const failed = merger.drain();
      if (failed) throw failed;
      if (merger.stopped || sink.signal.aborted) return;
      const now = new Date();
      sink.send({ content: '', podName: '', last: true, timeStamp: seconds(now), timeStampStr: now.toISOString() });
    });
  }

  /** One pod's log into the merger; a pod whose log cannot be read contributes the reason as a line. */
  private async followPod(
    kube: KubeClient,
    pod: TreeNode,
    q: PodLogsQuery,
    limits: { sinceSeconds?: number; sinceTime?: string; tailLines?: number },
    merger: LogMerger,
  ): Promise<WatchHandle | undefined> {
    const podName = pod.name ?? '';
    const key = podKey(pod);
    try {
      const handle = await kube.podLogs(
        pod.namespace ?? '',
        podName,
        { container: q.container || undefined, follow: !!q.follow, previous: !!q.previous, timestamps: true, ...limits },
        (line) => merger.add(key, podName, line),
      );
      void handle.done.finally(() => merger.end(key));
      return handle;
    } catch (err) {
      // The reason is shown in place of the pod's lines, as Argo shows it (typically: not started yet).
      merger.failed(key, (err as Error).message);
      return undefined;
    }
  }

  private async maxPodLogs(): Promise<number> {
    const raw = (await this.settings.argocdCm())['server.maxPodLogsToRender'];
    if (raw === undefined || raw === '') return DEFAULT_MAX_POD_LOGS;
    const n = Number(raw);
    if (!Number.isInteger(n)) throw invalidArgument(`argocd-cm server.maxPodLogsToRender must be an integer, not ${JSON.stringify(raw)}`);
    return n;
  }
}

const podKey = (pod: TreeNode): string => `${pod.namespace ?? ''}/${pod.name ?? ''}`;

const qualified = (app: Application): string => `${app.metadata.namespace ?? ''}/${app.metadata.name}`;

const aborted = (signal: AbortSignal): Promise<void> =>
  signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

const positive = (v: string | number | undefined): number | undefined => {
  const n = Number(v ?? 0);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

/**
 * application.Time as the pod log read's sinceTime: RFC 3339 to the second, as Kubernetes' metav1.Time
 * travels in a query (the fraction is dropped); unset or the zero time means no bound.
 */
function kubeSinceTime(time: PodLogsQuery['sinceTime']): string | undefined {
  const seconds = Number(time?.seconds ?? 0);
  if (!Number.isSafeInteger(seconds)) throw invalidArgument(`invalid sinceTime.seconds ${String(time?.seconds)}: must be a whole number of seconds`);
  if (seconds === 0 && !time?.nanos) return undefined;
  const at = new Date(seconds * 1000);
  if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1 || at.getUTCFullYear() > 9999)
    throw invalidArgument(`invalid sinceTime.seconds ${seconds}: not a time between years 1 and 9999`);
  return at.toISOString().replace(/\.\d+Z$/, 'Z');
}

const isRfc3339 = (v: string): boolean => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));

/** Argo's filter: a literal, `!literal` for lines without it, case-insensitive unless matchCase. */
function lineFilter(filter: string | undefined, matchCase: boolean): (line: string) => boolean {
  if (!filter) return () => true;
  const inverse = filter.startsWith('!');
  const literal = inverse ? filter.slice(1) : filter;
  const needle = matchCase ? literal : literal.toLowerCase();
  return (line) => (matchCase ? line : line.toLowerCase()).includes(needle) !== inverse;
}

/** Pods (with a uid) that match the query themselves or through any of their parents in the tree. */
function selectedPods(nodes: TreeNode[], q: { kind?: string; group?: string; resourceName?: string; namespace?: string }): TreeNode[] {
  const byUid = new Map(nodes.filter((n) => n.uid).map((n) => [n.uid as string, n]));
  const memo = new Map<string, boolean>();
  const selected = (node: TreeNode, seen: Set<string>): boolean => {
    const uid = node.uid ?? '';
    const known = memo.get(uid);
    if (known !== undefined) return known;
    const self =
      (!q.resourceName || node.name === q.resourceName) &&
      (!q.kind || node.kind === q.kind) &&
      (!q.group || (node.group ?? '') === q.group) &&
      (!q.namespace || node.namespace === q.namespace);
    seen.add(uid);
    const result =
      self ||
      (node.parentRefs ?? []).some((ref) => {
        const parent = ref.uid ? byUid.get(ref.uid) : undefined;
        return parent !== undefined && !seen.has(ref.uid as string) && selected(parent, seen);
      });
    memo.set(uid, result);
    return result;
  };
  return nodes.filter((n) => n.kind === 'Pod' && !n.group && n.uid && selected(n, new Set()));
}

interface TimedLine {
  podName: string;
  content: string;
  /** ms since the epoch, and the time as Kubernetes wrote it (to the nanosecond). */
  at: number;
  stamp: string;
  /** Nanoseconds within the millisecond, to order lines written in the same one. */
  nanos: number;
  order: number;
}

const seconds = (d: Date): string => d.toISOString().replace(/\.\d+Z$/, 'Z');

const ZERO_TIME = '0001-01-01T00:00:00Z';

const toWire = (l: TimedLine): LogEntry => ({
  content: l.content,
  podName: l.podName,
  last: false,
  timeStamp: Number.isFinite(l.at) ? seconds(new Date(l.at)) : ZERO_TIME,
  timeStampStr: l.stamp,
});

/**
 * Lines from several pods in time order, as Argo merges them: each pod's lines wait in its own queue
 * and the oldest head is released while every pod still reading has a line waiting. A pod whose log
 * ended no longer holds the others back; when following, a pod that stays quiet for MERGE_WINDOW_MS
 * does not either (whatever waits is released). Every line arrives prefixed with its RFC 3339 time.
 */
class LogMerger {
  private readonly queues = new Map<string, TimedLine[]>();
  private readonly ended = new Set<string>();
  private timer?: NodeJS.Timeout;
  private counter = 0;
  private failure?: Error;
  stopped = false;
  private readonly stopListeners: (() => void)[] = [];

  constructor(
    pods: readonly string[],
    private readonly follow: boolean,
    private readonly emit: (line: TimedLine) => void,
  ) {
    for (const pod of pods) this.queues.set(pod, []);
  }

  add(key: string, podName: string, raw: string): void {
    if (this.stopped) return;
    const space = raw.indexOf(' ');
    const stamp = space < 0 ? raw : raw.slice(0, space);
    const at = isRfc3339(stamp) ? Date.parse(stamp) : Number.NaN;
    if (Number.isNaN(at)) {
      this.failure ??= new Error(`the log of pod ${podName} has a line without a time: ${JSON.stringify(stamp.slice(0, 40))}`);
      this.stop();
      return;
    }
    const text = space < 0 ? '' : raw.slice(space + 1);
    const queue = this.queues.get(key) ?? [];
    for (const content of text.split('\r'))
      queue.push({ podName, content, at, stamp: goNano(stamp), nanos: subMillisecond(stamp), order: this.counter++ });
    this.queues.set(key, queue);
    this.release(false);
  }

  /** Why a pod's log could not be read, in place of its lines (with no time, like Argo's zero time); its log is over. */
  failed(key: string, reason: string): void {
    this.queues.get(key)?.push({ podName: '', content: reason, at: Number.NEGATIVE_INFINITY, stamp: ZERO_TIME, nanos: 0, order: this.counter++ });
    this.end(key);
  }

  /** The pod's log is over: its queue no longer holds the others back. */
  end(key: string): void {
    this.ended.add(key);
    if (!this.stopped) this.release(false);
  }

  onStop(listener: () => void): void {
    this.stopListeners.push(listener);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    for (const queue of this.queues.values()) queue.length = 0;
    for (const l of this.stopListeners) l();
  }

  /** Releases everything still waiting; returns why the merge failed, if it did. */
  drain(): Error | undefined {
    this.release(true);
    return this.failure;
  }

  private release(flush: boolean): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (;;) {
      if (this.stopped) return;
      let oldest: TimedLine[] | undefined;
      let waiting = false;
      for (const [pod, queue] of this.queues) {
        if (queue.length === 0) {
          if (!this.ended.has(pod)) waiting = true;
          continue;
        }
        if (!oldest || before(queue[0], oldest[0])) oldest = queue;
      }
      if (!oldest || (waiting && !flush)) break;
      this.emit(oldest.shift() as TimedLine);
    }
    // Following, a quiet pod holds the others' lines for one window at most.
    if (this.follow && !this.stopped && [...this.queues.values()].some((q) => q.length > 0))
      this.timer = setTimeout(() => this.release(true), MERGE_WINDOW_MS);
  }
}

const before = (a: TimedLine, b: TimedLine): boolean =>
  a.at !== b.at ? a.at < b.at : a.nanos !== b.nanos ? a.nanos < b.nanos : a.order < b.order;

/** The time as Go's RFC3339Nano prints it: the fraction without trailing zeros, none when zero. */
function goNano(stamp: string): string {
  return stamp.replace(/\.(\d+)/, (_m, frac: string) => {
    const trimmed = frac.replace(/0+$/, '');
    return trimmed ? `.${trimmed}` : '';
  });
}

const subMillisecond = (stamp: string): number => Number((/\.(\d+)/.exec(stamp)?.[1] ?? '').padEnd(9, '0').slice(3, 9));
