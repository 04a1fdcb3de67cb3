// Original file: proto/session/session.proto

export interface SessionDeleteRequest {}

export interface SessionDeleteRequest__Output {}
