// Which watch events make which ApplicationSets reconcile again, after Argo's event handlers and
// predicates: the controller owns spec/metadata, so status-only churn is ignored.
import { Application, ApplicationSet, APPSET_REFRESH_ANNOTATION, REFRESH_ANNOTATION } from '@flotilla/api-types';
import { equalIgnoringEmpty, isPlainObject } from '@flotilla/appset';

/** An ApplicationSet update matters when its spec, labels, finalizers, deletion or refresh request changes. */
export function appSetChanged(before: ApplicationSet, after: ApplicationSet): boolean {
  const [b, a] = [before.metadata, after.metadata];
  if (
    !equalIgnoringEmpty(before.spec, after.spec) ||
    !equalIgnoringEmpty(b.labels, a.labels) ||
    !equalIgnoringEmpty(b.finalizers, a.finalizers) ||
    b.deletionTimestamp !== a.deletionTimestamp
  ) {
    return true;
  }
  if (equalIgnoringEmpty(b.annotations, a.annotations)) return false;
  // Removing the refresh request (which the controller itself does) is no reason to run again.
  return !(b.annotations?.[APPSET_REFRESH_ANNOTATION] !== undefined && a.annotations?.[APPSET_REFRESH_ANNOTATION] === undefined);
}

/**
 * An owned Application update matters when someone changed what the ApplicationSet owns (spec,
 * labels, annotations, finalizers) — or its sync/health, which status.resources mirrors.
 */
export function applicationChanged(before: Application, after: Application): boolean {
  const [b, a] = [before.metadata, after.metadata];
  const withoutRefresh = (ann?: Record<string, string>) =>
    Object.fromEntries(Object.entries(ann ?? {}).filter(([k]) => k !== REFRESH_ANNOTATION));
  return (
    !equalIgnoringEmpty(before.spec, after.spec) ||
    !equalIgnoringEmpty(b.labels, a.labels) ||
    !equalIgnoringEmpty(withoutRefresh(b.annotations), withoutRefresh(a.annotations)) ||
    !equalIgnoringEmpty(b.finalizers, a.finalizers) ||
    before.status?.sync?.status !== after.status?.sync?.status ||
    before.status?.health?.status !== after.status?.health?.status
  );
}

/** The ApplicationSet controlling an Application, if any. */
export function controllingAppSet(app: Application): string | undefined {
  return app.metadata.ownerReferences?.find(
    (r) => r.controller === true && r.kind === 'ApplicationSet' && r.apiVersion.startsWith('argoproj.io/'),
  )?.name;
}

/** Whether a cluster Secret change can change this ApplicationSet's output (a clusters generator anywhere). */
export function usesClusters(appSet: ApplicationSet): boolean {
  return (appSet.spec.generators ?? []).some((g) => mentionsClusters(g));
}

function mentionsClusters(generator: unknown): boolean {
  if (!isPlainObject(generator)) return false;
  if (generator.clusters !== undefined && generator.clusters !== null) return true;
  return nestedGenerators(generator).some(mentionsClusters);
}

/** Argo's defaults when a generator sets no `requeueAfterSeconds`; list and clusters never requeue by time. */
export const DEFAULT_REQUEUE_SECONDS: Readonly<Record<string, number>> = {
  git: 180,
  clusterDecisionResource: 180,
  pullRequest: 1800,
  scmProvider: 1800,
  plugin: 1800,
};

/**
 * How soon Argo reconciles the ApplicationSet again even when nothing it watches changed: the shortest
 * requeue of any of its generators, nested ones included, in ms. `requeueAfterSeconds: 0` means "never",
 * as does an ApplicationSet of list and clusters generators only (undefined).
 */
export function requeueAfterMs(appSet: ApplicationSet): number | undefined {
  const seconds = (appSet.spec.generators ?? []).flatMap((g) => requeueSeconds(g)).filter((s) => s > 0);
  return seconds.length ? Math.min(...seconds) * 1000 : undefined;
}

function requeueSeconds(generator: unknown): number[] {
  if (!isPlainObject(generator)) return [];
  const own = Object.entries(DEFAULT_REQUEUE_SECONDS).flatMap(([key, fallback]) => {
    const spec = generator[key];
    if (!isPlainObject(spec)) return [];
    return [typeof spec.requeueAfterSeconds === 'number' ? spec.requeueAfterSeconds : fallback];
  });
  return [...own, ...nestedGenerators(generator).flatMap(requeueSeconds)];
}

function nestedGenerators(generator: Record<string, unknown>): unknown[] {
  return [generator.matrix, generator.merge]
    .filter(isPlainObject)
    .flatMap((g): unknown[] => (Array.isArray(g.generators) ? (g.generators as unknown[]) : []));
}

/** The n-th failure in a row (n >= 1) of one ApplicationSet generation waits base, 2 base, 4 base… up to max. */
export function retryDelayMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
}

/**
 * Failed reconciles per ApplicationSet, so that a broken one is retried with exponential backoff
 * instead of on every event and resync. A new generation (an edited spec) starts from the base again.
 */
export class FailureBackoff {
  private readonly failing = new Map<string, { generation: number | undefined; count: number; until: number }>();

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a failed reconcile; returns how long to wait before the next one. */
  failed(name: string, generation: number | undefined): number {
    const prev = this.failing.get(name);
    const count = prev && prev.generation === generation ? prev.count + 1 : 1;
    const delay = retryDelayMs(count, this.baseMs, this.maxMs);
    this.failing.set(name, { generation, count, until: this.now() + delay });
    return delay;
  }

  /** The scheduled retry is here: let it run even if the timer fired a hair early. */
  due(name: string): void {
    const f = this.failing.get(name);
    if (f) f.until = 0;
  }

  /** A reconcile that succeeded (or found the ApplicationSet gone) forgets the failures. */
  forget(name: string): void {
    this.failing.delete(name);
  }

  /** Whether a reconcile of this generation should wait for its scheduled retry rather than run now. */
  waiting(name: string, generation: number | undefined): boolean {
    const f = this.failing.get(name);
    return f !== undefined && f.generation === generation && this.now() < f.until;
  }
}
