// Original file: proto/application/application.proto

import type {
  ResourceActionParameters as _application_ResourceActionParameters,
  ResourceActionParameters__Output as _application_ResourceActionParameters__Output,
} from '../application/ResourceActionParameters';

export interface ResourceActionRunRequestV2 {
  name?: string;
  namespace?: string;
  resourceName?: string;
  version?: string;
  group?: string;
  kind?: string;
  action?: string;
  appNamespace?: string;
  project?: string;
  resourceActionParameters?: _application_ResourceActionParameters[];
  _name?: 'name';
  _namespace?: 'namespace';
  _resourceName?: 'resourceName';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
  _action?: 'action';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}

export interface ResourceActionRunRequestV2__Output {
  name?: string;
  namespace?: string;
  resourceName?: string;
  version?: string;
  group?: string;
  kind?: string;
  action?: string;
  appNamespace?: string;
  project?: string;
  resourceActionParameters: _application_ResourceActionParameters__Output[];
  _name?: 'name';
  _namespace?: 'namespace';
  _resourceName?: 'resourceName';
  _version?: 'version';
  _group?: 'group';
  _kind?: 'kind';
  _action?: 'action';
  _appNamespace?: 'appNamespace';
  _project?: 'project';
}
