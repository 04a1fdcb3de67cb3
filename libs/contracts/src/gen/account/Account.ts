// Original file: proto/account/account.proto

export interface Account {
  name?: string;
  enabled?: boolean;
  capabilities?: string[];
}

export interface Account__Output {
  name: string;
  enabled: boolean;
  capabilities: string[];
}
