// Original file: proto/account/account.proto

import type { Long } from '@grpc/proto-loader';

export interface Token {
  id?: string;
  issuedAt?: number | string | Long;
  expiresAt?: number | string | Long;
}

export interface Token__Output {
  id: string;
  issuedAt: string;
  expiresAt: string;
}
