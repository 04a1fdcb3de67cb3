// Redis keys the app-controller writes and the api-server reads: the single place both agree on.
// Values are JSON: `tree` is the Application's resource tree (Argo's ApplicationTree: nodes,
// orphanedNodes, hosts), `managed` its managed resources (Argo's ManagedResourcesResponse: items).

export const APP_CACHE_PREFIX = 'flotilla:app:';

/** `flotilla:app:<namespace>/<name>:tree` */
export const appTreeKey = (namespace: string, name: string): string => `${APP_CACHE_PREFIX}${namespace}/${name}:tree`;

/** `flotilla:app:<namespace>/<name>:managed` */
export const appManagedResourcesKey = (namespace: string, name: string): string => `${APP_CACHE_PREFIX}${namespace}/${name}:managed`;

/**
 * The Redis pub/sub channel the app-controller publishes on after writing an app's tree, so
 * WatchResourceTree streams follow it without polling: `flotilla:app:<namespace>/<name>:tree-updated`.
 */
export const appTreeUpdatedChannel = (namespace: string, name: string): string => `${APP_CACHE_PREFIX}${namespace}/${name}:tree-updated`;
