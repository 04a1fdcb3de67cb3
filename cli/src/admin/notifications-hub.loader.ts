// @flotilla/platform (and @kubernetes/client-node under it) and @flotilla/notifications (the senders)
// load only when an admin command needs them, so no other command pays for them at start-up;
// require() for the reason kube-client.loader gives.
/* eslint-disable @typescript-eslint/no-require-imports */

export const loadNotificationsHubClient = (): typeof import('./notifications-hub.client') => require('./notifications-hub.client') as typeof import('./notifications-hub.client');

export const loadNotificationsAdmin = (): typeof import('./notifications-admin.service') => require('./notifications-admin.service') as typeof import('./notifications-admin.service');
