// Original file: proto/account/account.proto

export interface CreateTokenResponse {
  token?: string;
}

export interface CreateTokenResponse__Output {
  token: string;
}
