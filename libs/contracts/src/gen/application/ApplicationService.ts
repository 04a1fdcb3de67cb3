// Original file: proto/application/application.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  ApplicationCreateRequest as _application_ApplicationCreateRequest,
  ApplicationCreateRequest__Output as _application_ApplicationCreateRequest__Output,
} from '../application/ApplicationCreateRequest';
import type {
  ApplicationDeleteRequest as _application_ApplicationDeleteRequest,
  ApplicationDeleteRequest__Output as _application_ApplicationDeleteRequest__Output,
} from '../application/ApplicationDeleteRequest';
import type {
  ApplicationQuery as _application_ApplicationQuery,
  ApplicationQuery__Output as _application_ApplicationQuery__Output,
} from '../application/ApplicationQuery';
import type {
  ApplicationResponse as _application_ApplicationResponse,
  ApplicationResponse__Output as _application_ApplicationResponse__Output,
} from '../application/ApplicationResponse';
import type {
  ApplicationRollbackRequest as _application_ApplicationRollbackRequest,
  ApplicationRollbackRequest__Output as _application_ApplicationRollbackRequest__Output,
} from '../application/ApplicationRollbackRequest';
import type {
  ApplicationSyncRequest as _application_ApplicationSyncRequest,
  ApplicationSyncRequest__Output as _application_ApplicationSyncRequest__Output,
} from '../application/ApplicationSyncRequest';
import type {
  ApplicationUpdateRequest as _application_ApplicationUpdateRequest,
  ApplicationUpdateRequest__Output as _application_ApplicationUpdateRequest__Output,
} from '../application/ApplicationUpdateRequest';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';
import type {
  JsonObjectList as _flotilla_JsonObjectList,
  JsonObjectList__Output as _flotilla_JsonObjectList__Output,
} from '../flotilla/JsonObjectList';
import type {
  OperationTerminateRequest as _application_OperationTerminateRequest,
  OperationTerminateRequest__Output as _application_OperationTerminateRequest__Output,
} from '../application/OperationTerminateRequest';
import type {
  OperationTerminateResponse as _application_OperationTerminateResponse,
  OperationTerminateResponse__Output as _application_OperationTerminateResponse__Output,
} from '../application/OperationTerminateResponse';
import type {
  ResourcesQuery as _application_ResourcesQuery,
  ResourcesQuery__Output as _application_ResourcesQuery__Output,
} from '../application/ResourcesQuery';

