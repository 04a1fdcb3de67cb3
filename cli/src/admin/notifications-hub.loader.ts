// @flotilla/platform (and @kubernetes/client-node under it) load only when an admin command reaches
// the hub, so no other command pays for them at start-up; require() for the reason kube-client.loader gives.
/* eslint-disable @typescript-eslint/no-require-imports */

export const loadNotificationsHubClient = (): typeof import('./notifications-hub.client') => require('./notifications-hub.client') as typeof import('./notifications-hub.client');
