import type { Cluster } from '@flotilla/api-types';
import { api } from './api.client';

export interface ClusterList {
  items?: Cluster[];
}

export const clustersApi = {
  list: () => api.get<ClusterList>('/api/v1/clusters'),
};
