// Original file: proto/account/account.proto

export interface UpdatePasswordResponse {}

export interface UpdatePasswordResponse__Output {}
