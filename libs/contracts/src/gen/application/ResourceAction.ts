// Original file: proto/application/application.proto

import type {
  ResourceActionParam as _application_ResourceActionParam,
  ResourceActionParam__Output as _application_ResourceActionParam__Output,
} from '../application/ResourceActionParam';

/**
 * One action that can be run on a resource (Argo's ResourceAction): discovery.lua lists them.
 */
export interface ResourceAction {
  name?: string;
  params?: _application_ResourceActionParam[];
  disabled?: boolean;
  iconClass?: string;
  displayName?: string;
}

/**
 * One action that can be run on a resource (Argo's ResourceAction): discovery.lua lists them.
 */
export interface ResourceAction__Output {
  name: string;
  params: _application_ResourceActionParam__Output[];
  disabled: boolean;
  iconClass: string;
  displayName: string;
}
