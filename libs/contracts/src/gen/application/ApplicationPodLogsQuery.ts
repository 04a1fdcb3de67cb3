// Original file: proto/application/application.proto

import type { Time as _application_Time, Time__Output as _application_Time__Output } from '../application/Time';
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
  /**
   * Only lines written at or after this time (Argo's meta.v1.Time: REST takes sinceTime.seconds).
   */
  sinceTime?: _application_Time | null;
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
  _sinceTime?: 'sinceTime';
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
  /**
   * Only lines written at or after this time (Argo's meta.v1.Time: REST takes sinceTime.seconds).
   */
  sinceTime?: _application_Time__Output | null;
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
  _sinceTime?: 'sinceTime';
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
