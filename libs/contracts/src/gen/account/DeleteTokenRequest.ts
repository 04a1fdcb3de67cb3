// Original file: proto/account/account.proto

export interface DeleteTokenRequest {
  name?: string;
  id?: string;
}

export interface DeleteTokenRequest__Output {
  name: string;
  id: string;
}
