// Original file: proto/repository/repository.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  AppDetailsResponse as _repository_AppDetailsResponse,
  AppDetailsResponse__Output as _repository_AppDetailsResponse__Output,
} from '../repository/AppDetailsResponse';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';
import type {
  JsonObjectList as _flotilla_JsonObjectList,
  JsonObjectList__Output as _flotilla_JsonObjectList__Output,
} from '../flotilla/JsonObjectList';
import type { Refs as _repository_Refs, Refs__Output as _repository_Refs__Output } from '../repository/Refs';
import type {
  RepoAccessQuery as _repository_RepoAccessQuery,
  RepoAccessQuery__Output as _repository_RepoAccessQuery__Output,
} from '../repository/RepoAccessQuery';
import type {
  RepoAppDetailsQuery as _repository_RepoAppDetailsQuery,
  RepoAppDetailsQuery__Output as _repository_RepoAppDetailsQuery__Output,
} from '../repository/RepoAppDetailsQuery';
import type {
  RepoAppsQuery as _repository_RepoAppsQuery,
  RepoAppsQuery__Output as _repository_RepoAppsQuery__Output,
} from '../repository/RepoAppsQuery';
import type {
  RepoAppsResponse as _repository_RepoAppsResponse,
  RepoAppsResponse__Output as _repository_RepoAppsResponse__Output,
} from '../repository/RepoAppsResponse';
import type {
  RepoCreateRequest as _repository_RepoCreateRequest,
  RepoCreateRequest__Output as _repository_RepoCreateRequest__Output,
} from '../repository/RepoCreateRequest';
import type { RepoQuery as _repository_RepoQuery, RepoQuery__Output as _repository_RepoQuery__Output } from '../repository/RepoQuery';
import type {
  RepoResponse as _repository_RepoResponse,
  RepoResponse__Output as _repository_RepoResponse__Output,
} from '../repository/RepoResponse';
import type {
  RepoUpdateRequest as _repository_RepoUpdateRequest,
  RepoUpdateRequest__Output as _repository_RepoUpdateRequest__Output,
} from '../repository/RepoUpdateRequest';

