import { api } from './api.client';

export interface Account {
  name: string;
  enabled?: boolean;
  capabilities?: string[];
  tokens?: { id?: string; issuedAt?: string; expiresAt?: string }[];
}

export const accountsApi = {
  list: () => api.get<{ items?: Account[] }>('/api/v1/account'),
};
