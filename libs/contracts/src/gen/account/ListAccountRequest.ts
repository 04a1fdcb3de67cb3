// Original file: proto/account/account.proto

export interface ListAccountRequest {}

export interface ListAccountRequest__Output {}
