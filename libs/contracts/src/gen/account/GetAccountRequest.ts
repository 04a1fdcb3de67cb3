// Original file: proto/account/account.proto

export interface GetAccountRequest {
  name?: string;
}

export interface GetAccountRequest__Output {
  name: string;
}
