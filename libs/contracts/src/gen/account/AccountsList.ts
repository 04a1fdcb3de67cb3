// Original file: proto/account/account.proto

import type { Account as _account_Account, Account__Output as _account_Account__Output } from '../account/Account';

export interface AccountsList {
  items?: _account_Account[];
}

export interface AccountsList__Output {
  items: _account_Account__Output[];
}
