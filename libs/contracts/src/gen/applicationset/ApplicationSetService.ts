// Original file: proto/applicationset/applicationset.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  ApplicationSetCreateRequest as _applicationset_ApplicationSetCreateRequest,
  ApplicationSetCreateRequest__Output as _applicationset_ApplicationSetCreateRequest__Output,
} from '../applicationset/ApplicationSetCreateRequest';
import type {
  ApplicationSetDeleteRequest as _applicationset_ApplicationSetDeleteRequest,
  ApplicationSetDeleteRequest__Output as _applicationset_ApplicationSetDeleteRequest__Output,
} from '../applicationset/ApplicationSetDeleteRequest';
import type {
  ApplicationSetGenerateRequest as _applicationset_ApplicationSetGenerateRequest,
  ApplicationSetGenerateRequest__Output as _applicationset_ApplicationSetGenerateRequest__Output,
} from '../applicationset/ApplicationSetGenerateRequest';
import type {
  ApplicationSetGenerateResponse as _applicationset_ApplicationSetGenerateResponse,
  ApplicationSetGenerateResponse__Output as _applicationset_ApplicationSetGenerateResponse__Output,
} from '../applicationset/ApplicationSetGenerateResponse';
import type {
  ApplicationSetGetQuery as _applicationset_ApplicationSetGetQuery,
  ApplicationSetGetQuery__Output as _applicationset_ApplicationSetGetQuery__Output,
} from '../applicationset/ApplicationSetGetQuery';
import type {
  ApplicationSetListQuery as _applicationset_ApplicationSetListQuery,
  ApplicationSetListQuery__Output as _applicationset_ApplicationSetListQuery__Output,
} from '../applicationset/ApplicationSetListQuery';
import type {
  ApplicationSetResponse as _applicationset_ApplicationSetResponse,
  ApplicationSetResponse__Output as _applicationset_ApplicationSetResponse__Output,
} from '../applicationset/ApplicationSetResponse';
import type {
  ApplicationSetTreeQuery as _applicationset_ApplicationSetTreeQuery,
  ApplicationSetTreeQuery__Output as _applicationset_ApplicationSetTreeQuery__Output,
} from '../applicationset/ApplicationSetTreeQuery';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';
import type {
  JsonObjectList as _flotilla_JsonObjectList,
  JsonObjectList__Output as _flotilla_JsonObjectList__Output,
} from '../flotilla/JsonObjectList';