export interface RepositoryServiceClient extends grpc.Client {
  Create(
    argument: _repository_RepoCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _repository_RepoCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _repository_RepoCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(argument: _repository_RepoCreateRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  create(
    argument: _repository_RepoCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _repository_RepoCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _repository_RepoCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(argument: _repository_RepoCreateRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  Delete(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _repository_RepoQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(argument: _repository_RepoQuery, callback: grpc.requestCallback<_repository_RepoResponse__Output>): grpc.ClientUnaryCall;
  delete(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _repository_RepoQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(argument: _repository_RepoQuery, callback: grpc.requestCallback<_repository_RepoResponse__Output>): grpc.ClientUnaryCall;

  Get(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _repository_RepoQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(argument: _repository_RepoQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  get(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _repository_RepoQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(argument: _repository_RepoQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  GetAppDetails(
    argument: _repository_RepoAppDetailsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_AppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetAppDetails(
    argument: _repository_RepoAppDetailsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_AppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetAppDetails(
    argument: _repository_RepoAppDetailsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_AppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetAppDetails(
    argument: _repository_RepoAppDetailsQuery,
    callback: grpc.requestCallback<_repository_AppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getAppDetails(
    argument: _repository_RepoAppDetailsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_AppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getAppDetails(
    argument: _repository_RepoAppDetailsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_AppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getAppDetails(
    argument: _repository_RepoAppDetailsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_AppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getAppDetails(
    argument: _repository_RepoAppDetailsQuery,
    callback: grpc.requestCallback<_repository_AppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;

  List(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _repository_RepoQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(argument: _repository_RepoQuery, callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>): grpc.ClientUnaryCall;
  list(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _repository_RepoQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(argument: _repository_RepoQuery, callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>): grpc.ClientUnaryCall;

  ListApps(
    argument: _repository_RepoAppsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoAppsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListApps(
    argument: _repository_RepoAppsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_RepoAppsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListApps(
    argument: _repository_RepoAppsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoAppsResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListApps(argument: _repository_RepoAppsQuery, callback: grpc.requestCallback<_repository_RepoAppsResponse__Output>): grpc.ClientUnaryCall;
  listApps(
    argument: _repository_RepoAppsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoAppsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listApps(
    argument: _repository_RepoAppsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_RepoAppsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listApps(
    argument: _repository_RepoAppsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoAppsResponse__Output>,
  ): grpc.ClientUnaryCall;
  listApps(argument: _repository_RepoAppsQuery, callback: grpc.requestCallback<_repository_RepoAppsResponse__Output>): grpc.ClientUnaryCall;

  ListRefs(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  ListRefs(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  ListRefs(
    argument: _repository_RepoQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  ListRefs(argument: _repository_RepoQuery, callback: grpc.requestCallback<_repository_Refs__Output>): grpc.ClientUnaryCall;
  listRefs(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  listRefs(
    argument: _repository_RepoQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  listRefs(
    argument: _repository_RepoQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  listRefs(argument: _repository_RepoQuery, callback: grpc.requestCallback<_repository_Refs__Output>): grpc.ClientUnaryCall;

  Update(
    argument: _repository_RepoUpdateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(
    argument: _repository_RepoUpdateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(
    argument: _repository_RepoUpdateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(argument: _repository_RepoUpdateRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  update(
    argument: _repository_RepoUpdateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _repository_RepoUpdateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _repository_RepoUpdateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(argument: _repository_RepoUpdateRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  ValidateAccess(
    argument: _repository_RepoAccessQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  ValidateAccess(
    argument: _repository_RepoAccessQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  ValidateAccess(
    argument: _repository_RepoAccessQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  ValidateAccess(
    argument: _repository_RepoAccessQuery,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  validateAccess(
    argument: _repository_RepoAccessQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  validateAccess(
    argument: _repository_RepoAccessQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  validateAccess(
    argument: _repository_RepoAccessQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
  validateAccess(
    argument: _repository_RepoAccessQuery,
    callback: grpc.requestCallback<_repository_RepoResponse__Output>,
  ): grpc.ClientUnaryCall;
}

export interface RepositoryServiceHandlers extends grpc.UntypedServiceImplementation {
  Create: grpc.handleUnaryCall<_repository_RepoCreateRequest__Output, _flotilla_JsonObject>;

  Delete: grpc.handleUnaryCall<_repository_RepoQuery__Output, _repository_RepoResponse>;

  Get: grpc.handleUnaryCall<_repository_RepoQuery__Output, _flotilla_JsonObject>;

  GetAppDetails: grpc.handleUnaryCall<_repository_RepoAppDetailsQuery__Output, _repository_AppDetailsResponse>;

  List: grpc.handleUnaryCall<_repository_RepoQuery__Output, _flotilla_JsonObjectList>;

  ListApps: grpc.handleUnaryCall<_repository_RepoAppsQuery__Output, _repository_RepoAppsResponse>;

  ListRefs: grpc.handleUnaryCall<_repository_RepoQuery__Output, _repository_Refs>;

  Update: grpc.handleUnaryCall<_repository_RepoUpdateRequest__Output, _flotilla_JsonObject>;

  ValidateAccess: grpc.handleUnaryCall<_repository_RepoAccessQuery__Output, _repository_RepoResponse>;
}

export interface RepositoryServiceDefinition extends grpc.ServiceDefinition {
  Create: MethodDefinition<
    _repository_RepoCreateRequest,
    _flotilla_JsonObject,
    _repository_RepoCreateRequest__Output,
    _flotilla_JsonObject__Output
  >;
  Delete: MethodDefinition<
    _repository_RepoQuery,
    _repository_RepoResponse,
    _repository_RepoQuery__Output,
    _repository_RepoResponse__Output
  >;
  Get: MethodDefinition<_repository_RepoQuery, _flotilla_JsonObject, _repository_RepoQuery__Output, _flotilla_JsonObject__Output>;
  GetAppDetails: MethodDefinition<
    _repository_RepoAppDetailsQuery,
    _repository_AppDetailsResponse,
    _repository_RepoAppDetailsQuery__Output,
    _repository_AppDetailsResponse__Output
  >;
  List: MethodDefinition<_repository_RepoQuery, _flotilla_JsonObjectList, _repository_RepoQuery__Output, _flotilla_JsonObjectList__Output>;
  ListApps: MethodDefinition<
    _repository_RepoAppsQuery,
    _repository_RepoAppsResponse,
    _repository_RepoAppsQuery__Output,
    _repository_RepoAppsResponse__Output
  >;
  ListRefs: MethodDefinition<_repository_RepoQuery, _repository_Refs, _repository_RepoQuery__Output, _repository_Refs__Output>;
  Update: MethodDefinition<
    _repository_RepoUpdateRequest,
    _flotilla_JsonObject,
    _repository_RepoUpdateRequest__Output,
    _flotilla_JsonObject__Output
  >;
  ValidateAccess: MethodDefinition<
    _repository_RepoAccessQuery,
    _repository_RepoResponse,
    _repository_RepoAccessQuery__Output,
    _repository_RepoResponse__Output
  >;
}
