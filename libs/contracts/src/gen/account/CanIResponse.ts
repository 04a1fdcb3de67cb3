// Original file: proto/account/account.proto

export interface CanIResponse {
  value?: string;
}

export interface CanIResponse__Output {
  value: string;
}
