// Original file: proto/account/account.proto

import type { Long } from '@grpc/proto-loader';

export interface CreateTokenRequest {
  name?: string;
  /**
   * Seconds until the token expires; 0: never.
   */
  expiresIn?: number | string | Long;
  /**
   * The token's id (its jti); a random one when empty.
   */
  id?: string;
}

export interface CreateTokenRequest__Output {
  name: string;
  /**
   * Seconds until the token expires; 0: never.
   */
  expiresIn: string;
  /**
   * The token's id (its jti); a random one when empty.
   */
  id: string;
}
