// Original file: proto/application/application.proto

export interface ApplicationResponse {}

export interface ApplicationResponse__Output {}
