// Original file: proto/project/project.proto

export interface EmptyResponse {}

export interface EmptyResponse__Output {}
