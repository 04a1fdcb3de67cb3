// Original file: proto/application/application.proto

import type {
  ResourceAction as _application_ResourceAction,
  ResourceAction__Output as _application_ResourceAction__Output,
} from '../application/ResourceAction';

export interface ResourceActionsListResponse {
  actions?: _application_ResourceAction[];
}

export interface ResourceActionsListResponse__Output {
  actions: _application_ResourceAction__Output[];
}
