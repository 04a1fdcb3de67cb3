// Original file: proto/session/session.proto

export interface GetUserInfoResponse {
  loggedIn?: boolean;
  username?: string;
  iss?: string;
  groups?: string[];
}

export interface GetUserInfoResponse__Output {
  loggedIn: boolean;
  username: string;
  iss: string;
  groups: string[];
}
