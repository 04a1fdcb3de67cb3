// Original file: proto/cluster/cluster.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  ClusterCreateRequest as _cluster_ClusterCreateRequest,
  ClusterCreateRequest__Output as _cluster_ClusterCreateRequest__Output,
} from '../cluster/ClusterCreateRequest';
import type { ClusterQuery as _cluster_ClusterQuery, ClusterQuery__Output as _cluster_ClusterQuery__Output } from '../cluster/ClusterQuery';
import type {
  ClusterResponse as _cluster_ClusterResponse,
  ClusterResponse__Output as _cluster_ClusterResponse__Output,
} from '../cluster/ClusterResponse';
import type {
  ClusterUpdateRequest as _cluster_ClusterUpdateRequest,
  ClusterUpdateRequest__Output as _cluster_ClusterUpdateRequest__Output,
} from '../cluster/ClusterUpdateRequest';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';
import type {
  JsonObjectList as _flotilla_JsonObjectList,
  JsonObjectList__Output as _flotilla_JsonObjectList__Output,
} from '../flotilla/JsonObjectList';

export interface ClusterServiceClient extends grpc.Client {
  Create(
    argument: _cluster_ClusterCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _cluster_ClusterCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _cluster_ClusterCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(argument: _cluster_ClusterCreateRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  create(
    argument: _cluster_ClusterCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _cluster_ClusterCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _cluster_ClusterCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(argument: _cluster_ClusterCreateRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  Delete(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _cluster_ClusterQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(argument: _cluster_ClusterQuery, callback: grpc.requestCallback<_cluster_ClusterResponse__Output>): grpc.ClientUnaryCall;
  delete(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _cluster_ClusterQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(argument: _cluster_ClusterQuery, callback: grpc.requestCallback<_cluster_ClusterResponse__Output>): grpc.ClientUnaryCall;

  Get(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _cluster_ClusterQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(argument: _cluster_ClusterQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  get(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _cluster_ClusterQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(argument: _cluster_ClusterQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  List(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _cluster_ClusterQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(argument: _cluster_ClusterQuery, callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>): grpc.ClientUnaryCall;
  list(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _cluster_ClusterQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(argument: _cluster_ClusterQuery, callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>): grpc.ClientUnaryCall;

  /**
   * Replaces the bearer token of a cluster reached through a ServiceAccount's token Secret.
   */
  RotateAuth(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  RotateAuth(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  RotateAuth(
    argument: _cluster_ClusterQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  RotateAuth(argument: _cluster_ClusterQuery, callback: grpc.requestCallback<_cluster_ClusterResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Replaces the bearer token of a cluster reached through a ServiceAccount's token Secret.
   */
  rotateAuth(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  rotateAuth(
    argument: _cluster_ClusterQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  rotateAuth(
    argument: _cluster_ClusterQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_ClusterResponse__Output>,
  ): grpc.ClientUnaryCall;
  rotateAuth(argument: _cluster_ClusterQuery, callback: grpc.requestCallback<_cluster_ClusterResponse__Output>): grpc.ClientUnaryCall;

  Update(
    argument: _cluster_ClusterUpdateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(
    argument: _cluster_ClusterUpdateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(
    argument: _cluster_ClusterUpdateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(argument: _cluster_ClusterUpdateRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  update(
    argument: _cluster_ClusterUpdateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _cluster_ClusterUpdateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _cluster_ClusterUpdateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(argument: _cluster_ClusterUpdateRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
}

export interface ClusterServiceHandlers extends grpc.UntypedServiceImplementation {
  Create: grpc.handleUnaryCall<_cluster_ClusterCreateRequest__Output, _flotilla_JsonObject>;

  Delete: grpc.handleUnaryCall<_cluster_ClusterQuery__Output, _cluster_ClusterResponse>;

  Get: grpc.handleUnaryCall<_cluster_ClusterQuery__Output, _flotilla_JsonObject>;

  List: grpc.handleUnaryCall<_cluster_ClusterQuery__Output, _flotilla_JsonObjectList>;

  /**
   * Replaces the bearer token of a cluster reached through a ServiceAccount's token Secret.
   */
  RotateAuth: grpc.handleUnaryCall<_cluster_ClusterQuery__Output, _cluster_ClusterResponse>;

  Update: grpc.handleUnaryCall<_cluster_ClusterUpdateRequest__Output, _flotilla_JsonObject>;
}

export interface ClusterServiceDefinition extends grpc.ServiceDefinition {
  Create: MethodDefinition<
    _cluster_ClusterCreateRequest,
    _flotilla_JsonObject,
    _cluster_ClusterCreateRequest__Output,
    _flotilla_JsonObject__Output
  >;
  Delete: MethodDefinition<
    _cluster_ClusterQuery,
    _cluster_ClusterResponse,
    _cluster_ClusterQuery__Output,
    _cluster_ClusterResponse__Output
  >;
  Get: MethodDefinition<_cluster_ClusterQuery, _flotilla_JsonObject, _cluster_ClusterQuery__Output, _flotilla_JsonObject__Output>;
  List: MethodDefinition<_cluster_ClusterQuery, _flotilla_JsonObjectList, _cluster_ClusterQuery__Output, _flotilla_JsonObjectList__Output>;
  RotateAuth: MethodDefinition<
    _cluster_ClusterQuery,
    _cluster_ClusterResponse,
    _cluster_ClusterQuery__Output,
    _cluster_ClusterResponse__Output
  >;
  Update: MethodDefinition<
    _cluster_ClusterUpdateRequest,
    _flotilla_JsonObject,
    _cluster_ClusterUpdateRequest__Output,
    _flotilla_JsonObject__Output
  >;
}
