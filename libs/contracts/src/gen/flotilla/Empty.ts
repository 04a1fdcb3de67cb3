// Original file: proto/flotilla/json.proto

export interface Empty {}

export interface Empty__Output {}
