// Labels and annotations Argo CD defines; Flotilla reads and writes the same keys.
// https://argo-cd.readthedocs.io/en/stable/user-guide/annotations-and-labels/

export const SECRET_TYPE_LABEL = 'argocd.argoproj.io/secret-type';
export const SECRET_TYPE_CLUSTER = 'cluster';
export const SECRET_TYPE_REPOSITORY = 'repository';
export const SECRET_TYPE_REPO_CREDS = 'repo-creds';

/** Set on resources an Application manages: `<app>:<group>/<kind>:<namespace>/<name>`. */
export const TRACKING_ID_ANNOTATION = 'argocd.argoproj.io/tracking-id';
/** The label-based tracking method's key (`application.instanceLabelKey` in argocd-cm). */
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';
/** `normal` or `hard`: ask the controller to refresh an Application now. */
export const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
/** Set (to "true") on an ApplicationSet to regenerate it now, past repo-server's revision cache; the controller removes it. */
export const APPSET_REFRESH_ANNOTATION = 'argocd.argoproj.io/application-set-refresh';
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';
export const HOOK_ANNOTATION = 'argocd.argoproj.io/hook';
export const HOOK_DELETE_POLICY_ANNOTATION = 'argocd.argoproj.io/hook-delete-policy';
export const COMPARE_OPTIONS_ANNOTATION = 'argocd.argoproj.io/compare-options';
export const MANIFEST_GENERATE_PATHS_ANNOTATION = 'argocd.argoproj.io/manifest-generate-paths';
/** Finalizer that makes deleting an Application delete its resources first (cascade). */
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';
export const BACKGROUND_RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io/background';
export const FOREGROUND_RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io/foreground';
/** Label on Applications an ApplicationSet created (besides the ownerReference). */
export const APPSET_NAME_LABEL = 'argocd.argoproj.io/application-set-name';
export const NOTIFICATION_SUBSCRIBE_PREFIX = 'notifications.argoproj.io/subscribe.';
/** Records which notifications were already sent for which event, so none is sent twice. */
export const NOTIFIED_ANNOTATION = 'notified.notifications.argoproj.io';

/** The namespace Argo CD (and Flotilla) runs in and keeps its Secrets and ConfigMaps in. */
export const DEFAULT_NAMESPACE = 'argocd';
export const ARGOCD_CM = 'argocd-cm';
export const ARGOCD_SECRET = 'argocd-secret';
export const ARGOCD_RBAC_CM = 'argocd-rbac-cm';
export const NOTIFICATIONS_CM = 'argocd-notifications-cm';
export const NOTIFICATIONS_SECRET = 'argocd-notifications-secret';
export const INITIAL_ADMIN_SECRET = 'argocd-initial-admin-secret';
