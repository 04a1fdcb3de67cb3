// @flotilla/notifications/testing: fake provider servers, for specs of anything that sends notifications.
export * from './fakes/fake-http';
export * from './fakes/slack.fake';
export * from './fakes/webhook.fake';
export * from './seed-002';
