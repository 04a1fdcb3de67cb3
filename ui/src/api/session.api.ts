import { api } from './api.client';

export interface UserInfo {
  loggedIn: boolean;
  username?: string;
  iss?: string;
  groups?: string[];
}

export const sessionApi = {
  /** Sets the `argocd.token` cookie as Argo CD's login does. */
  login: (username: string, password: string) => api.post<{ token: string }>('/api/v1/session', { username, password }),
  logout: () => api.delete<unknown>('/api/v1/session'),
  userInfo: () => api.get<UserInfo>('/api/v1/session/userinfo'),
};
