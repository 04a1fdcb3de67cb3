// Original file: proto/session/session.proto

export interface GetUserInfoRequest {}

export interface GetUserInfoRequest__Output {}
