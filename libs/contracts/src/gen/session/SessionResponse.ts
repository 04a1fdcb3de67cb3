// Original file: proto/session/session.proto

export interface SessionResponse {
  token?: string;
}

export interface SessionResponse__Output {
  token: string;
}
