// Original file: proto/application/application.proto

import type { Long } from '@grpc/proto-loader';

export interface ApplicationQuery {
  name?: string;
  /**
   * "normal" or "hard": refresh before answering (Get only).
   */
  refresh?: string;
  projects?: string[];
  resourceVersion?: string;
  selector?: string;
  repo?: string;
  appNamespace?: string;
  project?: string[];
  /**
   * Beyond Argo (argo-cd issue 14947), List only: at most limit items, in a stable order (namespace, name),
   * and metadata.continue names where the next page starts. 0 or absent: every item.
   */
  limit?: number | string | Long;
  /**
   * The continue token of the previous page's metadata, to read the next one.
   */
  continue?: string;
  _name?: 'name';
  _refresh?: 'refresh';
  _resourceVersion?: 'resourceVersion';
  _selector?: 'selector';
  _repo?: 'repo';
  _appNamespace?: 'appNamespace';
  _limit?: 'limit';
  _continue?: 'continue';
}

export interface ApplicationQuery__Output {
  name?: string;
  /**
   * "normal" or "hard": refresh before answering (Get only).
   */
  refresh?: string;
  projects: string[];
  resourceVersion?: string;
  selector?: string;
  repo?: string;
  appNamespace?: string;
  project: string[];
  /**
   * Beyond Argo (argo-cd issue 14947), List only: at most limit items, in a stable order (namespace, name),
   * and metadata.continue names where the next page starts. 0 or absent: every item.
   */
  limit?: string;
  /**
   * The continue token of the previous page's metadata, to read the next one.
   */
  continue?: string;
  _name?: 'name';
  _refresh?: 'refresh';
  _resourceVersion?: 'resourceVersion';
  _selector?: 'selector';
  _repo?: 'repo';
  _appNamespace?: 'appNamespace';
  _limit?: 'limit';
  _continue?: 'continue';
}
