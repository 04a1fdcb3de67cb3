// Original file: proto/account/account.proto

import type { Token as _account_Token, Token__Output as _account_Token__Output } from '../account/Token';

export interface Account {
  name?: string;
  enabled?: boolean;
  capabilities?: string[];
  tokens?: _account_Token[];
}

export interface Account__Output {
  name: string;
  enabled: boolean;
  capabilities: string[];
  tokens: _account_Token__Output[];
}
