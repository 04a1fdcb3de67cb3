// Original file: proto/session/session.proto

export interface SessionCreateRequest {
  username?: string;
  password?: string;
  token?: string;
}

export interface SessionCreateRequest__Output {
  username: string;
  password: string;
  token: string;
}