export interface ApplicationSetServiceClient extends grpc.Client {
  Create(
    argument: _applicationset_ApplicationSetCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _applicationset_ApplicationSetCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _applicationset_ApplicationSetCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _applicationset_ApplicationSetCreateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _applicationset_ApplicationSetCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _applicationset_ApplicationSetCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _applicationset_ApplicationSetCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _applicationset_ApplicationSetCreateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  Delete(
    argument: _applicationset_ApplicationSetDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_applicationset_ApplicationSetResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _applicationset_ApplicationSetDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_applicationset_ApplicationSetResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _applicationset_ApplicationSetDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_applicationset_ApplicationSetResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _applicationset_ApplicationSetDeleteRequest,
    callback: grpc.requestCallback<_applicationset_ApplicationSetResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _applicationset_ApplicationSetDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_applicationset_ApplicationSetResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _applicationset_ApplicationSetDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_applicationset_ApplicationSetResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _applicationset_ApplicationSetDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_applicationset_ApplicationSetResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _applicationset_ApplicationSetDeleteRequest,
    callback: grpc.requestCallback<_applicationset_ApplicationSetResponse__Output>,
  ): grpc.ClientUnaryCall;

  Generate(
    argument: _applicationset_ApplicationSetGenerateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_applicationset_ApplicationSetGenerateResponse__Output>,
  ): grpc.ClientUnaryCall;
  Generate(
    argument: _applicationset_ApplicationSetGenerateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_applicationset_ApplicationSetGenerateResponse__Output>,
  ): grpc.ClientUnaryCall;
  Generate(
    argument: _applicationset_ApplicationSetGenerateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_applicationset_ApplicationSetGenerateResponse__Output>,
  ): grpc.ClientUnaryCall;
  Generate(
    argument: _applicationset_ApplicationSetGenerateRequest,
    callback: grpc.requestCallback<_applicationset_ApplicationSetGenerateResponse__Output>,
  ): grpc.ClientUnaryCall;
  generate(
    argument: _applicationset_ApplicationSetGenerateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_applicationset_ApplicationSetGenerateResponse__Output>,
  ): grpc.ClientUnaryCall;
  generate(
    argument: _applicationset_ApplicationSetGenerateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_applicationset_ApplicationSetGenerateResponse__Output>,
  ): grpc.ClientUnaryCall;
  generate(
    argument: _applicationset_ApplicationSetGenerateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_applicationset_ApplicationSetGenerateResponse__Output>,
  ): grpc.ClientUnaryCall;
  generate(
    argument: _applicationset_ApplicationSetGenerateRequest,
    callback: grpc.requestCallback<_applicationset_ApplicationSetGenerateResponse__Output>,
  ): grpc.ClientUnaryCall;

  Get(
    argument: _applicationset_ApplicationSetGetQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _applicationset_ApplicationSetGetQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _applicationset_ApplicationSetGetQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(argument: _applicationset_ApplicationSetGetQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  get(
    argument: _applicationset_ApplicationSetGetQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _applicationset_ApplicationSetGetQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _applicationset_ApplicationSetGetQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(argument: _applicationset_ApplicationSetGetQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  List(
    argument: _applicationset_ApplicationSetListQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _applicationset_ApplicationSetListQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _applicationset_ApplicationSetListQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _applicationset_ApplicationSetListQuery,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _applicationset_ApplicationSetListQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _applicationset_ApplicationSetListQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _applicationset_ApplicationSetListQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _applicationset_ApplicationSetListQuery,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;

  /**
   * The Applications an ApplicationSet owns, as its status lists them (Argo's ApplicationSetTree, as JSON).
   */
  ResourceTree(
    argument: _applicationset_ApplicationSetTreeQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ResourceTree(
    argument: _applicationset_ApplicationSetTreeQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ResourceTree(
    argument: _applicationset_ApplicationSetTreeQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ResourceTree(
    argument: _applicationset_ApplicationSetTreeQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * The Applications an ApplicationSet owns, as its status lists them (Argo's ApplicationSetTree, as JSON).
   */
  resourceTree(
    argument: _applicationset_ApplicationSetTreeQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  resourceTree(
    argument: _applicationset_ApplicationSetTreeQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  resourceTree(
    argument: _applicationset_ApplicationSetTreeQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  resourceTree(
    argument: _applicationset_ApplicationSetTreeQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
}

export interface ApplicationSetServiceHandlers extends grpc.UntypedServiceImplementation {
  Create: grpc.handleUnaryCall<_applicationset_ApplicationSetCreateRequest__Output, _flotilla_JsonObject>;

  Delete: grpc.handleUnaryCall<_applicationset_ApplicationSetDeleteRequest__Output, _applicationset_ApplicationSetResponse>;

  Generate: grpc.handleUnaryCall<_applicationset_ApplicationSetGenerateRequest__Output, _applicationset_ApplicationSetGenerateResponse>;

  Get: grpc.handleUnaryCall<_applicationset_ApplicationSetGetQuery__Output, _flotilla_JsonObject>;

  List: grpc.handleUnaryCall<_applicationset_ApplicationSetListQuery__Output, _flotilla_JsonObjectList>;

  /**
   * The Applications an ApplicationSet owns, as its status lists them (Argo's ApplicationSetTree, as JSON).
   */
  ResourceTree: grpc.handleUnaryCall<_applicationset_ApplicationSetTreeQuery__Output, _flotilla_JsonObject>;
}

export interface ApplicationSetServiceDefinition extends grpc.ServiceDefinition {
  Create: MethodDefinition<
    _applicationset_ApplicationSetCreateRequest,
    _flotilla_JsonObject,
    _applicationset_ApplicationSetCreateRequest__Output,
    _flotilla_JsonObject__Output
  >;
  Delete: MethodDefinition<
    _applicationset_ApplicationSetDeleteRequest,
    _applicationset_ApplicationSetResponse,
    _applicationset_ApplicationSetDeleteRequest__Output,
    _applicationset_ApplicationSetResponse__Output
  >;
  Generate: MethodDefinition<
    _applicationset_ApplicationSetGenerateRequest,
    _applicationset_ApplicationSetGenerateResponse,
    _applicationset_ApplicationSetGenerateRequest__Output,
    _applicationset_ApplicationSetGenerateResponse__Output
  >;
  Get: MethodDefinition<
    _applicationset_ApplicationSetGetQuery,
    _flotilla_JsonObject,
    _applicationset_ApplicationSetGetQuery__Output,
    _flotilla_JsonObject__Output
  >;
  List: MethodDefinition<
    _applicationset_ApplicationSetListQuery,
    _flotilla_JsonObjectList,
    _applicationset_ApplicationSetListQuery__Output,
    _flotilla_JsonObjectList__Output
  >;
  ResourceTree: MethodDefinition<
    _applicationset_ApplicationSetTreeQuery,
    _flotilla_JsonObject,
    _applicationset_ApplicationSetTreeQuery__Output,
    _flotilla_JsonObject__Output
  >;
}
