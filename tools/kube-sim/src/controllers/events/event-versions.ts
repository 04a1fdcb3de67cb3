import { KubeObject } from '../../store/kube-object';

type Json = Record<string, unknown>;

/**
 * kube-apiserver keeps one Event in etcd and serves it as core/v1 and as events.k8s.io/v1
 * (pkg/apis/events/v1/conversion.go): `involvedObject` is `regarding`, `message` is `note`,
 * the legacy source, timestamps and count become `deprecated*`.
 */
export function toEventsV1(core: KubeObject): KubeObject {
  const e = core as Json;
  const out: Json = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: e.metadata,
    eventTime: e.eventTime ?? null,
    ...(e.series ? { series: e.series } : {}),
    ...(e.reportingComponent ? { reportingController: e.reportingComponent } : {}),
    ...(e.reportingInstance ? { reportingInstance: e.reportingInstance } : {}),
    ...(e.action ? { action: e.action } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    regarding: e.involvedObject ?? {},
    ...(e.related ? { related: e.related } : {}),
    ...(e.message ? { note: e.message } : {}),
    ...(e.type ? { type: e.type } : {}),
    deprecatedSource: e.source ?? {},
    deprecatedFirstTimestamp: e.firstTimestamp ?? null,
    deprecatedLastTimestamp: e.lastTimestamp ?? null,
    ...(e.count ? { deprecatedCount: e.count } : {}),
  };
  return out as KubeObject;
}

/** The inverse of `toEventsV1`: an Event written through events.k8s.io as core/v1 shows it. */
export function toCoreV1(v1: KubeObject): KubeObject {
  const e = v1 as Json;
  const out: Json = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: e.metadata,
    involvedObject: e.regarding ?? {},
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.note ? { message: e.note } : {}),
    source: e.deprecatedSource ?? {},
    firstTimestamp: e.deprecatedFirstTimestamp ?? null,
    lastTimestamp: e.deprecatedLastTimestamp ?? null,
    ...(e.deprecatedCount ? { count: e.deprecatedCount } : {}),
    ...(e.type ? { type: e.type } : {}),
    eventTime: e.eventTime ?? null,
    ...(e.series ? { series: e.series } : {}),
    ...(e.action ? { action: e.action } : {}),
    ...(e.related ? { related: e.related } : {}),
    reportingComponent: e.reportingController ?? '',
    reportingInstance: e.reportingInstance ?? '',
  };
  return out as KubeObject;
}
