// Original file: proto/settings/settings.proto

export interface SettingsQuery {}

export interface SettingsQuery__Output {}