export interface ApplicationServiceClient extends grpc.Client {
  Create(
    argument: _application_ApplicationCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _application_ApplicationCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _application_ApplicationCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _application_ApplicationCreateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _application_ApplicationCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _application_ApplicationCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _application_ApplicationCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _application_ApplicationCreateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  Delete(
    argument: _application_ApplicationDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _application_ApplicationDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _application_ApplicationDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _application_ApplicationDeleteRequest,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _application_ApplicationDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _application_ApplicationDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _application_ApplicationDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _application_ApplicationDeleteRequest,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;

  Get(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _application_ApplicationQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(argument: _application_ApplicationQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  get(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _application_ApplicationQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(argument: _application_ApplicationQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  List(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _application_ApplicationQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(argument: _application_ApplicationQuery, callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>): grpc.ClientUnaryCall;
  list(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _application_ApplicationQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(argument: _application_ApplicationQuery, callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>): grpc.ClientUnaryCall;

  /**
   * The rendered manifests the Application currently wants.
   */
  ManagedResources(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ManagedResources(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ManagedResources(
    argument: _application_ResourcesQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ManagedResources(
    argument: _application_ResourcesQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * The rendered manifests the Application currently wants.
   */
  managedResources(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  managedResources(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  managedResources(
    argument: _application_ResourcesQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  managedResources(
    argument: _application_ResourcesQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  /**
   * The live resource tree the controller last recorded for the Application.
   */
  ResourceTree(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ResourceTree(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ResourceTree(
    argument: _application_ResourcesQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ResourceTree(argument: _application_ResourcesQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  /**
   * The live resource tree the controller last recorded for the Application.
   */
  resourceTree(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  resourceTree(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  resourceTree(
    argument: _application_ResourcesQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  resourceTree(argument: _application_ResourcesQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  /**
   * Syncs back to an earlier deployment from status.history; refused while auto-sync is on.
   */
  Rollback(
    argument: _application_ApplicationRollbackRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Rollback(
    argument: _application_ApplicationRollbackRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Rollback(
    argument: _application_ApplicationRollbackRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Rollback(
    argument: _application_ApplicationRollbackRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * Syncs back to an earlier deployment from status.history; refused while auto-sync is on.
   */
  rollback(
    argument: _application_ApplicationRollbackRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  rollback(
    argument: _application_ApplicationRollbackRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  rollback(
    argument: _application_ApplicationRollbackRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  rollback(
    argument: _application_ApplicationRollbackRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  Sync(
    argument: _application_ApplicationSyncRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Sync(
    argument: _application_ApplicationSyncRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Sync(
    argument: _application_ApplicationSyncRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Sync(argument: _application_ApplicationSyncRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  sync(
    argument: _application_ApplicationSyncRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  sync(
    argument: _application_ApplicationSyncRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  sync(
    argument: _application_ApplicationSyncRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  sync(argument: _application_ApplicationSyncRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  /**
   * Asks the controller to stop the running operation (it marks it Failed "Operation terminated").
   */
  TerminateOperation(
    argument: _application_OperationTerminateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  TerminateOperation(
    argument: _application_OperationTerminateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  TerminateOperation(
    argument: _application_OperationTerminateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  TerminateOperation(
    argument: _application_OperationTerminateRequest,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * Asks the controller to stop the running operation (it marks it Failed "Operation terminated").
   */
  terminateOperation(
    argument: _application_OperationTerminateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  terminateOperation(
    argument: _application_OperationTerminateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  terminateOperation(
    argument: _application_OperationTerminateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  terminateOperation(
    argument: _application_OperationTerminateRequest,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;

  Update(
    argument: _application_ApplicationUpdateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(
    argument: _application_ApplicationUpdateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(
    argument: _application_ApplicationUpdateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(
    argument: _application_ApplicationUpdateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _application_ApplicationUpdateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _application_ApplicationUpdateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _application_ApplicationUpdateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _application_ApplicationUpdateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
}

export interface ApplicationServiceHandlers extends grpc.UntypedServiceImplementation {
  Create: grpc.handleUnaryCall<_application_ApplicationCreateRequest__Output, _flotilla_JsonObject>;

  Delete: grpc.handleUnaryCall<_application_ApplicationDeleteRequest__Output, _application_ApplicationResponse>;

  Get: grpc.handleUnaryCall<_application_ApplicationQuery__Output, _flotilla_JsonObject>;

  List: grpc.handleUnaryCall<_application_ApplicationQuery__Output, _flotilla_JsonObjectList>;

  /**
   * The rendered manifests the Application currently wants.
   */
  ManagedResources: grpc.handleUnaryCall<_application_ResourcesQuery__Output, _flotilla_JsonObject>;

  /**
   * The live resource tree the controller last recorded for the Application.
   */
  ResourceTree: grpc.handleUnaryCall<_application_ResourcesQuery__Output, _flotilla_JsonObject>;

  /**
   * Syncs back to an earlier deployment from status.history; refused while auto-sync is on.
   */
  Rollback: grpc.handleUnaryCall<_application_ApplicationRollbackRequest__Output, _flotilla_JsonObject>;

  Sync: grpc.handleUnaryCall<_application_ApplicationSyncRequest__Output, _flotilla_JsonObject>;

  /**
   * Asks the controller to stop the running operation (it marks it Failed "Operation terminated").
   */
  TerminateOperation: grpc.handleUnaryCall<_application_OperationTerminateRequest__Output, _application_OperationTerminateResponse>;

  Update: grpc.handleUnaryCall<_application_ApplicationUpdateRequest__Output, _flotilla_JsonObject>;
}

export interface ApplicationServiceDefinition extends grpc.ServiceDefinition {
  Create: MethodDefinition<
    _application_ApplicationCreateRequest,
    _flotilla_JsonObject,
    _application_ApplicationCreateRequest__Output,
    _flotilla_JsonObject__Output
  >;
  Delete: MethodDefinition<
    _application_ApplicationDeleteRequest,
    _application_ApplicationResponse,
    _application_ApplicationDeleteRequest__Output,
    _application_ApplicationResponse__Output
  >;
  Get: MethodDefinition<
    _application_ApplicationQuery,
    _flotilla_JsonObject,
    _application_ApplicationQuery__Output,
    _flotilla_JsonObject__Output
  >;
  List: MethodDefinition<
    _application_ApplicationQuery,
    _flotilla_JsonObjectList,
    _application_ApplicationQuery__Output,
    _flotilla_JsonObjectList__Output
  >;
  ManagedResources: MethodDefinition<
    _application_ResourcesQuery,
    _flotilla_JsonObject,
    _application_ResourcesQuery__Output,
    _flotilla_JsonObject__Output
  >;
  ResourceTree: MethodDefinition<
    _application_ResourcesQuery,
    _flotilla_JsonObject,
    _application_ResourcesQuery__Output,
    _flotilla_JsonObject__Output
  >;
  Rollback: MethodDefinition<
    _application_ApplicationRollbackRequest,
    _flotilla_JsonObject,
    _application_ApplicationRollbackRequest__Output,
    _flotilla_JsonObject__Output
  >;
  Sync: MethodDefinition<
    _application_ApplicationSyncRequest,
    _flotilla_JsonObject,
    _application_ApplicationSyncRequest__Output,
    _flotilla_JsonObject__Output
  >;
  TerminateOperation: MethodDefinition<
    _application_OperationTerminateRequest,
    _application_OperationTerminateResponse,
    _application_OperationTerminateRequest__Output,
    _application_OperationTerminateResponse__Output
  >;
  Update: MethodDefinition<
    _application_ApplicationUpdateRequest,
    _flotilla_JsonObject,
    _application_ApplicationUpdateRequest__Output,
    _flotilla_JsonObject__Output
  >;
}
