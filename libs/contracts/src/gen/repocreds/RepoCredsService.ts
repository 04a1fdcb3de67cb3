// Original file: proto/repocreds/repocreds.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';
import type {
  JsonObjectList as _flotilla_JsonObjectList,
  JsonObjectList__Output as _flotilla_JsonObjectList__Output,
} from '../flotilla/JsonObjectList';
import type {
  RepoCredsCreateRequest as _repocreds_RepoCredsCreateRequest,
  RepoCredsCreateRequest__Output as _repocreds_RepoCredsCreateRequest__Output,
} from '../repocreds/RepoCredsCreateRequest';
import type {
  RepoCredsDeleteRequest as _repocreds_RepoCredsDeleteRequest,
  RepoCredsDeleteRequest__Output as _repocreds_RepoCredsDeleteRequest__Output,
} from '../repocreds/RepoCredsDeleteRequest';
import type {
  RepoCredsQuery as _repocreds_RepoCredsQuery,
  RepoCredsQuery__Output as _repocreds_RepoCredsQuery__Output,
} from '../repocreds/RepoCredsQuery';
import type {
  RepoCredsResponse as _repocreds_RepoCredsResponse,
  RepoCredsResponse__Output as _repocreds_RepoCredsResponse__Output,
} from '../repocreds/RepoCredsResponse';
import type {
  RepoCredsUpdateRequest as _repocreds_RepoCredsUpdateRequest,
  RepoCredsUpdateRequest__Output as _repocreds_RepoCredsUpdateRequest__Output,
} from '../repocreds/RepoCredsUpdateRequest';

export interface RepoCredsServiceClient extends grpc.Client {
  CreateRepositoryCredentials(
    argument: _repocreds_RepoCredsCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  CreateRepositoryCredentials(
    argument: _repocreds_RepoCredsCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  CreateRepositoryCredentials(
    argument: _repocreds_RepoCredsCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  CreateRepositoryCredentials(
    argument: _repocreds_RepoCredsCreateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  createRepositoryCredentials(
    argument: _repocreds_RepoCredsCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  createRepositoryCredentials(
    argument: _repocreds_RepoCredsCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  createRepositoryCredentials(
    argument: _repocreds_RepoCredsCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  createRepositoryCredentials(
    argument: _repocreds_RepoCredsCreateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  DeleteRepositoryCredentials(
    argument: _repocreds_RepoCredsDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repocreds_RepoCredsResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteRepositoryCredentials(
    argument: _repocreds_RepoCredsDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repocreds_RepoCredsResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteRepositoryCredentials(
    argument: _repocreds_RepoCredsDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repocreds_RepoCredsResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteRepositoryCredentials(
    argument: _repocreds_RepoCredsDeleteRequest,
    callback: grpc.requestCallback<_repocreds_RepoCredsResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteRepositoryCredentials(
    argument: _repocreds_RepoCredsDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repocreds_RepoCredsResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteRepositoryCredentials(
    argument: _repocreds_RepoCredsDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repocreds_RepoCredsResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteRepositoryCredentials(
    argument: _repocreds_RepoCredsDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repocreds_RepoCredsResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteRepositoryCredentials(
    argument: _repocreds_RepoCredsDeleteRequest,
    callback: grpc.requestCallback<_repocreds_RepoCredsResponse__Output>,
  ): grpc.ClientUnaryCall;

  ListRepositoryCredentials(
    argument: _repocreds_RepoCredsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  ListRepositoryCredentials(
    argument: _repocreds_RepoCredsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  ListRepositoryCredentials(
    argument: _repocreds_RepoCredsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  ListRepositoryCredentials(
    argument: _repocreds_RepoCredsQuery,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  listRepositoryCredentials(
    argument: _repocreds_RepoCredsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  listRepositoryCredentials(
    argument: _repocreds_RepoCredsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  listRepositoryCredentials(
    argument: _repocreds_RepoCredsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  listRepositoryCredentials(
    argument: _repocreds_RepoCredsQuery,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;

  UpdateRepositoryCredentials(
    argument: _repocreds_RepoCredsUpdateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  UpdateRepositoryCredentials(
    argument: _repocreds_RepoCredsUpdateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  UpdateRepositoryCredentials(
    argument: _repocreds_RepoCredsUpdateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  UpdateRepositoryCredentials(
    argument: _repocreds_RepoCredsUpdateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  updateRepositoryCredentials(
    argument: _repocreds_RepoCredsUpdateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  updateRepositoryCredentials(
    argument: _repocreds_RepoCredsUpdateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  updateRepositoryCredentials(
    argument: _repocreds_RepoCredsUpdateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  updateRepositoryCredentials(
    argument: _repocreds_RepoCredsUpdateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
}

export interface RepoCredsServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateRepositoryCredentials: grpc.handleUnaryCall<_repocreds_RepoCredsCreateRequest__Output, _flotilla_JsonObject>;

  DeleteRepositoryCredentials: grpc.handleUnaryCall<_repocreds_RepoCredsDeleteRequest__Output, _repocreds_RepoCredsResponse>;

  ListRepositoryCredentials: grpc.handleUnaryCall<_repocreds_RepoCredsQuery__Output, _flotilla_JsonObjectList>;

  UpdateRepositoryCredentials: grpc.handleUnaryCall<_repocreds_RepoCredsUpdateRequest__Output, _flotilla_JsonObject>;
}

export interface RepoCredsServiceDefinition extends grpc.ServiceDefinition {
  CreateRepositoryCredentials: MethodDefinition<
    _repocreds_RepoCredsCreateRequest,
    _flotilla_JsonObject,
    _repocreds_RepoCredsCreateRequest__Output,
    _flotilla_JsonObject__Output
  >;
  DeleteRepositoryCredentials: MethodDefinition<
    _repocreds_RepoCredsDeleteRequest,
    _repocreds_RepoCredsResponse,
    _repocreds_RepoCredsDeleteRequest__Output,
    _repocreds_RepoCredsResponse__Output
  >;
  ListRepositoryCredentials: MethodDefinition<
    _repocreds_RepoCredsQuery,
    _flotilla_JsonObjectList,
    _repocreds_RepoCredsQuery__Output,
    _flotilla_JsonObjectList__Output
  >;
  UpdateRepositoryCredentials: MethodDefinition<
    _repocreds_RepoCredsUpdateRequest,
    _flotilla_JsonObject,
    _repocreds_RepoCredsUpdateRequest__Output,
    _flotilla_JsonObject__Output
  >;
}
