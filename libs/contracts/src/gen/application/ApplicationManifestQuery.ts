// Original file: proto/application/application.proto

import type { Long } from '@grpc/proto-loader';

export interface ApplicationManifestQuery {
  name?: string;
  revision?: string;
  appNamespace?: string;
  project?: string;
  sourcePositions?: (number | string | Long)[];
  revisions?: string[];
  noCache?: boolean;
  _name?: 'name';
  _revision?: 'revision';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
  _noCache?: 'noCache';
}

export interface ApplicationManifestQuery__Output {
  name?: string;
  revision?: string;
  appNamespace?: string;
  project?: string;
  sourcePositions: string[];
  revisions: string[];
  noCache?: boolean;
  _name?: 'name';
  _revision?: 'revision';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
  _noCache?: 'noCache';
}
