// Original file: proto/settings/settings.proto

export interface GoogleAnalyticsConfig {
  trackingID?: string;
  anonymizeUsers?: boolean;
}

export interface GoogleAnalyticsConfig__Output {
  trackingID: string;
  anonymizeUsers: boolean;
}
