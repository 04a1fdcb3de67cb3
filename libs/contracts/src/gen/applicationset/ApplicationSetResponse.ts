// Original file: proto/applicationset/applicationset.proto

export interface ApplicationSetResponse {}

export interface ApplicationSetResponse__Output {}
