// Argo CD's annotation tracking: `<app>:<group>/<Kind>:<namespace>/<name>` in argocd.argoproj.io/tracking-id.
// https://argo-cd.readthedocs.io/en/stable/user-guide/resource_tracking/
import { DEFAULT_NAMESPACE, groupOf, TRACKING_ID_ANNOTATION, type KubeObject } from '@flotilla/api-types';
import { clone } from '../object/json-value';

export interface TrackingId {
  /** As written in the annotation: `<appNamespace>_<app>` for apps outside the control-plane namespace. */
  appName: string;
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** The app name as it appears in tracking ids. */
export function trackingAppName(appName: string, appNamespace?: string, controlPlaneNamespace = DEFAULT_NAMESPACE): string {
  return appNamespace && appNamespace !== controlPlaneNamespace ? `${appNamespace}_${appName}` : appName;
}

export const formatTrackingId = (id: TrackingId): string => `${id.appName}:${id.group}/${id.kind}:${id.namespace}/${id.name}`;

/** Parses a tracking id; undefined when it is malformed. */
export function parseTrackingId(text: string): TrackingId | undefined {
  const m = /^([^:]+):([^/:]*)\/([^:/]+):([^/]*)\/(.+)$/.exec(text.trim());
  if (!m) return undefined;
  const [, appName, group, kind, namespace, name] = m;
  return { appName, group, kind, namespace, name };
}

export function trackingIdFor(obj: KubeObject, appName: string): TrackingId {
  return {
    appName,
    group: groupOf(obj.apiVersion),
    kind: obj.kind ?? '',
    namespace: obj.metadata?.namespace ?? '',
    name: obj.metadata?.name ?? '',
  };
}

export const buildTrackingId = (obj: KubeObject, appName: string): string => formatTrackingId(trackingIdFor(obj, appName));

/** The app that owns obj by its annotation, or undefined (absent, malformed, or copied from another object). */
export function trackedAppName(obj: KubeObject): string | undefined {
  const text = obj.metadata?.annotations?.[TRACKING_ID_ANNOTATION];
  const id = text ? parseTrackingId(text) : undefined;
  if (!id) return undefined;
  const self = trackingIdFor(obj, id.appName);
  // A copied annotation (e.g. on a Pod cloned from a template) names a different object: not ours.
  if (id.group !== self.group || id.kind !== self.kind || id.name !== self.name) return undefined;
  // Cluster-scoped objects carry no namespace, while the id may hold the app's destination namespace.
  if (self.namespace !== '' && id.namespace !== self.namespace) return undefined;
  return id.appName;
}

export const isTrackedBy = (obj: KubeObject, appName: string): boolean => trackedAppName(obj) === appName;

/** A copy of obj carrying the app's tracking id. */
export function setTrackingId(obj: KubeObject, appName: string): KubeObject {
  const out = clone(obj);
  out.metadata = {
    ...out.metadata,
    annotations: { ...out.metadata?.annotations, [TRACKING_ID_ANNOTATION]: buildTrackingId(out, appName) },
  };
  return out;
}
