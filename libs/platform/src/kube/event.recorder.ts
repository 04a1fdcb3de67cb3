// core/v1 Events about objects on a cluster (Argo CD's audit log, client-go's EventRecorder): written
// in the background so a reconcile or an API call never waits on, or fails with, an Event; repeats
// of the same Event are folded into one with a growing count, as client-go's correlator folds them.
import type { Logger } from 'pino';
import { isNotFound } from './kube-api.error';
import type { KubeClient } from './kube.client';

/** The object an Event is about (its involvedObject). */
export interface EventSubject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
}

export interface EventNote {
  type: 'Normal' | 'Warning';
  reason: string;
  /** What happened, already free of secrets. */
  message: string;
  /** Extra facts as annotations on the Event (Argo's dest-server, dest-namespace, user). */
  annotations?: Record<string, string>;
}

export interface EventRecorderOptions {
  /** source.component: argocd-application-controller, argocd-server, ... */
  component: string;
  logger: Logger;
  /** Events waiting to be written at most; more are dropped (client-go drops when its channel is full). */
  queueLimit?: number;
  /** How long an identical Event is folded into the last one (client-go remembers them 10 minutes). */
  aggregateWindowMs?: number;
  /** A write failure is logged at most this often; the ones between are counted in the next line. */
  errorLogIntervalMs?: number;
  now?: () => Date;
}

interface Pending {
  subject: EventSubject;
  note: EventNote;
  at: Date;
}

interface Folded {
  namespace: string;
  name: string;
  count: number;
  lastAt: number;
}

const DEFAULT_QUEUE_LIMIT = 1000;
const DEFAULT_WINDOW_MS = 10 * 60_000;
const DEFAULT_ERROR_LOG_MS = 60_000;
/** Identities remembered for folding at most (client-go's LRU holds 4096). */
const MAX_REMEMBERED = 4096;
/** kube-apiserver's limit on an Event's note; longer messages are cut there. */
const MAX_MESSAGE = 1024;

/** metav1.Time: RFC 3339 in whole seconds. */
const kubeTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export class KubeEventRecorder {
  private readonly queue: Pending[] = [];
  private readonly folded = new Map<string, Folded>();
  private readonly queueLimit: number;
  private readonly windowMs: number;
  private readonly errorLogMs: number;
  private readonly now: () => Date;
  private draining?: Promise<void>;
  private seq = 0;
  private dropped = 0;
  private failures = 0;
  private lastErrorLogAt = -Infinity;
  private closed = false;

  constructor(
    private readonly kube: KubeClient,
    private readonly opts: EventRecorderOptions,
  ) {
    this.queueLimit = opts.queueLimit ?? DEFAULT_QUEUE_LIMIT;
    this.windowMs = opts.aggregateWindowMs ?? DEFAULT_WINDOW_MS;
    this.errorLogMs = opts.errorLogIntervalMs ?? DEFAULT_ERROR_LOG_MS;
    this.now = opts.now ?? (() => new Date());
  }

  /** Queues an Event and returns at once; it never throws. */
  record(subject: EventSubject, note: EventNote): void {
    if (this.closed || !subject.name) return;
    if (this.queue.length >= this.queueLimit) {
      this.dropped++;
      this.reportTrouble(`event queue full (${this.queueLimit}): dropped ${note.reason} on ${subject.kind} ${subject.name}`);
      return;
    }
    this.queue.push({ subject, note, at: this.now() });
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  /** Resolves when every Event queued so far has been written (or given up on). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Writes what is queued, then takes no more. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  /** Events dropped because the queue was full, since start. */
  get droppedCount(): number {
    return this.dropped;
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      try {
        await this.write(next);
      } catch (err) {
        this.failures++;
        this.reportTrouble(`could not record Event ${next.note.reason} on ${next.subject.kind} ${next.subject.namespace ?? ''}/${next.subject.name}: ${(err as Error).message}`);
      }
    }
  }

  private async write({ subject, note, at }: Pending): Promise<void> {
    const namespace = subject.namespace || 'default';
    const key = identity(this.opts.component, subject, note);
    const previous = this.folded.get(key);
    if (previous && at.getTime() - previous.lastAt <= this.windowMs) {
      const count = previous.count + 1;
      try {
        await this.kube.patch(
          { apiVersion: 'v1', kind: 'Event', metadata: { namespace: previous.namespace, name: previous.name } },
          { count, lastTimestamp: kubeTime(at) },
          'merge',
        );
        this.remember(key, { ...previous, count, lastAt: at.getTime() });
        return;
      } catch (err) {
        // Deleted (or expired by the API server's TTL) meanwhile: start a new one.
        if (!isNotFound(err)) throw err;
      }
    }
    const name = this.eventName(subject.name, at);
    await this.kube.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, ...(note.annotations && Object.keys(note.annotations).length ? { annotations: note.annotations } : {}) },
      involvedObject: {
        apiVersion: subject.apiVersion,
        kind: subject.kind,
        name: subject.name,
        ...(subject.namespace ? { namespace: subject.namespace } : {}),
        ...(subject.uid ? { uid: subject.uid } : {}),
        ...(subject.resourceVersion ? { resourceVersion: subject.resourceVersion } : {}),
      },
      reason: note.reason,
      message: note.message.length > MAX_MESSAGE ? `${note.message.slice(0, MAX_MESSAGE - 1)}…` : note.message,
      type: note.type,
      source: { component: this.opts.component },
      firstTimestamp: kubeTime(at),
      lastTimestamp: kubeTime(at),
      count: 1,
    });
    this.remember(key, { namespace, name, count: 1, lastAt: at.getTime() });
  }

  private remember(key: string, folded: Folded): void {
    this.folded.delete(key);
    if (this.folded.size >= MAX_REMEMBERED) this.folded.delete(this.folded.keys().next().value!);
    this.folded.set(key, folded);
  }

  /** client-go's `<name>.<hex nanoseconds>`; the sequence keeps Events of the same millisecond apart. */
  private eventName(name: string, at: Date): string {
    const nanos = BigInt(at.getTime()) * 1_000_000n + BigInt(this.seq++ % 1_000_000);
    return `${name}.${nanos.toString(16)}`;
  }

  /** Logs the first trouble at once, then one line per interval saying how much was left unsaid. */
  private reportTrouble(message: string): void {
    const now = Date.now();
    if (now - this.lastErrorLogAt < this.errorLogMs) return;
    this.lastErrorLogAt = now;
    this.opts.logger.warn({ failedWrites: this.failures, dropped: this.dropped }, message);
  }
}

/** What makes two Events the same one (client-go's getEventKey, without the host we do not report). */
function identity(component: string, s: EventSubject, note: EventNote): string {
  return JSON.stringify([component, s.apiVersion, s.kind, s.namespace ?? '', s.name, s.uid ?? '', note.type, note.reason, note.message]);
}
