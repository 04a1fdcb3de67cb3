// Original file: proto/application/application.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The logs of one pod (podName), or of every pod in the app's resource tree under the resource that
 * kind, group, resourceName and namespace select (all of the app's pods when none is given).
 */
export interface ApplicationPodLogsQuery {
  name?: string;
  namespace?: string;
  podName?: string;
  container?: string;
  sinceSeconds?: number | string | Long;
  tailLines?: number | string | Long;
  follow?: boolean;
  untilTime?: string;
  filter?: string;
  kind?: string;
  group?: string;
  resourceName?: string;
  previous?: boolean;
  appNamespace?: string;
  project?: string;
  matchCase?: boolean;
  _name?: 'name';
  _namespace?: 'namespace';
  _podName?: 'podName';
  _container?: 'container';
  _sinceSeconds?: 'sinceSeconds';
  _tailLines?: 'tailLines';
  _follow?: 'follow';
  _untilTime?: 'untilTime';
  _filter?: 'filter';
  _kind?: 'kind';
  _group?: 'group';
  _resourceName?: 'resourceName';
  _previous?: 'previous';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
  _matchCase?: 'matchCase';
}

/**
 * The logs of one pod (podName), or of every pod in the app's resource tree under the resource that
 * kind, group, resourceName and namespace select (all of the app's pods when none is given).
 */
export interface ApplicationPodLogsQuery__Output {
  name?: string;
  namespace?: string;
  podName?: string;
  container?: string;
  sinceSeconds?: string;
  tailLines?: string;
  follow?: boolean;
  untilTime?: string;
  filter?: string;
  kind?: string;
  group?: string;
  resourceName?: string;
  previous?: boolean;
  appNamespace?: string;
  project?: string;
  matchCase?: boolean;
  _name?: 'name';
  _namespace?: 'namespace';
  _podName?: 'podName';
  _container?: 'container';
  _sinceSeconds?: 'sinceSeconds';
  _tailLines?: 'tailLines';
  _follow?: 'follow';
  _untilTime?: 'untilTime';
  _filter?: 'filter';
  _kind?: 'kind';
  _group?: 'group';
  _resourceName?: 'resourceName';
  _previous?: 'previous';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
  _matchCase?: 'matchCase';
}
