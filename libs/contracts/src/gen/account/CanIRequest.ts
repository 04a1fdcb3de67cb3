// Original file: proto/account/account.proto

export interface CanIRequest {
  resource?: string;
  action?: string;
  subresource?: string;
}

export interface CanIRequest__Output {
  resource: string;
  action: string;
  subresource: string;
}
