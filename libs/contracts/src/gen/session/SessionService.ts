// Original file: proto/session/session.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  GetUserInfoRequest as _session_GetUserInfoRequest,
  GetUserInfoRequest__Output as _session_GetUserInfoRequest__Output,
} from '../session/GetUserInfoRequest';
import type {
  GetUserInfoResponse as _session_GetUserInfoResponse,
  GetUserInfoResponse__Output as _session_GetUserInfoResponse__Output,
} from '../session/GetUserInfoResponse';
import type {
  SessionCreateRequest as _session_SessionCreateRequest,
  SessionCreateRequest__Output as _session_SessionCreateRequest__Output,
} from '../session/SessionCreateRequest';
import type {
  SessionDeleteRequest as _session_SessionDeleteRequest,
  SessionDeleteRequest__Output as _session_SessionDeleteRequest__Output,
} from '../session/SessionDeleteRequest';
import type {
  SessionResponse as _session_SessionResponse,
  SessionResponse__Output as _session_SessionResponse__Output,
} from '../session/SessionResponse';

export interface SessionServiceClient extends grpc.Client {
  Create(
    argument: _session_SessionCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _session_SessionCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _session_SessionCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  Create(argument: _session_SessionCreateRequest, callback: grpc.requestCallback<_session_SessionResponse__Output>): grpc.ClientUnaryCall;
  create(
    argument: _session_SessionCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _session_SessionCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _session_SessionCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  create(argument: _session_SessionCreateRequest, callback: grpc.requestCallback<_session_SessionResponse__Output>): grpc.ClientUnaryCall;

  Delete(
    argument: _session_SessionDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _session_SessionDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _session_SessionDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(argument: _session_SessionDeleteRequest, callback: grpc.requestCallback<_session_SessionResponse__Output>): grpc.ClientUnaryCall;
  delete(
    argument: _session_SessionDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _session_SessionDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _session_SessionDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_SessionResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(argument: _session_SessionDeleteRequest, callback: grpc.requestCallback<_session_SessionResponse__Output>): grpc.ClientUnaryCall;

  GetUserInfo(
    argument: _session_GetUserInfoRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_GetUserInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetUserInfo(
    argument: _session_GetUserInfoRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_session_GetUserInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetUserInfo(
    argument: _session_GetUserInfoRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_GetUserInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetUserInfo(
    argument: _session_GetUserInfoRequest,
    callback: grpc.requestCallback<_session_GetUserInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  getUserInfo(
    argument: _session_GetUserInfoRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_GetUserInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  getUserInfo(
    argument: _session_GetUserInfoRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_session_GetUserInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  getUserInfo(
    argument: _session_GetUserInfoRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_session_GetUserInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
  getUserInfo(
    argument: _session_GetUserInfoRequest,
    callback: grpc.requestCallback<_session_GetUserInfoResponse__Output>,
  ): grpc.ClientUnaryCall;
}

export interface SessionServiceHandlers extends grpc.UntypedServiceImplementation {
  Create: grpc.handleUnaryCall<_session_SessionCreateRequest__Output, _session_SessionResponse>;

  Delete: grpc.handleUnaryCall<_session_SessionDeleteRequest__Output, _session_SessionResponse>;

  GetUserInfo: grpc.handleUnaryCall<_session_GetUserInfoRequest__Output, _session_GetUserInfoResponse>;
}

export interface SessionServiceDefinition extends grpc.ServiceDefinition {
  Create: MethodDefinition<
    _session_SessionCreateRequest,
    _session_SessionResponse,
    _session_SessionCreateRequest__Output,
    _session_SessionResponse__Output
  >;
  Delete: MethodDefinition<
    _session_SessionDeleteRequest,
    _session_SessionResponse,
    _session_SessionDeleteRequest__Output,
    _session_SessionResponse__Output
  >;
  GetUserInfo: MethodDefinition<
    _session_GetUserInfoRequest,
    _session_GetUserInfoResponse,
    _session_GetUserInfoRequest__Output,
    _session_GetUserInfoResponse__Output
  >;
}
