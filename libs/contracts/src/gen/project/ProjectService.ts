// Original file: proto/project/project.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  EmptyResponse as _project_EmptyResponse,
  EmptyResponse__Output as _project_EmptyResponse__Output,
} from '../project/EmptyResponse';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';
import type {
  JsonObjectList as _flotilla_JsonObjectList,
  JsonObjectList__Output as _flotilla_JsonObjectList__Output,
} from '../flotilla/JsonObjectList';
import type {
  ProjectCreateRequest as _project_ProjectCreateRequest,
  ProjectCreateRequest__Output as _project_ProjectCreateRequest__Output,
} from '../project/ProjectCreateRequest';
import type { ProjectQuery as _project_ProjectQuery, ProjectQuery__Output as _project_ProjectQuery__Output } from '../project/ProjectQuery';

export interface ProjectServiceClient extends grpc.Client {
  Create(
    argument: _project_ProjectCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _project_ProjectCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _project_ProjectCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(argument: _project_ProjectCreateRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  create(
    argument: _project_ProjectCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _project_ProjectCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _project_ProjectCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(argument: _project_ProjectCreateRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  Delete(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_project_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_project_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _project_ProjectQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_project_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(argument: _project_ProjectQuery, callback: grpc.requestCallback<_project_EmptyResponse__Output>): grpc.ClientUnaryCall;
  delete(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_project_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_project_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _project_ProjectQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_project_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(argument: _project_ProjectQuery, callback: grpc.requestCallback<_project_EmptyResponse__Output>): grpc.ClientUnaryCall;

  Get(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _project_ProjectQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(argument: _project_ProjectQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  get(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _project_ProjectQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(argument: _project_ProjectQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  List(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _project_ProjectQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(argument: _project_ProjectQuery, callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>): grpc.ClientUnaryCall;
  list(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _project_ProjectQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _project_ProjectQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(argument: _project_ProjectQuery, callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>): grpc.ClientUnaryCall;
}

export interface ProjectServiceHandlers extends grpc.UntypedServiceImplementation {
  Create: grpc.handleUnaryCall<_project_ProjectCreateRequest__Output, _flotilla_JsonObject>;

  Delete: grpc.handleUnaryCall<_project_ProjectQuery__Output, _project_EmptyResponse>;

  Get: grpc.handleUnaryCall<_project_ProjectQuery__Output, _flotilla_JsonObject>;

  List: grpc.handleUnaryCall<_project_ProjectQuery__Output, _flotilla_JsonObjectList>;
}

export interface ProjectServiceDefinition extends grpc.ServiceDefinition {
  Create: MethodDefinition<
    _project_ProjectCreateRequest,
    _flotilla_JsonObject,
    _project_ProjectCreateRequest__Output,
    _flotilla_JsonObject__Output
  >;
  Delete: MethodDefinition<_project_ProjectQuery, _project_EmptyResponse, _project_ProjectQuery__Output, _project_EmptyResponse__Output>;
  Get: MethodDefinition<_project_ProjectQuery, _flotilla_JsonObject, _project_ProjectQuery__Output, _flotilla_JsonObject__Output>;
  List: MethodDefinition<_project_ProjectQuery, _flotilla_JsonObjectList, _project_ProjectQuery__Output, _flotilla_JsonObjectList__Output>;
}
